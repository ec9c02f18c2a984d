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

export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/** RFC 4180 text with CRLF line ends and a UTF-8 BOM so Excel reads accents and Chinese correctly. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => quote(safeCell(cell))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
