/**
 * Reasons as sentences, for files and the terminal (the UI renders the same
 * catalogue entries itself): each param formatted by the kind its name
 * carries (reasons.ts), then the catalogue's `plan.reason.<code>` sentence.
 */
import type { Locale } from '../api'
import { formatMoney, offerPhrase } from '../export/offer-text'
import { translate } from '../shared/catalogue'
import type { Offer, Reason } from './planner-api'

function chance(p: number, locale: Locale): string {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  if (p > 0.99) return translate(locale, 'common.chance.over', { value: percent.format(0.99) })
  if (p < 0.01) return translate(locale, 'common.chance.under', { value: percent.format(0.01) })
  return percent.format(p)
}

export function reasonParams(params: Reason['params'], locale: Locale, currency: string, offers: readonly Offer[]): Record<string, string> {
  const out: Record<string, string> = {}
  const number = (value: number, digits: number): string => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)
  for (const [key, value] of Object.entries(params)) {
    if (key === 'deeper' && typeof value === 'string') {
      const offer = offers.find((o) => o.id === value)
      out[key] = offer ? offerPhrase(offer, currency, locale) : value
    } else if (typeof value !== 'number') out[key] = value
    else if (key.endsWith('Money')) out[key] = formatMoney(value, currency, locale)
    else if (key.endsWith('Share')) out[key] = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value)
    else if (key.endsWith('Chance')) out[key] = chance(value, locale)
    else if (key.endsWith('Days')) out[key] = number(Math.round(value), 0)
    else if (key.endsWith('Orders')) out[key] = number(value, Math.abs(value) < 1 ? 2 : 1)
    else out[key] = number(value, Number.isInteger(value) ? 0 : 2)
  }
  return out
}

export function reasonText(reason: Reason, locale: Locale, currency: string, offers: readonly Offer[]): string {
  return translate(locale, `plan.reason.${reason.code}`, reasonParams(reason.params, locale, currency, offers), reason.code)
}

/** All of a row's reasons in one cell: "…; …". */
export function reasonsText(reasons: readonly Reason[], locale: Locale, currency: string, offers: readonly Offer[]): string {
  return reasons.map((r) => reasonText(r, locale, currency, offers)).join('; ')
}
