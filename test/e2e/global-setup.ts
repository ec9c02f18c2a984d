import { missingChromium } from '../../scripts/prerequisites.mjs'
import sandboxSetup from '../support/global-setup'

/**
 * Stops the run before any test when Chromium is missing (one clear error
 * instead of one per test), then puts the run in the test sandbox; the
 * returned teardown fails the run if a test left files or used a default store.
 */
export default function globalSetup(): () => void {
  const problem = missingChromium()
  if (problem) throw new Error(problem)
  return sandboxSetup()
}
