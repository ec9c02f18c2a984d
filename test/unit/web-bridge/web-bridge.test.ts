import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWebBridge, sanitiseFileName, type WebBridge } from '../../../src-main/web-bridge'
import type { ArgsOf, Channel, EngineApi, EngineEvents, EventName, ResultOf } from '../../../src-main/engine/api'
import { FileRegistry } from '../../../src-main/engine/ingest/file-registry'

/** Just enough engine to see what the bridge forwards. */
class FakeEngine implements EngineApi {
  readonly calls: { channel: string; args: unknown }[] = []
  private readonly listeners = new Map<string, Set<(payload: never) => void>>()

  async call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
    this.calls.push({ channel, args })
    if (channel === 'import/undo') {
      const { batchId } = args as ArgsOf<'import/undo'>
      if (typeof batchId !== 'number') {
        throw Object.assign(new Error('batchId must be a number'), { code: 'args.invalid', params: { field: 'batchId' } })
      }
    }
    if (channel === 'data/overview') throw new Error('database is on fire\n    at secret (/home/x/engine.ts:1:1)')
    if (channel === 'formats/list') throw Object.assign(new Error('no such file'), { code: 'ENOENT' })
    if (channel === 'settings/get') return { locale: 'en', currency: 'EUR' } as ResultOf<C>
    return { echoed: args } as unknown as ResultOf<C>
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

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0
  }
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw http.request so the test controls the Host header (fetch does not allow it). */
function send(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...init.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    if (init.body !== undefined) req.write(init.body)
    req.end()
  })
}

const TOKEN = 'a'.repeat(64)

describe('web bridge', () => {
  let dir: string
  let engine: FakeEngine
  let files: FileRegistry
  let bridge: WebBridge

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'offerwise-bridge-'))
    const rendererDir = join(dir, 'renderer')
    await mkdir(join(rendererDir, 'assets'), { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Offerwise</title>')
    await writeFile(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log(1)')
    await writeFile(join(dir, 'secret.txt'), 'do not serve me')
    engine = new FakeEngine()
    files = new FileRegistry()
    bridge = await startWebBridge({ engine, files, rendererDir, uploadDir: join(dir, 'uploads'), port: 0, token: TOKEN })
  })

  afterEach(async () => {
    await bridge.close()
    await rm(dir, { recursive: true, force: true })
  })

  const call = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    send(bridge.port, `/api/call/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Offerwise-Token': TOKEN, ...headers },
      body: JSON.stringify(body),
    })

  it('binds 127.0.0.1 and reports a token URL', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${TOKEN}`)
    expect(bridge.port).toBeGreaterThan(0)
  })

  it('makes a random 64-hex-character token by default', async () => {
    const other = await startWebBridge({ engine, files, rendererDir: join(dir, 'renderer'), uploadDir: join(dir, 'uploads2') })
    try {
      expect(other.token).toMatch(/^[0-9a-f]{64}$/)
      expect(other.token).not.toBe(TOKEN)
    } finally {
      await other.close()
    }
  })

  it('rejects API calls without a token (401) or with a wrong one (403)', async () => {
    const missing = await send(bridge.port, '/api/call/settings/get', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(missing.status).toBe(401)
    expect(JSON.parse(missing.body).error.code).toBe('bridge.no-token')
    const wrong = await call('settings/get', {}, { 'X-Offerwise-Token': 'b'.repeat(64) })
    expect(wrong.status).toBe(403)
    const short = await call('settings/get', {}, { 'X-Offerwise-Token': 'short' })
    expect(short.status).toBe(403)
    const eventsWithout = await send(bridge.port, '/api/events')
    expect(eventsWithout.status).toBe(401)
    const uploadWrong = await send(bridge.port, '/api/upload?name=x.csv', { method: 'POST', headers: { 'X-Offerwise-Token': 'nope' }, body: 'a' })
    expect(uploadWrong.status).toBe(403)
    expect(engine.calls).toHaveLength(0)
  })

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    const evil = await send(bridge.port, '/', { headers: { Host: `evil.example:${bridge.port}` } })
    expect(evil.status).toBe(403)
    const otherPort = await call('settings/get', {}, { Host: `127.0.0.1:${bridge.port + 1}` })
    expect(otherPort.status).toBe(403)
    const localhost = await send(bridge.port, '/', { headers: { Host: `localhost:${bridge.port}` } })
    expect(localhost.status).toBe(200)
  })

  it('sends no CORS headers', async () => {
    const reply = await call('settings/get', {}, { Origin: 'http://evil.example' })
    expect(reply.status).toBe(200)
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('serves index.html with a strict CSP and assets with their types', async () => {
    const index = await send(bridge.port, '/')
    expect(index.status).toBe(200)
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8')
    const csp = String(index.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    expect(index.headers['referrer-policy']).toBe('no-referrer')
    const script = await send(bridge.port, '/assets/index-abc123.js')
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect((await send(bridge.port, '/assets/missing.js')).status).toBe(404)
  })

  it('blocks path traversal', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html']) {
      const reply = await send(bridge.port, path)
      expect(reply.status, path).toBeGreaterThanOrEqual(400)
      expect(reply.body).not.toContain('do not serve me')
    }
  })

  it('round-trips a call to the engine', async () => {
    const reply = await call('import/rejects', { batchId: 3, offset: 0, limit: 10 })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ echoed: { batchId: 3, offset: 0, limit: 10 } })
    expect(engine.calls).toEqual([{ channel: 'import/rejects', args: { batchId: 3, offset: 0, limit: 10 } }])
  })

  it('answers 404 for an unknown channel without calling the engine', async () => {
    const reply = await call('shell/exec', {})
    expect(reply.status).toBe(404)
    expect(JSON.parse(reply.body).error.code).toBe('bridge.unknown-channel')
    expect(engine.calls).toHaveLength(0)
  })

  it('answers 400 with the engine payload when the engine rejects the arguments', async () => {
    const reply = await call('import/undo', { batchId: 'seven' })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toEqual({ error: { code: 'args.invalid', message: 'batchId must be a number', params: { field: 'batchId' } } })
  })

  it('answers 500 without a stack trace for engine failures', async () => {
    for (const channel of ['data/overview', 'formats/list']) {
      const reply = await call(channel, {})
      expect(reply.status).toBe(500)
      const body = JSON.parse(reply.body) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('internal')
      expect(reply.body).not.toContain('engine.ts')
    }
  })

  it('rejects non-JSON and oversized bodies', async () => {
    const form = await send(bridge.port, '/api/call/settings/get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Offerwise-Token': TOKEN },
      body: 'a=1',
    })
    expect(form.status).toBe(415)
    const huge = await call('settings/set', { locale: 'x'.repeat(1_100_000) })
    expect(huge.status).toBe(413)
    const broken = await send(bridge.port, '/api/call/settings/get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Offerwise-Token': TOKEN },
      body: '{nope',
    })
    expect(broken.status).toBe(400)
  })

  it('streams engine events over SSE and unsubscribes on close', async () => {
    const controller = new AbortController()
    const response = await fetch(`http://127.0.0.1:${bridge.port}/api/events?token=${TOKEN}`, { signal: controller.signal })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    // Wait for the ": connected" comment: by then the bridge has subscribed.
    while (!text.includes('connected')) text += decoder.decode((await reader.read()).value)
    expect(engine.listenerCount('job/progress')).toBe(1)
    expect(engine.listenerCount('job/finished')).toBe(1)
    engine.emit('job/finished', { jobId: 'j1', kind: 'import', outcome: { status: 'done', batchIds: [4] } })
    while (!text.includes('"batchIds"')) text += decoder.decode((await reader.read()).value)
    expect(text).toContain('event: job/finished\ndata: {"jobId":"j1","kind":"import","outcome":{"status":"done","batchIds":[4]}}\n\n')
    controller.abort()
    await expect.poll(() => engine.listenerCount('job/finished')).toBe(0)
  })

  it('writes uploads to a unique file that keeps a sanitised name, and answers with a handle, never the path', async () => {
    const body = Buffer.from('Name,Total\n#1001,10.00\n')
    const upload = (name: string) =>
      send(bridge.port, `/api/upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'X-Offerwise-Token': TOKEN, 'Content-Type': 'application/octet-stream' },
        body,
      })
    const first = await upload('../../orders export.csv.gz')
    expect(first.status).toBe(200)
    const answer = JSON.parse(first.body) as { file: string; path?: string }
    expect(Object.keys(answer)).toEqual(['file'])
    expect(answer.file).toMatch(/^file-[0-9a-f]{32}$/)
    const path = files.resolve(answer.file)
    expect(path.startsWith(join(dir, 'uploads'))).toBe(true)
    expect(path.endsWith('orders export.csv.gz')).toBe(true)
    expect(await readFile(path)).toEqual(body)
    const second = JSON.parse((await upload('../../orders export.csv.gz')).body) as { file: string }
    expect(second.file).not.toBe(answer.file)
    expect(files.resolve(second.file)).not.toBe(path)
  })
})

describe('sanitiseFileName', () => {
  it('keeps letters of any script and the extension, drops separators', () => {
    expect(sanitiseFileName('淘宝订单.xlsx')).toBe('淘宝订单.xlsx')
    expect(sanitiseFileName('..\\..\\evil.csv')).toBe('evil.csv')
    expect(sanitiseFileName('a/b/c:d*e?.csv')).toBe('c_d_e_.csv')
    expect(sanitiseFileName('')).toBe('upload')
    expect(sanitiseFileName('...')).toBe('upload')
    const long = sanitiseFileName(`${'x'.repeat(300)}.csv.gz`)
    expect(long.length).toBe(120)
    expect(long.endsWith('.csv.gz')).toBe(true)
  })
})
