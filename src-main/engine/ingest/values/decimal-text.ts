/**
 * The digits-and-separators core shared by money and quantities, after signs
 * and currency have been taken off: "1,234.56", "1.234,56", "1 234,56",
 * "1'234.56", "12,50", ".5".
 *
 * Rules, in order:
 *  - spaces (any kind) and apostrophes are only ever thousands separators;
 *  - with both ',' and '.', the last one is the decimal mark;
 *  - a mark that appears more than once is a thousands separator;
 *  - a single ',' followed by exactly three digits ("1,234") is a thousands
 *    separator, otherwise ("12,50") a decimal comma;
 *  - a single '.' is a decimal point: "1.250" as a unit price with three
 *    decimals is more common in shop data than "1.250" meaning 1250.
 *  The caller can settle single separators for a whole column with `decimal`.
 */

export type DecimalMark = ',' | '.'

/** Thousands separators that can never be a decimal mark. */
const GROUP_CHARS = /[ \u00a0\u202f\u2009'\u2019]/

export function parseDecimalCore(core: string, decimal?: DecimalMark): number | null {
  if (!/^[0-9.,' \u00a0\u202f\u2009\u2019]+$/.test(core) || !/[0-9]/.test(core)) return null
  let text = core
  let spaced = false
  if (GROUP_CHARS.test(text)) {
    spaced = true
    // Grouped with spaces/apostrophes: the integer part must be groups of three.
    const m = /^([0-9]{1,3}(?:[ \u00a0\u202f\u2009'\u2019][0-9]{3})+)([.,][0-9]*)?$/.exec(text)
    if (!m) return null
    text = m[1].replace(/[^0-9]/g, '') + (m[2] ?? '')
  }

  const commas = count(text, ',')
  const dots = count(text, '.')
  let mark: DecimalMark | null = null
  let group: DecimalMark | null = null

  if (commas > 0 && dots > 0) {
    mark = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.'
    group = mark === ',' ? '.' : ','
    if (count(text, mark) > 1) return null
  } else if (commas > 1 || dots > 1) {
    group = commas > 1 ? ',' : '.'
  } else if (commas === 1 || dots === 1) {
    const sep: DecimalMark = commas === 1 ? ',' : '.'
    const [intPart, fracPart] = text.split(sep)
    if (spaced) mark = sep
    else if (decimal) mark = decimal === sep ? sep : looksGrouped(intPart, fracPart) ? null : sep
    else if (sep === ',' && looksGrouped(intPart, fracPart)) mark = null
    else mark = sep
    if (mark === null) group = sep
  }

  let intPart = text
  let fracPart = ''
  if (mark !== null) {
    const at = text.lastIndexOf(mark)
    intPart = text.slice(0, at)
    fracPart = text.slice(at + 1)
    if (!/^[0-9]*$/.test(fracPart)) return null
  }
  if (group !== null) {
    if (!validGrouping(intPart, group)) return null
    intPart = intPart.split(group).join('')
  }
  if (!/^[0-9]*$/.test(intPart) || (intPart === '' && fracPart === '')) return null
  return Number(`${intPart === '' ? '0' : intPart}.${fracPart === '' ? '0' : fracPart}`)
}

/** "1,234" reads as thousands: 1–3 leading digits (not a lone 0) and exactly 3 after. */
function looksGrouped(intPart: string, fracPart: string): boolean {
  return fracPart.length === 3 && intPart.length >= 1 && intPart.length <= 3 && intPart !== '0'
}

/**
 * 1,234,567 (groups of three) or the Indian 12,34,567 (twos, then a final
 * three). A leading group of 1–3 digits, never empty.
 */
function validGrouping(intPart: string, sep: DecimalMark): boolean {
  const groups = intPart.split(sep)
  if (groups.length < 2) return /^[0-9]+$/.test(intPart)
  const [first, ...rest] = groups
  if (!/^[0-9]{1,3}$/.test(first)) return false
  if (rest.every((g) => /^[0-9]{3}$/.test(g))) return true
  if (sep !== ',' || first.length > 2) return false
  const last = rest[rest.length - 1]
  return /^[0-9]{3}$/.test(last) && rest.slice(0, -1).every((g) => /^[0-9]{2}$/.test(g))
}

function count(text: string, ch: string): number {
  let n = 0
  for (let k = text.indexOf(ch); k >= 0; k = text.indexOf(ch, k + 1)) n++
  return n
}
