/**
 * The pipeline's view of cell values: thin bindings of ingest/values to the
 * column-level decisions made once per file (date order, Excel serials,
 * decimal mark).
 */
import { DecimalMarkAnalyzer, parseDateTime, parseMoney, parseNumber, type DecimalMark, type ParsedDateTime } from '../values'
import type { DateOrder } from '../formats/fields'

export type ParsedDate = ParsedDateTime

export interface ValueOptions {
  dateOrder: Exclude<DateOrder, 'auto'>
  excelSerial: boolean
  decimal: DecimalMark | undefined
}

export type MoneyCell = { ok: true; value: number | null; currency: string | null } | { ok: false }
export type NumberCell = { ok: true; value: number | null } | { ok: false }

/**
 * Plain "12", "-3" or "2.55": most cells of most exports. Read directly, which
 * is several times faster than the general parser, unless the file writes
 * decimal commas (then "1.250" means 1250 and must go the long way).
 */
const PLAIN_DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/

/** An empty cell (an unmapped field reads as one): the parsers' answer, without parsing or allocating per row. */
const EMPTY_MONEY: MoneyCell = Object.freeze({ ok: true, value: null, currency: null })
const EMPTY_NUMBER: NumberCell = Object.freeze({ ok: true, value: null })

export function parseMoneyCell(text: string, options: ValueOptions): MoneyCell {
  if (text === '') return EMPTY_MONEY
  if (options.decimal !== ',' && PLAIN_DECIMAL.test(text)) return { ok: true, value: Number(text), currency: null }
  const parsed = parseMoney(text, { decimal: options.decimal })
  return parsed.ok ? { ok: true, value: parsed.value, currency: isoCode(parsed.currency) } : { ok: false }
}

export function parseQuantityCell(text: string, options: ValueOptions): NumberCell {
  if (text === '') return EMPTY_NUMBER
  if (options.decimal !== ',' && PLAIN_DECIMAL.test(text)) return { ok: true, value: Number(text) }
  const parsed = parseNumber(text, { decimal: options.decimal })
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false }
}

/** Lines of one order repeat its date: remember the last one read. */
let lastDateText = ''
let lastDateOptions: ValueOptions | null = null
let lastDate: ParsedDate | null = null

export function parseDateCell(text: string, options: ValueOptions): ParsedDate | null {
  if (text === lastDateText && options === lastDateOptions) return lastDate
  lastDateText = text
  lastDateOptions = options
  lastDate = parseDateTime(text, options.dateOrder, { excelSerial: options.excelSerial })
  return lastDate
}

/** "$" and "¥" name several currencies; only an ISO code (or a symbol the parser maps to one) decides. */
function isoCode(currency: string | null): string | null {
  return currency !== null && /^[A-Z]{3}$/.test(currency) ? currency : null
}

/** The decimal mark the file's number columns show in the sample, if any value shows it. */
export function decimalMarkOf(sample: readonly (readonly string[])[], positions: readonly number[]): DecimalMark | undefined {
  const analyzer = new DecimalMarkAnalyzer()
  for (const cells of sample) for (const position of positions) analyzer.add(cells[position] ?? '')
  return analyzer.decide() ?? undefined
}

/** A currency written in the sample's money cells ($, €, ¥, "GBP" ...), if they agree on one. */
export function currencyFromSample(sample: readonly (readonly string[])[], positions: readonly number[]): string | undefined {
  const seen = new Set<string>()
  for (const cells of sample) {
    for (const position of positions) {
      const parsed = parseMoney(cells[position] ?? '')
      const code = parsed.ok ? isoCode(parsed.currency) : null
      if (code) seen.add(code)
    }
  }
  return seen.size === 1 ? [...seen][0] : undefined
}
