/** Request and response helpers shared by the bridge's routes. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EngineErrorPayload } from '../engine/api'

/** JSON call bodies are small (mappings, ids); anything bigger is a mistake or an attack. */
const MAX_JSON_BYTES = 1024 * 1024

/** An HTTP-level failure with the payload the renderer's client turns into an EngineError. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

export function requireMethod(req: IncomingMessage, method: string): void {
  if (req.method !== method) throw new HttpError(405, 'bridge.method', 'Method not allowed.')
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
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

export function errorMessage(error: unknown): string {
  // First line of the message only: stacks and internal paths stay in the server log.
  return error instanceof Error ? (error.message.split('\n')[0] ?? '').trim() || 'The request failed.' : 'The request failed.'
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

export function sendError(res: ServerResponse, status: number, error: EngineErrorPayload): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  sendJson(res, status, { error })
}
