/**
 * Whether `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing
 * past U+10FFFF). `truncated` says the sample was cut from a longer file, so an
 * incomplete sequence in the last three bytes is not held against it.
 */
export function isValidUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min2 = 0x80
    let max2 = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) min2 = 0xa0 // overlong
      if (b === 0xed) max2 = 0x9f // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) min2 = 0x90
      if (b === 0xf4) max2 = 0x8f
    } else return false
    // A sequence running past the sample is fine only when the sample was cut there.
    if (i + need >= n) return truncated && checkContinuation(bytes, i, n, min2, max2)
    if (bytes[i + 1] < min2 || bytes[i + 1] > max2) return false
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]
      if (c < 0x80 || c > 0xbf) return false
    }
    i += need + 1
  }
  return true
}

/** The bytes present of a sequence cut by the end of the sample are valid continuations. */
function checkContinuation(bytes: Uint8Array, start: number, n: number, min2: number, max2: number): boolean {
  for (let k = start + 1; k < n; k++) {
    const c = bytes[k]
    if (k === start + 1 ? c < min2 || c > max2 : c < 0x80 || c > 0xbf) return false
  }
  return true
}
