import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArgsOf, Channel, EngineApi, EngineEvents, EventName, ImportBatchSummary, JobFinished, ResultOf } from '../../../src-main/engine/api'
import { FileRegistry } from '../../../src-main/engine/ingest/file-registry'
import { startWebBridge, type WebBridge } from '../../../src-main/web-bridge'
import { tempDir } from '../../support/temp-dir'
import { FORMAT_FIXTURES, testEngine } from '../import/test-engine'

const TOKEN = 'c'.repeat(64)

/** An engine whose import jobs end when the test says, with the batch statuses the test chooses. */
class ScriptedEngine implements EngineApi {
  readonly files = new FileRegistry()
  readonly inspected: { path: string; existed: boolean }[] = []
  batches: Pick<ImportBatchSummary, 'id' | 'status'>[] = []
  /** Set to end the job inside `import/start`, before it has answered. */
  finishAtOnce: JobFinished['outcome'] | null = null
  private readonly listeners = new Map<string, Set<(payload: never) => void>>()

  async call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
    if (channel === 'import/inspect') {
      const path = this.files.resolve((args as ArgsOf<'import/inspect'>).file)
      this.inspected.push({ path, existed: existsSync(path) })
      return {} as ResultOf<C>
    }
    if (channel === 'import/start') {
      if (this.finishAtOnce) this.emit('job/finished', { jobId: 'job-1', kind: 'import', outcome: this.finishAtOnce })
      return { jobId: 'job-1' } as ResultOf<C>
    }
    if (channel === 'import/batches') return this.batches as ResultOf<C>
    throw new Error(`unexpected ${channel}`)
  }

  on<E extends EventName>(event: E, listener: (payload: EngineEvents[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set()
    this.listeners.set(event, set)
    set.add(listener as (payload: never) => void)
    return () => set.delete(listener as (payload: never) => void)
  }

  emit<E extends EventName>(event: E, payload: EngineEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: EngineEvents[E]) => void)(payload)
  }
}

async function post(bridge: WebBridge, path: string, body: string | Buffer, type = 'application/json'): Promise<Response> {
  return fetch(`http://127.0.0.1:${bridge.port}${path}`, { method: 'POST', headers: { 'Content-Type': type, 'X-Offerwise-Token': bridge.token }, body })
}

/** Uploads a file; returns the handle the page gets and, for the test to look at, the copy's path. */
async function upload(bridge: WebBridge, files: FileRegistry, name: string, content: string | Buffer): Promise<{ file: string; path: string }> {
  const reply = await post(bridge, `/api/upload?name=${encodeURIComponent(name)}`, content, 'application/octet-stream')
  expect(reply.status).toBe(200)
  const { file } = (await reply.json()) as { file: string }
  return { file, path: files.resolve(file) }
}

const request = (file: string) => ({ file, presetId: 'generic-orders', mapping: {}, dateOrder: 'auto', currency: 'USD' })

async function startImport(bridge: WebBridge, handles: string[]): Promise<string> {
  const reply = await post(bridge, '/api/call/import/start', JSON.stringify({ requests: handles.map(request) }))
  expect(reply.status).toBe(200)
  return ((await reply.json()) as { jobId: string }).jobId
}

describe('web bridge uploads', () => {
  let dir: string
  let uploadDir: string
  let engine: ScriptedEngine
  let bridge: WebBridge

  beforeEach(async () => {
    dir = tempDir('ow-bridge-uploads-')
    await mkdir(join(dir, 'renderer'))
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>')
    uploadDir = join(dir, 'uploads')
    engine = new ScriptedEngine()
    bridge = await startWebBridge({ engine, files: engine.files, rendererDir: join(dir, 'renderer'), uploadDir, token: TOKEN })
  })

  afterEach(async () => {
    await bridge.close()
  })

  it('keeps an upload through inspection, and removes it once its import is done', async () => {
    const { file, path } = await upload(bridge, engine.files, 'orders.csv', 'Name,Total\n#1,10\n')
    await post(bridge, '/api/call/import/inspect', JSON.stringify({ file }))
    await post(bridge, '/api/call/import/inspect', JSON.stringify({ file, presetId: 'shopify-orders' }))
    expect(engine.inspected).toEqual([{ path, existed: true }, { path, existed: true }])
    const jobId = await startImport(bridge, [file])
    expect(existsSync(path)).toBe(true)
    engine.batches = [{ id: 7, status: 'done' }]
    engine.emit('job/finished', { jobId, kind: 'import', outcome: { status: 'done', batchIds: [7] } })
    await bridge.uploadsSettled()
    expect(existsSync(path)).toBe(false)
    expect(await readdir(uploadDir)).toEqual([])
    // The copy is gone, and so is its handle.
    expect(engine.files.has(file)).toBe(false)
  })

  it('keeps a file that failed or that a cancel did not finish, for another try, until the bridge closes', async () => {
    const imported = await upload(bridge, engine.files, 'a.csv', 'x')
    const failed = await upload(bridge, engine.files, 'b.csv', 'y')
    const unread = await upload(bridge, engine.files, 'c.csv', 'z')
    const jobId = await startImport(bridge, [imported.file, failed.file, unread.file])
    engine.batches = [{ id: 1, status: 'done' }, { id: 2, status: 'failed' }]
    engine.emit('job/finished', { jobId, kind: 'import', outcome: { status: 'cancelled', batchIds: [1, 2] } })
    await bridge.uploadsSettled()
    expect([imported, failed, unread].map(({ path }) => existsSync(path))).toEqual([false, true, true])
    await bridge.close()
    expect(await readdir(uploadDir)).toEqual([])
  })

  it('removes the upload when the job ends before import/start has answered', async () => {
    const { file, path } = await upload(bridge, engine.files, 'tiny.csv', 'x')
    engine.batches = [{ id: 3, status: 'done' }]
    engine.finishAtOnce = { status: 'done', batchIds: [3] }
    await startImport(bridge, [file])
    await bridge.uploadsSettled()
    expect(existsSync(path)).toBe(false)
  })

  it('never removes a file the merchant imported from its own place', async () => {
    const own = join(dir, 'own.csv')
    await writeFile(own, 'x')
    const jobId = await startImport(bridge, [engine.files.register(own)])
    engine.batches = [{ id: 4, status: 'done' }]
    engine.emit('job/finished', { jobId, kind: 'import', outcome: { status: 'done', batchIds: [4] } })
    await bridge.uploadsSettled()
    expect(existsSync(own)).toBe(true)
  })

  it('clears what an earlier run left in the uploads folder at start', async () => {
    await bridge.close()
    await mkdir(join(uploadDir, 'old-run'), { recursive: true })
    await writeFile(join(uploadDir, 'old-run', 'orders.csv'), 'x')
    bridge = await startWebBridge({ engine, files: engine.files, rendererDir: join(dir, 'renderer'), uploadDir, token: TOKEN })
    expect(await readdir(uploadDir)).toEqual([])
  })
})

describe('web bridge uploads with the real engine', () => {
  it('imports an uploaded file after inspecting it, then removes the copy', async () => {
    const { engine, dir } = testEngine()
    const uploadDir = join(dir, 'uploads')
    await mkdir(join(dir, 'renderer'))
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>')
    const bridge = await startWebBridge({ engine, files: engine.files, rendererDir: join(dir, 'renderer'), uploadDir, token: TOKEN })
    try {
      const { file, path } = await upload(bridge, engine.files, 'shopify-orders.csv', readFileSync(join(FORMAT_FIXTURES, 'shopify-orders.csv')))
      const inspection = (await (await post(bridge, '/api/call/import/inspect', JSON.stringify({ file }))).json()) as ResultOf<'import/inspect'>
      expect(inspection.file).toBe(file)
      expect(JSON.stringify(inspection)).not.toContain(uploadDir)
      const finished = new Promise<JobFinished>((resolve) => engine.on('job/finished', resolve))
      const reply = await post(bridge, '/api/call/import/start', JSON.stringify({ requests: [{ file, presetId: inspection.presetId, mapping: inspection.mapping, dateOrder: 'auto', currency: inspection.currency ?? 'USD' }] }))
      expect(reply.status).toBe(200)
      expect((await finished).outcome.status).toBe('done')
      await bridge.uploadsSettled()
      expect(existsSync(path)).toBe(false)
      expect(await readdir(uploadDir)).toEqual([])
      const [batch] = await engine.call('import/batches', {})
      expect(batch?.status).toBe('done')
      expect(batch?.imported).toBeGreaterThan(0)
    } finally {
      await bridge.close()
      await engine.close()
    }
  })

  it('reads nothing but uploads: a path, an unknown handle or a path in import/start is refused', async () => {
    const { engine, dir } = testEngine()
    await mkdir(join(dir, 'renderer'))
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>')
    const secret = join(dir, 'secret.csv')
    await writeFile(secret, 'order_id,email\n1,secret@example.com\n')
    const bridge = await startWebBridge({ engine, files: engine.files, rendererDir: join(dir, 'renderer'), uploadDir: join(dir, 'uploads'), token: TOKEN })
    try {
      const refused = async (channel: string, body: unknown): Promise<void> => {
        const reply = await post(bridge, `/api/call/${channel}`, JSON.stringify(body))
        const text = await reply.text()
        expect(reply.status, text).toBe(400)
        expect(JSON.parse(text).error.code, text).toBe('import.file-not-chosen')
        expect(text).not.toContain('secret@example.com')
        expect(text).not.toContain('root:')
      }
      for (const file of ['/etc/passwd', secret, 'file-00000000000000000000000000000000', '../uploads/x.csv']) {
        await refused('import/inspect', { file })
        await refused('import/start', { requests: [{ file, presetId: 'generic-orders', mapping: { order_id: 'order_id' }, dateOrder: 'auto', currency: 'USD' }] })
      }
      // The old argument is not accepted either.
      const old = await post(bridge, '/api/call/import/inspect', JSON.stringify({ path: '/etc/passwd' }))
      expect(old.status).toBe(400)
      expect(((await old.json()) as { error: { code: string } }).error.code).toBe('api.invalid-arguments')
      expect(await engine.call('import/batches', {})).toEqual([])
    } finally {
      await bridge.close()
      await engine.close()
    }
  })
})
