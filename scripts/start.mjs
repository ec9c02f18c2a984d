// `npm start`: opens the desktop app. Where the Electron binary cannot be had
// (offline machines, CI), it says so in one line and serves the same UI in the
// browser through the web bridge on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const run = (command, args, options = {}) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...options })

if (!existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'out/renderer/index.html'))) {
  console.log('Building Offerwise…')
  if (run(npx, ['electron-vite', 'build']).status !== 0) process.exit(1)
}

const electron = findElectron()
const binding = electron ? sqliteForElectron(electron.version) : null
if (electron && binding) {
  const child = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, OFFERWISE_SQLITE_BINDING: binding } })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  const why = electron ? 'its database module could not be built for Electron (offline?)' : 'the Electron binary is not installed and could not be downloaded'
  console.log(`Offerwise desktop window unavailable: ${why}; run \`npx install-electron\` with internet access, then \`npm start\` again. Opening the same app in your browser instead:`)
  const child = spawn(process.execPath, [join(root, 'out/main/cli.js'), 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

/** The Electron executable, downloading it once if the machine can. */
function findElectron() {
  const pkgDir = join(root, 'node_modules/electron')
  if (!existsSync(pkgDir)) return null
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version
  const located = () => {
    const pathFile = join(pkgDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const relative = readFileSync(pathFile, 'utf8').trim()
    const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist')
    const path = join(base, relative)
    return existsSync(path) ? path : null
  }
  let path = located()
  if (!path) {
    const attempt = run(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 })
    if (attempt.status === 0) path = located()
  }
  return path ? { path, version } : null
}

/**
 * better-sqlite3 compiled for Electron's ABI, kept apart from the Node build
 * that the CLI and tests use. Tries a prebuilt binary, then a local compile;
 * both need the internet once.
 */
function sqliteForElectron(version) {
  const target = join(root, 'out/native', `electron-${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node')
  if (existsSync(target)) return target
  const work = join(root, 'out/native/build-better-sqlite3')
  rmSync(work, { recursive: true, force: true })
  cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) })
  console.log(`Preparing the database module for Electron ${version}…`)
  const prebuilt = run(join(root, 'node_modules/.bin/prebuild-install'), ['--runtime', 'electron', '--target', version, '--arch', process.arch], { cwd: work, stdio: 'ignore' })
  if (prebuilt.status !== 0) {
    const compiled = run(npx, ['node-gyp', 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'ignore' })
    if (compiled.status !== 0) return null
  }
  const built = join(work, 'build/Release/better_sqlite3.node')
  if (!existsSync(built)) return null
  mkdirSync(dirname(target), { recursive: true })
  cpSync(built, target)
  rmSync(work, { recursive: true, force: true })
  return target
}
