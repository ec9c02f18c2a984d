import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const ROOT = resolve(__dirname, '../..')

/** The Electron executable if installed; never triggers a download (that cannot work offline). */
function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist'), readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** better-sqlite3 built for Electron by `npm start` (scripts/start.mjs). */
function electronSqlite(): string | null {
  const version = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string
  const binding = join(ROOT, 'out/native', `electron-${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node')
  return existsSync(binding) ? binding : null
}

test('the desktop window opens the guided UI with a locked-down renderer', async () => {
  const binary = electronBinary()
  const reason = 'Electron smoke test skipped: the Electron binary is not installed on this machine (it cannot be downloaded here). Run `npx install-electron` and `npm start` once where there is internet.'
  if (!binary) console.log(reason)
  test.skip(!binary, reason)
  const binding = electronSqlite()
  const bindingReason = 'Electron smoke test skipped: better-sqlite3 has not been built for Electron yet; `npm start` builds it once with internet access.'
  if (!binding) console.log(bindingReason)
  test.skip(!binding, bindingReason)

  const dataDir = mkdtempSync(join(tmpdir(), 'ow-electron-'))
  try {
    const app = await electron.launch({
      executablePath: binary as string,
      args: [ROOT],
      env: { ...process.env, OFFERWISE_DB: join(dataDir, 'offerwise.sqlite'), OFFERWISE_SQLITE_BINDING: binding as string },
    })
    const window = await app.firstWindow()
    await expect(window.locator('h1, header').first()).toContainText('Offerwise')
    // The renderer has no Node: the preload exposes only the typed bridge.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(await window.evaluate(() => Object.keys((window as unknown as { offerwise: object }).offerwise).sort())).toEqual(['call', 'on', 'stageFile'])
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const p = BrowserWindow.getAllWindows()[0].webContents.getLastWebPreferences()
      return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration }
    })
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    const info = await window.evaluate(() => (window as unknown as { offerwise: { call(c: string, a: object): Promise<{ shell: string }> } }).offerwise.call('app/info', {}))
    expect(info.shell).toBe('electron')
    await app.close()
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})
