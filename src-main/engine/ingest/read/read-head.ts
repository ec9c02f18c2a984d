import { open, stat } from 'node:fs/promises'
import type { FileIssue } from '../../shared/issue'
import { openBytes } from './byte-source'
import { errorText, fileDamagedGzip, fileEmpty, fileNotFound, fileUnreadable } from './messages'

export interface Head {
  /** The first bytes of the content (decompressed for .gz). */
  bytes: Buffer
  gzip: boolean
  /** `bytes` is the whole content. */
  complete: boolean
  sizeBytes: number
}

export const HEAD_BYTES = 256 * 1024

const GZIP_MAGIC = [0x1f, 0x8b]

/** Reads the start of a file for sniffing, looking through gzip. */
export async function readHead(path: string, maxBytes = HEAD_BYTES): Promise<{ ok: true; head: Head } | { ok: false; issue: FileIssue }> {
  let sizeBytes: number
  try {
    const info = await stat(path)
    if (!info.isFile()) return { ok: false, issue: fileUnreadable('it is a folder, not a file') }
    sizeBytes = info.size
  } catch (err) {
    if (isCode(err, 'ENOENT') || isCode(err, 'ENOTDIR')) return { ok: false, issue: fileNotFound(path) }
    return { ok: false, issue: fileUnreadable(errorText(err)) }
  }
  if (sizeBytes === 0) return { ok: false, issue: fileEmpty() }

  let gzip: boolean
  try {
    const handle = await open(path, 'r')
    try {
      const magic = Buffer.alloc(2)
      const { bytesRead } = await handle.read(magic, 0, 2, 0)
      gzip = bytesRead === 2 && magic[0] === GZIP_MAGIC[0] && magic[1] === GZIP_MAGIC[1]
    } finally {
      await handle.close()
    }
  } catch (err) {
    return { ok: false, issue: fileUnreadable(errorText(err)) }
  }

  const source = openBytes(path, gzip, 64 * 1024)
  const parts: Buffer[] = []
  let total = 0
  let complete = true
  try {
    for await (const chunk of source.stream) {
      const buf = chunk as Buffer
      parts.push(buf)
      total += buf.length
      if (total >= maxBytes) {
        complete = false
        break
      }
    }
  } catch (err) {
    // A damaged .gz: keep what decompressed, if anything; reading rows will report where it broke.
    if (total === 0) return { ok: false, issue: gzip ? fileDamagedGzip() : fileUnreadable(errorText(err)) }
    complete = false
  } finally {
    source.close()
  }
  const all = Buffer.concat(parts, total)
  const bytes = all.length > maxBytes ? all.subarray(0, maxBytes) : all
  if (bytes.length === 0) return { ok: false, issue: fileEmpty() }
  return { ok: true, head: { bytes, gzip, complete, sizeBytes } }
}

function isCode(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code
}
