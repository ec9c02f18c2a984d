import { parseMoney } from '../values/money'
import type { ColumnMapping } from './fields'
import { BASE_SYNONYMS } from './generic'
import { HEADER_WORDS, LANGUAGES, type Language } from './header-words'
import { headerKey } from './normalize-header'
import type { FormatPreset } from './preset'

/**
 * The currency a file's amounts are in, as far as the file tells, strongest
 * evidence first:
 *  1. a currency column with ISO codes ("EUR");
 *  2. marks in the money cells that name one currency ("€", "US$", "GBP 12");
 *  3. an ambiguous mark ("¥", "$", "kr") settled by the header's language or script
 *     (¥ under Chinese headers is yuan, under Japanese ones yen);
 *  4. the preset's currency (a platform that sells in one: Taobao, Online Retail);
 *  5. the header's language (German headers: EUR; Chinese: CNY; Japanese: JPY ...).
 * Null when nothing says: the caller then uses the shop's currency, and the
 * merchant can change it either way.
 */
export function currencyHint(
  header: readonly string[],
  sample: readonly (readonly string[])[],
  mapping: ColumnMapping,
  preset: FormatPreset | undefined,
): string | null {
  const position = (column: string | undefined) => (column ? header.indexOf(column) : -1)
  const currencyColumn = position(mapping.currency)
  if (currencyColumn >= 0) {
    const stated = sample.map((cells) => cells[currencyColumn]?.trim().toUpperCase()).find((code) => code && /^[A-Z]{3}$/.test(code))
    if (stated) return stated
  }
  const moneyColumns = (['unit_price', 'order_total', 'line_total', 'total_spent', 'cost'] as const).map((field) => position(mapping[field])).filter((p) => p >= 0)
  const marks = new Set<string>()
  for (const cells of sample) {
    for (const p of moneyColumns) {
      const parsed = parseMoney(cells[p] ?? '')
      if (parsed.ok && parsed.currency) marks.add(parsed.currency)
    }
  }
  const codes = [...marks].filter((mark) => /^[A-Z]{3}$/.test(mark))
  if (codes.length === 1) return codes[0]
  if (codes.length > 1) return null
  const language = headerLanguage(header)
  if (marks.size === 1) {
    const settled = settleMark([...marks][0], language)
    if (settled) return settled
  }
  if (preset?.defaultCurrency) return preset.defaultCurrency
  if (language === 'pt' && header.some((cell) => BRAZILIAN.has(headerKey(cell).full))) return 'BRL'
  return language ? LANGUAGE_CURRENCY[language] ?? null : null
}

export type HeaderLanguage = Language | 'zh'

/**
 * Where a language is spoken in one currency area, or mostly by shops in one.
 * Spanish and Portuguese headers are taken as Spain's and Portugal's (EUR)
 * unless a Brazilian word says otherwise (headerLanguage: 'Frete', 'Cupom').
 */
const LANGUAGE_CURRENCY: Partial<Record<HeaderLanguage, string>> = {
  de: 'EUR', fr: 'EUR', es: 'EUR', it: 'EUR', nl: 'EUR', pt: 'EUR', pl: 'PLN', sv: 'SEK', ja: 'JPY', ko: 'KRW', zh: 'CNY',
}

const BRAZILIAN = new Set(['frete', 'cupom', 'cpf', 'cnpj'].map((word) => headerKey(word).full))

function settleMark(mark: string, language: HeaderLanguage | null): string | null {
  if (mark === '¥') return language === 'ja' ? 'JPY' : language === 'zh' ? 'CNY' : null
  if (mark === 'kr') return language === 'sv' ? 'SEK' : null
  if (mark === '$' && language === 'pt') return 'BRL'
  return null
}

/** Words English headers use too ("Status", "Product", "Order") say nothing about the language. */
const ENGLISH_OR_CHINESE = new Set(BASE_SYNONYMS.map((word) => headerKey(word).full))

const KEYS_BY_LANGUAGE: ReadonlyMap<Language, ReadonlySet<string>> = new Map(
  LANGUAGES.map((language) => [
    language,
    new Set(
      Object.values(HEADER_WORDS[language])
        .flatMap((words) => (words ?? []).map((word) => headerKey(word).full))
        .filter((key) => !ENGLISH_OR_CHINESE.has(key)),
    ),
  ]),
)

/** Columns a language must name, beyond English words, before it is taken for the file's. */
const LANGUAGE_EVIDENCE = 2

/**
 * The language of a header: kana means Japanese and hangul Korean; Han
 * characters mean Chinese unless a Japanese-only word is among them; otherwise the language whose header words
 * name the most columns, when one leads (German "Land" and "Datum" are also
 * Dutch and Swedish, so shared words do not decide).
 */
export function headerLanguage(header: readonly string[]): HeaderLanguage | null {
  const text = header.join(' ')
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja'
  if (/\p{Script=Hangul}/u.test(text)) return 'ko'
  const keys = header.map((cell) => headerKey(cell)).flatMap((key) => [...new Set([key.full, key.bare])])
  // Japanese headers may be all kanji (注文番号, 単価): a Japanese-only word tells them from Chinese.
  if (/\p{Script=Han}/u.test(text)) return keys.some((key) => KEYS_BY_LANGUAGE.get('ja')!.has(key)) ? 'ja' : 'zh'
  const counts = LANGUAGES.map((language) => ({ language, count: keys.filter((key) => KEYS_BY_LANGUAGE.get(language)!.has(key)).length }))
    .filter((entry) => entry.count >= LANGUAGE_EVIDENCE)
    .sort((a, b) => b.count - a.count)
  if (counts.length === 0) return null
  if (counts.length > 1 && counts[1].count === counts[0].count) {
    // A tie between languages of one currency still says the currency (German and Dutch: EUR).
    const tied = counts.filter((entry) => entry.count === counts[0].count).map((entry) => LANGUAGE_CURRENCY[entry.language])
    if (new Set(tied).size > 1) return null
  }
  return counts[0].language
}
