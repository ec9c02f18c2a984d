/**
 * One throw-away folder per test run that stands in for the system temp
 * folder and for the app's data folder, and the check, at the end of the
 * run, that tests cleaned up and never used a default database.
 *
 * Tests get it through environment variables (TMPDIR, OFFERWISE_DATA_DIR,
 * XDG_CONFIG_HOME) set by the runners' global setup, so even a test that
 * forgets `--db` cannot reach the merchant's real store.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface Sandbox {
  root: string
  /** TMPDIR for the run: must be empty again at the end. */
  tmp: string
  /** OFFERWISE_DATA_DIR for the run: the "default" store; must stay unused. */
  dataDir: string
  /** The user's real default database, and how it looked before the run. */
  realDb: string
  realDbBefore: number | null
}

function modifiedAt(path: string): number | null {
  return existsSync(path) ? statSync(path).mtimeMs : null
}

/** Makes the sandbox under `parent` (the real temp folder), noting the real database's state. */
export function createSandbox(parent: string, realDb: string): Sandbox {
  const root = mkdtempSync(join(parent, 'offerwise-test-run-'))
  const sandbox = { root, tmp: join(root, 'tmp'), dataDir: join(root, 'data'), realDb, realDbBefore: modifiedAt(realDb) }
  mkdirSync(sandbox.tmp)
  mkdirSync(sandbox.dataDir)
  return sandbox
}

/** What a run's processes need in their environment to use the sandbox. */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  return {
    TMPDIR: sandbox.tmp,
    TMP: sandbox.tmp,
    TEMP: sandbox.tmp,
    OFFERWISE_DATA_DIR: sandbox.dataDir,
    // Also for a CLI built before paths.ts honoured OFFERWISE_DATA_DIR (Linux default).
    XDG_CONFIG_HOME: join(sandbox.root, 'config'),
  }
}

/** Every way the run failed to clean up or touched a default store; empty when all is well. */
export function sandboxProblems(sandbox: Sandbox): string[] {
  const problems: string[] = []
  const leftovers = readdirSync(sandbox.tmp)
  if (leftovers.length > 0) {
    problems.push(`tests left ${leftovers.length} item(s) in the temp folder (remove them in afterAll/afterEach): ${leftovers.sort().join(', ')}`)
  }
  const used = readdirSync(sandbox.dataDir)
  if (used.length > 0) problems.push(`a test used the default data folder (${used.join(', ')}): give it its own --db / dbPath`)
  const after = modifiedAt(sandbox.realDb)
  if (after !== sandbox.realDbBefore) {
    problems.push(`${sandbox.realDbBefore === null ? 'created' : 'changed'} the real data folder's database ${sandbox.realDb}`)
  }
  return problems
}

export function removeSandbox(sandbox: Sandbox): void {
  rmSync(sandbox.root, { recursive: true, force: true, maxRetries: 3 })
}
