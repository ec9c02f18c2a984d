/**
 * `npm run bench` runs this after bench.js (or alone: `npm run bench:scale`):
 * learning cost on generated shops of growing size (bench/scale-bench.ts).
 *
 *   node out/main/bench-scale.js [--sizes 5000,20000] [--backend wasm]
 *
 * Prints the figures and writes bench/scale-results.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BackendPreference } from '../src-main/engine/ml'
import { printScaleBench, scaleBench, scaleTrainChild } from './scale-bench'

const root = resolve(__dirname, '../..')

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}

function backendFrom(text: string | undefined): BackendPreference {
  if (text === undefined) return 'wasm'
  if (text === 'node' || text === 'wasm' || text === 'cpu') return text
  throw new Error(`--backend must be node, wasm or cpu (got ${text})`)
}

function sizesFrom(text: string | undefined): number[] {
  const sizes = (text ?? '5000,20000').split(',').map((s) => Number(s.trim()))
  if (sizes.some((n) => !Number.isInteger(n) || n < 50)) throw new Error(`--sizes must be whole numbers of customers, at least 50 each (got ${text})`)
  return [...sizes].sort((a, b) => a - b)
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ow-scale-'))
  try {
    const result = await scaleBench(dir, sizesFrom(option('sizes')), backendFrom(option('backend')), __filename, join(__dirname, 'job-worker.js'))
    printScaleBench(result)
    const machine = { cpus: cpus().length, node: process.version }
    writeFileSync(join(root, 'bench/scale-results.json'), `${JSON.stringify({ machine, ...result }, null, 2)}\n`)
    console.log('Written to bench/scale-results.json')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function fail(error: unknown): void {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}

if (process.argv[2] === '--scale-train') {
  const [, , , backend, dbPath] = process.argv
  scaleTrainChild(dbPath, backendFrom(backend)).then((result) => console.log(JSON.stringify(result)), fail)
} else {
  main().catch(fail)
}
