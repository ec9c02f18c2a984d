/** GET/HEAD of anything else: the built renderer, never a file outside its folder. */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { CONTENT_SECURITY_POLICY } from '../content-security-policy'
import { HttpError } from './http'

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

/** The renderer folder, resolved through symlinks so the traversal check compares like with like. */
export async function resolveRendererDir(dir: string): Promise<string> {
  return realpath(resolve(dir)).catch(() => {
    throw new Error(`The app's web files are missing from ${dir}: build the app first (npm run build).`)
  })
}

export async function serveStatic(rendererDir: string, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
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
  if (ext === '.html') headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY
  res.writeHead(200, headers)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  await pipeline(createReadStream(file), res)
}

export function isInside(dir: string, candidate: string): boolean {
  return candidate === dir || candidate.startsWith(dir.endsWith(sep) ? dir : dir + sep)
}
