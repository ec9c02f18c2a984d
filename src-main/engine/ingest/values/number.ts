import type { DecimalMark } from './decimal-text'
import { clip, isBlank, type NumberOptions } from './money'
import { parseSignedAmount } from './signed-amount'

/** A cell read as a plain number (quantities, ids written as numbers). Empty → ok with null. */
export type NumberResult = { ok: true; value: number } | { ok: true; value: null } | { ok: false; reason: string }

/** Scientific notation, which Excel writes for long numbers ("1.23E+05"). */
const SCIENTIFIC = /^[-+]?[0-9]+(?:\.[0-9]+)?[eE][-+]?[0-9]{1,3}$/

export function parseNumber(text: string, options: NumberOptions = {}): NumberResult {
  if (isBlank(text)) return { ok: true, value: null }
  const trimmed = text.trim()
  if (SCIENTIFIC.test(trimmed)) return { ok: true, value: Number(trimmed) }
  const parsed = parseSignedAmount(trimmed, false, options.decimal)
  if (!parsed.ok) return { ok: false, reason: `"${clip(text)}" is not a number.` }
  return { ok: true, value: parsed.value }
}

export type { DecimalMark }
