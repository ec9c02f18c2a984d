import iconv from 'iconv-lite'
import type { TextEncoding } from './types'

/**
 * A streaming decoder: bytes in, text out, with characters split across
 * chunk boundaries held back until their last byte arrives. A leading BOM is
 * dropped so it never ends up in the first header name.
 */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string
  end(): string
}

export function createDecoder(encoding: TextEncoding): ChunkDecoder {
  // TextDecoder is native and the fastest for the common encodings. The others
  // go through iconv-lite: Node builds with small ICU lack them in TextDecoder.
  if (encoding === 'utf-8' || encoding === 'utf-16le') {
    const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false })
    return {
      write: (bytes) => decoder.decode(bytes, { stream: true }),
      end: () => decoder.decode(),
    }
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: true })
  return {
    write: (bytes) => decoder.write(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  }
}

/** Decodes a whole (small) buffer; `final` false keeps a cut last character out. */
export function decodeHead(bytes: Uint8Array, encoding: TextEncoding, final: boolean): string {
  const decoder = createDecoder(encoding)
  const text = decoder.write(bytes)
  return final ? text + decoder.end() : text
}
