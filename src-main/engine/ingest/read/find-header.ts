/**
 * Finds the header among the first records. Usually the first; reports saved
 * from Excel or a platform's back office often put a title, a date range or a
 * shop name above it ("Orders 2024-01-01 to 2024-01-31,,,,"). Such a line has
 * one or two values where the body has many (padding with empty cells does
 * not help it pass). The header is the first record with at least two values
 * and at least half as many as the body's usual width; a header one name
 * short of the body still counts, so its rows are reported as ragged rather
 * than a data row being taken for the header.
 */

/** Title lines tolerated above the header. */
const MAX_TITLE_RECORDS = 10

export function findHeader(records: readonly string[][]): number {
  if (records.length <= 1) return 0
  const widths = records.map(width)
  const mode = modalWidth(widths)
  if (mode < 2) return 0
  const limit = Math.min(records.length, MAX_TITLE_RECORDS + 1)
  for (let k = 0; k < limit; k++) {
    const values = nonEmpty(records[k])
    if (values >= 2 && values * 2 >= mode) return k
  }
  return 0
}

/** Cells up to and including the last non-empty one. */
export function width(cells: readonly string[]): number {
  for (let k = cells.length - 1; k >= 0; k--) if (cells[k].trim() !== '') return k + 1
  return 0
}

function nonEmpty(cells: readonly string[]): number {
  let n = 0
  for (const cell of cells) if (cell.trim() !== '') n++
  return n
}

function modalWidth(widths: number[]): number {
  const freq = new Map<number, number>()
  for (const w of widths) freq.set(w, (freq.get(w) ?? 0) + 1)
  let mode = 0
  let top = 0
  for (const [w, n] of freq) {
    if (n > top || (n === top && w > mode)) {
      mode = w
      top = n
    }
  }
  return mode
}

/** Header cells as column names: trimmed, BOM removed. */
export function cleanHeader(cells: readonly string[]): string[] {
  return cells.map((cell) => cell.replace(/\uFEFF/g, '').trim())
}
