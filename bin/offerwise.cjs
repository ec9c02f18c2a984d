#!/usr/bin/env node
// Runs the built CLI. `npm install` builds it (the "prepare" script); after
// editing sources, `npm run build` refreshes it.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('offerwise: the app is not built yet. Run `npm run build` in the Offerwise folder first.\n')
  process.exit(1)
}
require(cli)
