import { defineConfig } from '@playwright/test'
import { chromiumPath } from './scripts/prerequisites.mjs'

/**
 * End-to-end tests of the renderer against the real engine behind the web
 * bridge (see test/e2e/fixtures.ts). Playwright's own browser download cannot
 * work offline, so the system Chromium is used.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Checks for Chromium once, before any test (scripts/prerequisites.mjs).
  globalSetup: './test/e2e/global-setup.ts',
  // One at a time: each test starts its own engine process, and imports are CPU-heavy.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Real imports of real files take a while on a slow CI machine.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 30_000,
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
})
