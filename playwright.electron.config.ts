import { defineConfig } from '@playwright/test'

// The Electron smoke test: runs where the Electron binary exists, otherwise
// the test reports that it was skipped and why.
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  // The test sandbox for temp files and the default data folder, checked at the end (test/support/sandbox.ts).
  globalSetup: './test/support/global-setup.ts',
  workers: 1,
  timeout: 120_000,
  reporter: [['list']],
})
