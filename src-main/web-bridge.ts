/**
 * The web bridge: serves the built renderer and the engine over HTTP on
 * 127.0.0.1, for machines where Electron cannot start (and for the e2e tests).
 * This file wires the server; each route lives in src-main/web-bridge/.
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
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { EngineApi, ImportRequest } from './engine/api'
import type { FileRegistry } from './engine/ingest/file-registry'
import { handleCall, type CallObserver } from './web-bridge/engine-call'
import { handleEvents } from './web-bridge/events'
import { hostAllowed, TOKEN_HEADER, tokenChecker } from './web-bridge/guards'
import { headerValue, HttpError, requireMethod, sendError } from './web-bridge/http'
import { resolveRendererDir, serveStatic } from './web-bridge/static-files'
import { followImportJobs } from './web-bridge/upload-cleanup'
import { Uploads } from './web-bridge/uploads'

export { sanitiseFileName } from './web-bridge/file-name'
export { TOKEN_HEADER } from './web-bridge/guards'

export interface WebBridgeOptions {
  engine: EngineApi
  /**
   * The engine's FileRegistry (`Engine.files`): each upload is registered there and the page
   * gets only its handle, so `import/*` can read nothing but uploads.
   */
  files: FileRegistry
  /** Folder holding the built renderer (index.html and assets). */
  rendererDir: string
  /** Where uploaded files are written for the engine to read; emptied at start and close. */
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
  /** Resolves when the uploads of finished imports have been removed (tests). */
  uploadsSettled(): Promise<void>
  close(): Promise<void>
}

export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const { engine } = options
  const token = options.token ?? randomBytes(32).toString('hex')
  const tokenMatches = tokenChecker(token)
  const rendererDir = await resolveRendererDir(options.rendererDir)
  const uploads = new Uploads(options.uploadDir, options.files)
  await uploads.open()
  const cleanup = followImportJobs(engine, uploads)
  const observe: CallObserver = (channel, args) => {
    // Arguments are not validated yet (the engine does that): look before trusting their shape.
    const requests = (args as { requests?: unknown } | null)?.requests
    if (channel !== 'import/start' || !Array.isArray(requests)) return null
    const answered = cleanup.importStarting(requests.filter((r): r is ImportRequest => typeof (r as ImportRequest | null)?.file === 'string'))
    return answered && ((result) => answered((result as { jobId?: string } | null)?.jobId ?? null))
  }

  let port = 0
  const streams = new Set<ServerResponse>()
  const sockets = new Set<Socket>()

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    if (!hostAllowed(req.headers.host, port)) {
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
        await handleCall(engine, req, res, decodeURIComponent(path.slice('/api/call/'.length)), observe)
      } else if (path === '/api/events') {
        requireMethod(req, 'GET')
        handleEvents(engine, req, res, streams)
      } else if (path === '/api/upload') {
        requireMethod(req, 'POST')
        await uploads.handle(req, res, url.searchParams.get('name') ?? '')
      } else {
        throw new HttpError(404, 'bridge.not-found', 'There is no such API route.')
      }
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'bridge.method', 'Method not allowed.')
    }
    await serveStatic(rendererDir, req, res, path)
  }

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
    uploadsSettled: () => cleanup.settled(),
    close: async () => {
      await new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end()
        server.close(() => resolveClose())
        // Open SSE and keep-alive sockets would hold close() forever.
        for (const socket of sockets) socket.destroy()
      })
      cleanup.stop()
      await cleanup.settled()
      // Copies not imported (failed, cancelled, never started) are of no use once the UI is gone.
      await uploads.clear()
    },
  }
}
