/**
 * The web bridge: serves the built renderer and the engine over HTTP on
 * 127.0.0.1, for machines where Electron cannot start (and for the e2e tests).
 *
 * Plain Node on purpose — no Electron import — so the CLI can start it.
 *
 * Security model: the bridge is reachable by every local process and by any
 * web page the merchant opens, so
 *  - it binds 127.0.0.1 only;
 *  - every /api/* route needs a random per-run token (header, or query for
 *    Server-Sent Events, which cannot set headers);
 *  - the Host header must name this very origin, which defeats DNS rebinding
 *    (a hostile page resolving its own name to 127.0.0.1);
 *  - no CORS headers, so other origins cannot read responses;
 *  - HTML carries a strict Content-Security-Policy.
 */
import { CONTENT_SECURITY_POLICY } from './content-security-policy'
import { isChannel } from './engine/api-schema'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, realpath, rm, stat } from 'node:fs/promises'
import { basename, extname, join, resolve, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Channel, EngineApi, EngineErrorPayload, EngineEvents, EventName } from './engine/api'

export interface WebBridgeOptions {
  engine: EngineApi
  /** Folder holding the built renderer (index.html and assets). */
  rendererDir: string
  /** Where uploaded files are written for the engine to read. */
  uploadDir: string
  /** 0 or absent: any free port. */
  port?: number
  /** Fixed token (tests); a random 32-byte hex token otherwise. */
  token?: string
}

export interface WebBridge {
  /** `http://127.0.0.1:PORT/?token=...` — open this in a browser. */
  url: string
  token: string
  port: number
  close(): Promise<void>
}

const EVENT_LIST = ['job/progress', 'job/finished'] as const satisfies readonly EventName[]
type MissingEvent = Exclude<EventName, (typeof EVENT_LIST)[number]>
const eventsComplete: [MissingEvent] extends [never] ? true : MissingEvent = true
void eventsComplete

export const TOKEN_HEADER = 'x-offerwise-token'
/** JSON call bodies are small (mappings, ids); anything bigger is a mistake or an attack. */
const MAX_JSON_BYTES = 1024 * 1024
const KEEP_ALIVE_MS = 15_000

const CSP = CONTENT_SECURITY_POLICY

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

/** An HTTP-level failure with the payload the renderer's client turns into an EngineError. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = options.token ?? randomBytes(32).toString('hex')
  const tokenBytes = Buffer.from(token, 'utf8')
  // realpath so the traversal check compares like with like when the folder is a symlink.
  const rendererDir = await realpath(resolve(options.rendererDir)).catch(() => {
    throw new Error(`The app's web files are missing from ${options.rendererDir}: build the app first (npm run build).`)
  })
  const uploadDir = resolve(options.uploadDir)
  await mkdir(uploadDir, { recursive: true })

  let port = 0
  const streams = new Set<ServerResponse>()
  const sockets = new Set<Socket>()

  const tokenMatches = (candidate: string | null | undefined): boolean => {
    if (typeof candidate !== 'string') return false
    const given = Buffer.from(candidate, 'utf8')
    // timingSafeEqual needs equal lengths; the length itself is not secret (always 64 hex chars).
    if (given.length !== tokenBytes.length) return false
    return timingSafeEqual(given, tokenBytes)
  }

  const hostAllowed = (host: string | undefined): boolean =>
    host === `127.0.0.1:${port}` || host === `localhost:${port}`

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendError(res, error.status, { code: error.code, message: error.message })
      } else {
        sendError(res, 500, { code: 'internal', message: 'The request failed.' })
      }
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    if (!hostAllowed(req.headers.host)) {
      throw new HttpError(403, 'bridge.bad-host', 'This address is not allowed.')
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    const path = url.pathname

    if (path === '/api' || path.startsWith('/api/')) {
      const given = path === '/api/events' ? url.searchParams.get('token') : headerValue(req, TOKEN_HEADER)
      if (given === null || given === undefined || given === '') {
        throw new HttpError(401, 'bridge.no-token', 'The access token is missing.')
      }
      if (!tokenMatches(given)) throw new HttpError(403, 'bridge.bad-token', 'The access token is wrong.')

      if (path.startsWith('/api/call/')) {
        requireMethod(req, 'POST')
        await handleCall(req, res, decodeURIComponent(path.slice('/api/call/'.length)))
      } else if (path === '/api/events') {
        requireMethod(req, 'GET')
        handleEvents(req, res)
      } else if (path === '/api/upload') {
        requireMethod(req, 'POST')
        await handleUpload(req, res, url.searchParams.get('name') ?? '')
      } else {
        throw new HttpError(404, 'bridge.not-found', 'There is no such API route.')
      }
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'bridge.method', 'Method not allowed.')
    }
    await serveStatic(req, res, path)
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    // The schema map in api-schema.ts is the one list of channels (checked against the contract there).
    if (!isChannel(channel)) throw new HttpError(404, 'bridge.unknown-channel', `Unknown channel: ${channel}`)
    const args = await readJson(req)
    let result: unknown
    try {
      // The engine validates args itself; the bridge only checks the channel exists.
      result = await options.engine.call(channel as Channel, args as never)
    } catch (error) {
      const payload = toPayload(error)
      sendError(res, payload ? 400 : 500, payload ?? { code: 'internal', message: errorMessage(error) })
      return
    }
    sendJson(res, 200, result ?? null)
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    // A first comment flushes the headers so EventSource reports "open" at once.
    res.write(': connected\n\n')
    streams.add(res)
    const unsubscribe = EVENT_LIST.map((name) =>
      options.engine.on(name, (payload: EngineEvents[typeof name]) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)
      }),
    )
    // Proxies and the browser drop silent connections; a comment keeps it alive.
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS)
    const stop = (): void => {
      clearInterval(keepAlive)
      for (const off of unsubscribe) off()
      streams.delete(res)
    }
    req.on('close', stop)
    res.on('close', stop)
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse, rawName: string): Promise<void> {
    // One fresh folder per upload keeps the merchant's own file name (the importer
    // reads format hints from it and the batch history shows it) without collisions.
    const folder = join(uploadDir, `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}`)
    await mkdir(folder, { recursive: true })
    const target = join(folder, sanitiseFileName(rawName))
    try {
      await pipeline(req, createWriteStream(target, { flags: 'wx' }))
    } catch (error) {
      await rm(folder, { recursive: true, force: true })
      throw new HttpError(500, 'bridge.upload-failed', `The upload failed: ${errorMessage(error)}`)
    }
    sendJson(res, 200, { path: target })
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    let decoded: string
    try {
      decoded = decodeURIComponent(path)
    } catch {
      throw new HttpError(400, 'bridge.bad-path', 'Bad path.')
    }
    if (decoded.includes('\0')) throw new HttpError(400, 'bridge.bad-path', 'Bad path.')
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
    const candidate = resolve(rendererDir, relative)
    if (!isInside(rendererDir, candidate)) throw new HttpError(404, 'bridge.not-found', 'Not found.')
    let file: string
    try {
      // realpath again: a symlink inside the folder must not lead outside it.
      file = await realpath(candidate)
      if (!isInside(rendererDir, file) || !(await stat(file)).isFile()) throw new Error('not a file')
    } catch {
      throw new HttpError(404, 'bridge.not-found', 'Not found.')
    }
    const ext = extname(file).toLowerCase()
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': String((await stat(file)).size),
      // Hashed assets never change; index.html must always be fresh to pick them up.
      'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
    }
    if (ext === '.html') headers['Content-Security-Policy'] = CSP
    res.writeHead(200, headers)
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    await pipeline(createReadStream(file), res)
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen)
      resolveListen()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end()
        server.close(() => resolveClose())
        // Open SSE and keep-alive sockets would hold close() forever.
        for (const socket of sockets) socket.destroy()
      }),
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function requireMethod(req: IncomingMessage, method: string): void {
  if (req.method !== method) throw new HttpError(405, 'bridge.method', 'Method not allowed.')
}

function isInside(dir: string, candidate: string): boolean {
  return candidate === dir || candidate.startsWith(dir.endsWith(sep) ? dir : dir + sep)
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = headerValue(req, 'content-type') ?? ''
  // Requiring JSON also means a plain cross-site <form> can never reach the engine.
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new HttpError(415, 'bridge.not-json', 'The request body must be JSON.')
  }
  const chunks: Buffer[] = []
  let size = 0
  // An oversized body is read to the end and dropped rather than cut off: a
  // reset connection would hide the 413 from the client.
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size <= MAX_JSON_BYTES) chunks.push(buffer)
  }
  if (size > MAX_JSON_BYTES) throw new HttpError(413, 'bridge.too-large', 'The request body is too large.')
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'bridge.bad-json', 'The request body is not valid JSON.')
  }
}

/**
 * The engine signals a caller mistake (invalid arguments, unknown batch...) by
 * throwing an object with a catalogue `code` and a `message`. Node's own system
 * errors also carry `code`, but those are internal failures.
 */
function toPayload(error: unknown): EngineErrorPayload | null {
  if (typeof error !== 'object' || error === null) return null
  const { code, message, params } = error as { code?: unknown; message?: unknown; params?: unknown }
  if (typeof code !== 'string' || typeof message !== 'string') return null
  // Engine codes are lower-case and dotted (`args.invalid`); upper-case ones come
  // from Node or SQLite (ENOENT, ERR_..., SQLITE_BUSY) and mean something broke.
  if (/^[A-Z0-9_]+$/.test(code)) return null
  const payload: EngineErrorPayload = { code, message }
  if (typeof params === 'object' && params !== null) {
    const clean: Record<string, string | number> = {}
    for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number') clean[key] = value
    }
    payload.params = clean
  }
  return payload
}

function errorMessage(error: unknown): string {
  // First line of the message only: stacks and internal paths stay in the server log.
  return error instanceof Error ? (error.message.split('\n')[0] ?? '').trim() || 'The request failed.' : 'The request failed.'
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

function sendError(res: ServerResponse, status: number, error: EngineErrorPayload): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  sendJson(res, status, { error })
}

/**
 * Keeps letters (any script: merchants name files in Chinese), digits, dot,
 * dash, underscore and space; everything else — separators included — becomes
 * `_`. Extensions survive so `.csv.gz` and `.xlsx` still tell the importer what
 * it is reading.
 */
export function sanitiseFileName(raw: string): string {
  const base = basename(raw.replace(/\\/g, '/'))
  let name = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim()
  if (name === '') name = 'upload'
  if (name.length > 120) {
    const ext = name.match(/(\.[\p{L}\p{N}]{1,8}){1,2}$/u)?.[0] ?? ''
    name = name.slice(0, 120 - ext.length) + ext
  }
  return name
}
