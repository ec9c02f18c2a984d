/**
 * `tsx test/e2e/serve-fake.ts --db <file>`: the web bridge in front of the fake
 * engine, printing the same JSON line as `offerwise serve --json`.
 */
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startWebBridge } from '../../src-main/web-bridge'
import { FileRegistry } from '../../src-main/engine/ingest/file-registry'
import { createFakeEngine } from './fake-engine'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string', default: '0' }, json: { type: 'boolean' } } })
  const dbPath = resolve(values.db ?? 'offerwise.sqlite')
  const files = new FileRegistry()
  const bridge = await startWebBridge({
    engine: createFakeEngine(dbPath, files),
    files,
    rendererDir: resolve(__dirname, '../../out/renderer'),
    uploadDir: join(dirname(dbPath), 'uploads'),
    port: Number(values.port),
  })
  process.stdout.write(`${JSON.stringify({ url: bridge.url, token: bridge.token, port: bridge.port })}\n`)
  const stop = (): void => void bridge.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

void main()
