/**
 * Fits a record to the header's width, or says it cannot be fitted.
 *
 * Short rows are padded with '': tools routinely drop trailing empty cells.
 * Extra cells that are all empty are dropped too (a trailing separator on
 * every line is common). Extra cells with values are not guessed at: which
 * value belongs to which column is unknowable, so the caller reports the row.
 * Mutates and returns `cells` to avoid a copy per row.
 */
export function fitRow(cells: string[], width: number): string[] | null {
  const n = cells.length
  if (n === width) return cells
  if (n < width) {
    for (let k = n; k < width; k++) cells.push('')
    return cells
  }
  for (let k = width; k < n; k++) {
    if (cells[k].trim() !== '') return null
  }
  cells.length = width
  return cells
}
