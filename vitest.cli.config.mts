import { defineConfig } from 'vitest/config'

// CLI end-to-end: runs the built `offerwise` on real files (../shared/data).
// Slow by nature (the full Online Retail file), so kept apart from unit tests.
export default defineConfig({
  test: {
    include: ['test/cli/**/*.test.ts'],
    environment: 'node',
    // A sandbox for temp files and the default data folder, checked at the end (test/support/sandbox.ts).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
})
