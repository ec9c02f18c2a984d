/**
 * Currency marks found in shop exports, and what each says.
 *
 * The result is an ISO 4217 code when the mark names one currency. A bare '$'
 * or '¥' names several (US/Canadian/Australian… dollar; yuan or yen), so the
 * symbol itself is returned and the caller settles it with the shop's
 * currency setting or the file's currency column.
 */

/** Symbols and prefixed symbols, longest first so "US$" wins over "$". */
const SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['HK$', 'HKD'],
  ['NZ$', 'NZD'],
  ['AU$', 'AUD'],
  ['CA$', 'CAD'],
  ['NT$', 'TWD'],
  ['MX$', 'MXN'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['$', '$'],
  ['＄', '$'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['￡', 'GBP'],
  ['¥', '¥'],
  ['￥', '¥'],
  ['元', 'CNY'],
  ['円', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₺', 'TRY'],
  ['₫', 'VND'],
  ['฿', 'THB'],
  ['zł', 'PLN'],
  ['kr.', 'kr'],
  ['kr', 'kr'],
]

/** Letter codes accepted next to an amount. Not every 3-letter word: "ABC 12" is not money. */
const CODES: ReadonlyMap<string, string> = new Map(
  [
    'USD', 'EUR', 'GBP', 'CNY', 'JPY', 'CAD', 'AUD', 'HKD', 'TWD', 'SGD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN',
    'NZD', 'INR', 'KRW', 'BRL', 'MXN', 'CZK', 'HUF', 'RON', 'ZAR', 'TRY', 'THB', 'MYR', 'IDR', 'PHP', 'VND',
    'AED', 'SAR', 'ILS', 'RUB', 'UAH', 'CLP', 'COP', 'ARS', 'PEN', 'MOP',
  ]
    .map((code): [string, string] => [code, code])
    .concat([['RMB', 'CNY']]),
)

export interface CurrencyMatch {
  /** ISO code, or '$' / '¥' / 'kr' when the mark alone is ambiguous. */
  currency: string
  /** Characters the mark takes up in the text. */
  length: number
}

/** A currency mark at the start of `text`. */
export function currencyPrefix(text: string): CurrencyMatch | null {
  for (const [symbol, currency] of SYMBOLS) {
    if (text.startsWith(symbol)) return { currency, length: symbol.length }
  }
  const code = /^[A-Za-z]{3}(?![A-Za-z])/.exec(text)
  const known = code && CODES.get(code[0].toUpperCase())
  return code && known ? { currency: known, length: 3 } : null
}

/** A currency mark at the end of `text`. */
export function currencySuffix(text: string): CurrencyMatch | null {
  for (const [symbol, currency] of SYMBOLS) {
    if (text.endsWith(symbol)) return { currency, length: symbol.length }
  }
  const code = /(?<![A-Za-z])[A-Za-z]{3}$/.exec(text)
  const known = code && CODES.get(code[0].toUpperCase())
  return code && known ? { currency: known, length: 3 } : null
}
