import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The app's data folder, the same one Electron's app.getPath('userData')
 * gives for an app named "Offerwise", so the CLI and the desktop app share a
 * store by default.
 *
 * OFFERWISE_DATA_DIR replaces it (for the CLI and `serve`): the test runners
 * set it to a throw-away folder so no test can reach the user's real store.
 */
export function defaultDataDir(): string {
  const chosen = process.env.OFFERWISE_DATA_DIR
  if (chosen) return chosen
  const home = homedir()
  switch (process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Offerwise')
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Offerwise')
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Offerwise')
  }
}

export function defaultDbPath(): string {
  return join(defaultDataDir(), 'offerwise.sqlite')
}
