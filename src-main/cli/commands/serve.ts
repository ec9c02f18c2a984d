import { dirname, join, resolve } from 'node:path'
import { defaultDbPath } from '../../engine/paths'
import { startWebBridge } from '../../web-bridge'
import type { CliCommand } from '../command'
import { parseWholeNumber } from '../options'

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: '  serve [--port N]             Serve the app UI on 127.0.0.1 behind a token',
  async run(argv, ctx) {
    const { values } = ctx.parse(argv, { port: { type: 'string', default: '0' } })
    const port = parseWholeNumber('--port', values.port, { min: 0, max: 65535 })
    const eng = ctx.open(values.db)
    const dbPath = resolve(values.db ?? defaultDbPath())
    const bridge = await startWebBridge({ engine: eng, files: eng.files, rendererDir: ctx.paths.rendererDir, uploadDir: join(dirname(dbPath), 'uploads'), port })
    if (values.json) process.stdout.write(`${JSON.stringify({ url: bridge.url, token: bridge.token, port: bridge.port })}\n`)
    else process.stdout.write(`Offerwise is running at ${bridge.url}\nOpen that address in a browser on this computer. Press Ctrl+C to stop.\n`)
    await new Promise<void>((done) => {
      const stop = (): void => void bridge.close().then(done)
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    return 0
  },
}
