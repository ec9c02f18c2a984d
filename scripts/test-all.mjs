// `npm test`: every level of tests, in order, against a fresh build.
//   1. build (electron-vite): the CLI, the job worker and the renderer under test
//   2. vitest: engine unit and integration tests under plain Node
//   3. vitest: CLI end-to-end on the real data in ../shared/data
//   4. Playwright: the built UI in Debian's Chromium through the web bridge
//   5. Playwright: the Electron smoke test (skipped, with the reason, where no Electron binary exists)
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { missingChromium } from './prerequisites.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const only = process.argv.slice(2)

const steps = [
  ['build', ['electron-vite', 'build']],
  ['unit', ['vitest', 'run']],
  ['cli', ['vitest', 'run', '--config', 'vitest.cli.config.mts']],
  ['e2e', ['playwright', 'test']],
  ['electron', ['playwright', 'test', '--config', 'playwright.electron.config.ts']],
]

const wanted = (name) => only.length === 0 || only.includes(name)

// Prerequisites first, so a missing browser is reported in one line before a
// six-minute run, not as a failure of every UI test at the end. The UI level
// must run in CI, so this fails rather than skipping it.
if (wanted('e2e')) {
  const problem = missingChromium()
  if (problem) {
    console.error(`npm test cannot run: ${problem}`)
    process.exit(1)
  }
}

const results = []
for (const [name, args] of steps) {
  if (!wanted(name)) continue
  console.log(`\n=== ${name}: npx ${args.join(' ')}`)
  const started = Date.now()
  const status = spawnSync(npx, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) })
  if (status !== 0) break
}
console.log('\n=== summary')
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(9)} ${r.seconds} s`)
process.exit(results.every((r) => r.ok) && results.length > 0 ? 0 : 1)
