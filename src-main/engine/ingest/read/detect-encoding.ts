import type { TextEncoding } from './types'
import { looksLikeGbk, scoreGbk } from './gbk-score'
import { isValidUtf8 } from './utf8-check'

export type EncodingGuess = { binary: false; encoding: TextEncoding } | { binary: true }

/** Enough to judge any real export; more only costs time. */
const SAMPLE_BYTES = 64 * 1024

/**
 * Guesses the text encoding of the first bytes of a file, or says it is not
 * text at all. Order matters: a BOM is certain; NUL bytes mean UTF-16 or
 * binary; valid UTF-8 is taken as UTF-8 (plain ASCII included); otherwise
 * GB18030 if it reads as Chinese, else Windows-1252, which decodes anything
 * and is what Excel on Western Windows writes.
 *
 * `truncated`: the bytes are the start of a longer file, so a character cut
 * at the end is expected.
 */
export function detectEncoding(head: Uint8Array, truncated: boolean): EncodingGuess {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { binary: false, encoding: 'utf-8' }
  if (startsWith(head, [0xff, 0xfe])) return { binary: false, encoding: 'utf-16le' }
  if (startsWith(head, [0xfe, 0xff])) return { binary: false, encoding: 'utf-16be' }

  const cut = head.length > SAMPLE_BYTES
  const sample = cut ? head.subarray(0, SAMPLE_BYTES) : head
  const isTruncated = truncated || cut

  const utf16 = utf16WithoutBom(sample)
  if (utf16) return { binary: false, encoding: utf16 }
  if (looksBinary(sample)) return { binary: true }

  if (isValidUtf8(sample, isTruncated)) return { binary: false, encoding: 'utf-8' }
  if (looksLikeGbk(scoreGbk(sample, isTruncated))) return { binary: false, encoding: 'gb18030' }
  return { binary: false, encoding: 'windows-1252' }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false
  return prefix.every((b, k) => bytes[k] === b)
}

/**
 * UTF-16 without a BOM shows as NUL bytes in one column: ASCII letters,
 * digits and separators have a zero high byte, which sits at odd offsets in
 * little-endian and even offsets in big-endian.
 */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const units = sample.length >> 1
  if (units < 2) return null
  let even = 0
  let odd = 0
  for (let k = 0; k < units * 2; k += 2) {
    if (sample[k] === 0) even++
    if (sample[k + 1] === 0) odd++
  }
  const nuls = even + odd
  if (nuls < units * 0.1) return null
  if (odd >= nuls * 0.9) return 'utf-16le'
  if (even >= nuls * 0.9) return 'utf-16be'
  return null
}

/**
 * Text exports contain tabs, line breaks and printable characters. NUL bytes
 * (outside UTF-16) or more than a sprinkle of other control bytes mean an
 * image, a PDF, a database or some other program file.
 */
function looksBinary(sample: Uint8Array): boolean {
  let nul = 0
  let control = 0
  for (let k = 0; k < sample.length; k++) {
    const b = sample[k]
    if (b >= 0x20) continue
    if (b === 0) nul++
    // Tab, LF, VT, FF, CR are text; 0x1A is the old DOS end-of-file marker; 0x1B starts terminal colour codes.
    else if (b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a && b !== 0x1b) control++
  }
  return nul > sample.length * 0.001 || control > sample.length * 0.01
}
