/**
 * CSV writing that spreadsheet apps cannot turn into code.
 *
 * Excel, LibreOffice and Google Sheets run a cell that starts with = + - @ or
 * a tab/CR as a formula ("CSV injection"). Merchant data comes from customers
 * (names, notes), so every such cell is prefixed with an apostrophe, which the
 * apps show as plain text. Plain numbers (including negatives) stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

/** = + - @ tab CR: the first characters that make a cell a formula. */
const FORMULA_CODES = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d])

export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  // The first character decides almost every cell without a regex (100k rows × 16 cells).
  if (!FORMULA_CODES.has(value.charCodeAt(0))) return value
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
}

const NEEDS_QUOTES = /[",\r\n]/

function quote(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

type CsvCell = string | number | null | undefined

function line(row: readonly CsvCell[]): string {
  let text = ''
  for (let i = 0; i < row.length; i++) text += (i === 0 ? '' : ',') + quote(safeCell(row[i]))
  return text
}

/** RFC 4180 text with CRLF line ends and a UTF-8 BOM so Excel reads accents and Chinese correctly. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return toCsvLines(header, rows)
}

/** The same from any iterable of rows (a generator that reports progress as it is read). */
export function toCsvLines(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [line(header)]
  for (const row of rows) lines.push(line(row))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
