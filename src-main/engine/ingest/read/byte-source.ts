import { createReadStream, type ReadStream } from 'node:fs'
import { pipeline, type Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'

/** Bytes of a file, decompressed when it is gzip, with progress in file bytes. */
export interface ByteSource {
  stream: Readable
  /** Bytes read from the file itself (compressed bytes for .gz). */
  bytesRead(): number
  /** Stops reading and releases the file; safe to call twice. */
  close(): void
}

export const DEFAULT_CHUNK_BYTES = 256 * 1024

export function openBytes(path: string, gzip: boolean, chunkBytes = DEFAULT_CHUNK_BYTES): ByteSource {
  const file: ReadStream = createReadStream(path, { highWaterMark: chunkBytes })
  if (!gzip) {
    return { stream: file, bytesRead: () => file.bytesRead, close: () => file.destroy() }
  }
  const gunzip = createGunzip({ chunkSize: Math.max(64, chunkBytes) })
  // pipeline, unlike pipe, passes a read error on to the gunzip stream, so a
  // consumer iterating it sees the error instead of waiting forever.
  pipeline(file, gunzip, () => {
    /* errors surface through the gunzip stream's iterator */
  })
  return {
    stream: gunzip,
    bytesRead: () => file.bytesRead,
    close: () => {
      gunzip.destroy()
      file.destroy()
    },
  }
}
