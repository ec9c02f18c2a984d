import { defineConfig } from 'vitest/config'

// Engine unit and integration tests under plain Node. Playwright's *.spec.ts
// files live in test/e2e and are not picked up here.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // A sandbox for temp files and the default data folder, checked at the end (test/support/sandbox.ts).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
})
