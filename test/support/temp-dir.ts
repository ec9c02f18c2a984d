/**
 * Temp folders for vitest tests that remove themselves: every folder made
 * here is deleted after the test file that made it, pass or fail, so a test
 * run leaves nothing in the system temp folder (see sandbox.ts for the check).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []

// Registered when a test file first imports this module (each file has its
// own module instance), and registered first, so it runs after the file's own
// afterAll hooks have closed their databases.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
})

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
