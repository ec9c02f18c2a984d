import { currencyPrefix, currencySuffix, type CurrencyMatch } from './currency'
import { parseDecimalCore, type DecimalMark } from './decimal-text'

/**
 * Peels signs, brackets and (when allowed) a currency mark off an amount and
 * parses what is left. Accepts the ways exports write a negative: "-12.50",
 * "−12.50" (Unicode minus), "(12.50)" (accounting), "12.50-" (SAP-style
 * trailing minus), and with a currency in any position: "-$12.50",
 * "$-12.50", "($12.50)", "12,50 € -", "USD -12.50".
 */
export type AmountParse = { ok: true; value: number; currency: string | null } | { ok: false }

const MINUS = /^[-\u2212\u2013]/
const SPACES = /^[\s\u00a0\u202f\u2009]+|[\s\u00a0\u202f\u2009]+$/g

export function parseSignedAmount(input: string, allowCurrency: boolean, decimal?: DecimalMark): AmountParse {
  let text = input.replace(SPACES, '')
  let negative = false
  let signed = false
  let currency: string | null = null

  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true
    signed = true
    text = text.slice(1, -1).replace(SPACES, '')
  }

  // Leading marks, in any order: sign, currency.
  for (let guard = 0; guard < 3; guard++) {
    if (!signed && (MINUS.test(text) || text.startsWith('+'))) {
      negative = text[0] !== '+'
      signed = true
      text = text.slice(1).replace(SPACES, '')
      continue
    }
    const prefix: CurrencyMatch | null = allowCurrency && currency === null ? currencyPrefix(text) : null
    if (prefix) {
      currency = prefix.currency
      text = text.slice(prefix.length).replace(SPACES, '')
      continue
    }
    break
  }
  // Trailing marks, in any order: currency, trailing minus.
  for (let guard = 0; guard < 3; guard++) {
    if (!signed && /[-\u2212]$/.test(text)) {
      negative = true
      signed = true
      text = text.slice(0, -1).replace(SPACES, '')
      continue
    }
    const suffix: CurrencyMatch | null = allowCurrency && currency === null ? currencySuffix(text) : null
    if (suffix) {
      currency = suffix.currency
      text = text.slice(0, text.length - suffix.length).replace(SPACES, '')
      continue
    }
    break
  }

  const value = parseDecimalCore(text, decimal)
  if (value === null) return { ok: false }
  // Avoid -0: a zero amount is just zero.
  return { ok: true, value: negative && value !== 0 ? -value : value, currency }
}
