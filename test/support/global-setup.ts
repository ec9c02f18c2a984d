/**
 * Global setup for every runner (vitest unit and CLI, Playwright): points the
 * run at a sandbox, and at the end fails the run if anything was left behind
 * or a default database was used. The sandbox goes either way.
 */
import { tmpdir } from 'node:os'
import { defaultDbPath } from '../../src-main/engine/paths'
import { createSandbox, removeSandbox, sandboxEnv, sandboxProblems } from './sandbox'

export default function setup(): () => void {
  // Read before the environment changes: these are the user's real locations.
  const sandbox = createSandbox(tmpdir(), defaultDbPath())
  const env = sandboxEnv(sandbox)
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  // Workers and the processes they spawn inherit this environment.
  Object.assign(process.env, env)
  return () => {
    const problems = sandboxProblems(sandbox)
    removeSandbox(sandbox)
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    if (problems.length > 0) {
      // vitest only logs an error thrown here and still exits 0, so set the exit code as well.
      process.exitCode = 1
      throw new Error(`Test run hygiene: ${problems.join('; ')}`)
    }
  }
}
