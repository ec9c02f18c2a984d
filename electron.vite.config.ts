import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

// electron-vite only auto-finds src/main, src/preload and src/renderer, so every
// entry of our src-main/ + src-renderer/ layout is named here.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Dependencies (better-sqlite3, exceljs, tfjs...) stay in node_modules.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          // Electron main process (the thin shell).
          index: resolve(__dirname, 'src-main/index.ts'),
          // The CLI face, also used by tests and the web-bridge fallback.
          cli: resolve(__dirname, 'src-main/cli.ts'),
          // Worker thread that runs long jobs (import) off the main thread.
          'job-worker': resolve(__dirname, 'src-main/engine/jobs/job-worker.ts'),
          // Second thread of an import: reads and normalises order lines while the job writes them.
          'parse-worker': resolve(__dirname, 'src-main/engine/ingest/pipeline/parse-worker.ts'),
          // Benchmarks (npm run bench), built with the same bundler as the app.
          bench: resolve(__dirname, 'bench/run-bench.ts'),
          'bench-scale': resolve(__dirname, 'bench/run-scale-bench.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [svelte()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
      },
    },
  },
})
