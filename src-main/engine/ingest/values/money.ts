import type { DecimalMark } from './decimal-text'
import { parseSignedAmount } from './signed-amount'

/**
 * A cell read as money. Empty is not an error (many columns are optional), so
 * it is `ok` with a null value; `ok: false` means the cell has text that is
 * not an amount, and `reason` says so in words for the shop owner.
 */
export type MoneyResult =
  | { ok: true; value: number; currency: string | null }
  | { ok: true; value: null; currency: null }
  | { ok: false; reason: string }

export interface NumberOptions {
  /** The column's decimal mark, when known (see DecimalMarkAnalyzer); settles "1,234" and "1.234". */
  decimal?: DecimalMark
}

export function parseMoney(text: string, options: NumberOptions = {}): MoneyResult {
  if (isBlank(text)) return { ok: true, value: null, currency: null }
  const parsed = parseSignedAmount(text, true, options.decimal)
  if (!parsed.ok) return { ok: false, reason: `"${clip(text)}" is not an amount of money.` }
  return { ok: true, value: parsed.value, currency: parsed.currency }
}

/** Empty or only spaces (including non-breaking ones). */
export function isBlank(text: string): boolean {
  return text.trim() === ''
}

/** Long cells are cut in messages: enough to recognise the value. */
export function clip(text: string): string {
  const t = text.trim()
  return t.length > 40 ? t.slice(0, 40) + '…' : t
}
