// What the test levels need from the machine besides node_modules, checked
// once up front (by `npm test` and by Playwright's global setup) so a missing
// browser is one line naming the fix, not one failure per UI test.
import { existsSync } from 'node:fs'

/** Where the UI tests look for Chromium: OFFERWISE_CHROMIUM, else Debian/Ubuntu's locations. */
export function chromiumPath() {
  const chosen = process.env.OFFERWISE_CHROMIUM
  if (chosen) return chosen
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((path) => existsSync(path)) ?? candidates[0]
}

/** Null when Chromium is there; otherwise the one message to print. */
export function missingChromium() {
  const path = chromiumPath()
  if (existsSync(path)) return null
  const where = process.env.OFFERWISE_CHROMIUM ? `OFFERWISE_CHROMIUM=${path} does not exist` : `no Chromium at ${path}`
  return (
    `The UI tests need Chromium (${where}). Install it with \`sudo apt-get install -y chromium\` on Debian/Ubuntu; ` +
    'on macOS, Windows or other Linux, install Chrome or Chromium and set OFFERWISE_CHROMIUM to its executable.'
  )
}
