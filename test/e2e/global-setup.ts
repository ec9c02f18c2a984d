import { missingChromium } from '../../scripts/prerequisites.mjs'

/** Stops the run before any test when Chromium is missing: one clear error instead of one per test. */
export default function globalSetup(): void {
  const problem = missingChromium()
  if (problem) throw new Error(problem)
}
