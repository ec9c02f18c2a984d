/**
 * Turns an exceljs cell value into the text a CSV export of the same sheet
 * would contain, so everything downstream sees strings either way.
 *
 * Dates: exceljs builds a JS Date whose UTC fields are the wall-clock time
 * typed into Excel (Excel has no time zones), so the UTC fields are printed.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
      return numberText(value)
    case 'boolean':
      return value ? 'TRUE' : 'FALSE'
    case 'object':
      return objectText(value)
    default:
      return String(value)
  }
}

function objectText(value: object): string {
  if (value instanceof Date) return dateText(value)
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('')
  }
  // Formulas (plain and shared): the value Excel calculated when it last saved.
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result) : ''
  // Error cells (#N/A, #DIV/0!...) hold no value.
  if ('error' in value) return ''
  // Hyperlinks: the text shown, which may itself be rich text.
  if ('text' in value) return cellText(value.text)
  return ''
}

/**
 * Excel stores doubles; show what Excel shows (15 significant digits), so
 * 2.5499999999999998 reads 2.55, and never an exponent for ordinary values.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return ''
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString()
  const rounded = Number(n.toPrecision(15))
  const text = String(rounded)
  if (!text.includes('e')) return text
  // Tiny values (below 1e-6) print with an exponent; spell them out.
  return rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '')
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

export function dateText(date: Date): string {
  const ms = date.getTime()
  if (Number.isNaN(ms)) return ''
  // Excel's binary fractions land a hair off the second (07:44:59.9999); round.
  const d = new Date(Math.round(ms / 1000) * 1000)
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  )
}

/** A row's values (exceljs: sparse, 1-based) as cells, index 0 = column A. */
export function rowCells(values: unknown): string[] {
  if (!Array.isArray(values)) return []
  const cells: string[] = new Array(Math.max(0, values.length - 1))
  for (let k = 1; k < values.length; k++) cells[k - 1] = cellText(values[k])
  return cells
}
