import { openBytes, type ByteSource } from './byte-source'
import { createDecoder } from './text-decoder'
import type { TextEncoding } from './types'

/** A file as a stream of decoded text chunks; see `openBytes` for progress. */
export interface TextSource {
  chunks(): AsyncGenerator<string>
  bytesRead(): number
  close(): void
}

export function openText(path: string, encoding: TextEncoding, gzip: boolean, chunkBytes?: number): TextSource {
  const bytes: ByteSource = openBytes(path, gzip, chunkBytes)
  async function* chunks(): AsyncGenerator<string> {
    const decoder = createDecoder(encoding)
    for await (const chunk of bytes.stream) {
      const text = decoder.write(chunk as Buffer)
      if (text.length > 0) yield text
    }
    const rest = decoder.end()
    if (rest.length > 0) yield rest
  }
  return { chunks, bytesRead: bytes.bytesRead, close: bytes.close }
}
