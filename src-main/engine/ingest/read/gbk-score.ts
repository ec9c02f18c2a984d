/**
 * How plausible it is that `bytes` (not valid UTF-8) is GBK/GB18030 text, the
 * encoding Excel on Chinese Windows and Chinese platforms' exports use.
 *
 * Byte validity alone is not enough: much Windows-1252 text is also valid GBK
 * ("don’t" is 92 74, a legal GBK pair). What separates them is that real
 * Chinese text is dominated by the GB2312 block, where both bytes are ≥ 0xA1,
 * while an accented Latin letter is almost always followed by a plain ASCII
 * byte.
 */
export interface GbkScore {
  /** Multi-byte characters that decode. */
  pairs: number
  /** Pairs in the GB2312 block (both bytes ≥ 0xA1). */
  gb2312: number
  /** Pairs whose lead byte is in the GB2312 hanzi rows (0xB0–0xF7). */
  hanzi: number
  /** Bytes ≥ 0x80 that start no valid sequence. */
  invalid: number
}

export function scoreGbk(bytes: Uint8Array, truncated: boolean): GbkScore {
  const n = bytes.length
  const score: GbkScore = { pairs: 0, gb2312: 0, hanzi: 0, invalid: 0 }
  let i = 0
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    if (b === 0x80 || b === 0xff) {
      score.invalid++
      i++
      continue
    }
    if (i + 1 >= n) {
      if (!truncated) score.invalid++
      break
    }
    const b2 = bytes[i + 1]
    if (b2 >= 0x30 && b2 <= 0x39) {
      // GB18030 four-byte sequence: lead, digit, lead, digit.
      if (i + 3 >= n) {
        if (!truncated) score.invalid++
        break
      }
      const b3 = bytes[i + 2]
      const b4 = bytes[i + 3]
      if (b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39) {
        score.pairs++
        i += 4
      } else {
        score.invalid++
        i++
      }
      continue
    }
    if (b2 >= 0x40 && b2 <= 0xfe && b2 !== 0x7f) {
      score.pairs++
      if (b >= 0xa1 && b2 >= 0xa1) {
        score.gb2312++
        if (b >= 0xb0 && b <= 0xf7) score.hanzi++
      }
      i += 2
      continue
    }
    score.invalid++
    i++
  }
  return score
}

/** Valid (a stray byte or two forgiven), mostly GB2312, with real Chinese characters. */
export function looksLikeGbk(score: GbkScore): boolean {
  if (score.pairs === 0 || score.hanzi === 0) return false
  if (score.invalid > Math.max(1, score.pairs * 0.01)) return false
  return score.gb2312 >= score.pairs * 0.5
}
