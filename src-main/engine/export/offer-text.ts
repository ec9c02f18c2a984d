/**
 * The offer in one sentence, in the merchant's language, for the files the
 * engine writes ("15% off your next order, until 14 Dec 2024"). The files are
 * written outside the renderer, so the few sentences live here, in one table
 * per language, together with the notes the writers attach to their files.
 */
import type { Locale } from '../api'
import type { Offer } from '../planner/planner-api'

interface Templates {
  /** {what} = the discount, {scope} = what it applies to ('' for the whole shop), {min} = minimum spend. */
  percent: string
  amount: string
  freeShipping: string
  /** Inserted as {scope}; {name} = category or product. */
  scope: string
  /** The same offers with a minimum spend. */
  percentMin: string
  amountMin: string
  freeShippingMin: string
  until: string
  holdoutWarning: string
  scopedMatrixify: string
  hashedEmail: string
  noEmail: string
}

const TEMPLATES: Record<Locale, Templates> = {
  en: {
    percent: '{what}% off your next order{scope}',
    amount: '{what} off your next order{scope}',
    freeShipping: 'Free shipping on your next order',
    scope: ' on {name}',
    percentMin: '{what}% off orders of {min} or more{scope}',
    amountMin: '{what} off orders of {min} or more{scope}',
    freeShippingMin: 'Free shipping on orders of {min} or more',
    until: '{offer}, until {date}',
    holdoutWarning: 'HOLDOUT list: these customers must NOT be sent a coupon; they are the comparison group that measures the campaign.',
    scopedMatrixify: 'Discount "{title}" is for {name} only: after the import, set "Applies to" to {name} in Shopify admin, or it discounts whole orders.',
    hashedEmail: 'E-mail addresses and names are hashed: this file is for analysis; an e-mail tool cannot send to it.',
    noEmail: '{count} treated customers have no e-mail address and are not in this file.',
  },
  'zh-CN': {
    percent: '下次订单{scope}享{what}%折扣',
    amount: '下次订单{scope}立减{what}',
    freeShipping: '下次订单免运费',
    scope: '购买「{name}」',
    percentMin: '订单满{min}{scope}享{what}%折扣',
    amountMin: '订单满{min}{scope}立减{what}',
    freeShippingMin: '订单满{min}免运费',
    until: '{offer}，有效期至{date}',
    holdoutWarning: '对照组名单：请勿向这些顾客发送优惠券；他们是衡量本次活动效果的对照组。',
    scopedMatrixify: '折扣“{title}”仅适用于「{name}」：导入后请在 Shopify 后台把“适用于”设为「{name}」，否则它会对整单打折。',
    hashedEmail: '邮箱和姓名已哈希处理：此文件仅供分析，邮件工具无法向其发送。',
    noEmail: '{count} 位获券顾客没有邮箱，未写入此文件。',
  },
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole)
}

/** Intl wants a full tag for dates; 'en' alone gives US month-first dates. */
const DATE_LOCALE: Record<Locale, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' }

// Intl formatters cost far more to build than to use (~0.4 ms each): one per
// locale/currency/kind, so 100k offer sentences take milliseconds, not a minute.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined
  if (!formatter) {
    formatter = make()
    formatters.set(key, formatter)
  }
  return formatter
}

/** Money in the shop's currency: "£5", "£4.50", "¥30"; whole amounts without ".00". */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const whole = Number.isInteger(amount)
  return cached(`money ${locale} ${currency} ${whole}`, () =>
    new Intl.NumberFormat(DATE_LOCALE[locale], {
      style: 'currency',
      currency,
      // "$" rather than "US$": the customer knows which shop wrote to them.
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    }),
  ).format(amount)
}

/** 'YYYY-MM-DD' as "14 Dec 2024" / "2024年12月14日" (the calendar day, no time zone shift). */
export function formatDay(day: string, locale: Locale): string {
  const formatter = cached(`day ${locale}`, () =>
    new Intl.DateTimeFormat(
      DATE_LOCALE[locale],
      locale === 'zh-CN' ? { dateStyle: 'long', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
    ),
  )
  return formatter.format(new Date(`${day.slice(0, 10)}T00:00:00Z`))
}

function trimPercent(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/** The offer without its expiry: "15% off your next order on Tea". */
export function offerPhrase(offer: Offer, currency: string, locale: Locale, scopeName: string | null = null): string {
  const t = TEMPLATES[locale]
  const scope = offer.scope !== 'all' && scopeName ? fill(t.scope, { name: scopeName }) : ''
  const min = offer.minSpend > 0 ? formatMoney(offer.minSpend, currency, locale) : ''
  switch (offer.type) {
    case 'percent':
      return fill(min ? t.percentMin : t.percent, { what: trimPercent(offer.value), scope, min })
    case 'fixed':
    case 'spend_x_save_y':
      return fill(min ? t.amountMin : t.amount, { what: formatMoney(offer.value, currency, locale), scope, min })
    case 'free_shipping':
      return fill(min ? t.freeShippingMin : t.freeShipping, { min })
  }
}

/** The offer in one sentence with its last day: "£5 off orders of £40 or more, until 14 Dec 2024". */
export function offerSentence(offer: Offer, currency: string, expiresAt: string, locale: Locale, scopeName: string | null = null): string {
  return fill(TEMPLATES[locale].until, { offer: offerPhrase(offer, currency, locale, scopeName), date: formatDay(expiresAt, locale) })
}

export type ExportNote = 'holdoutWarning' | 'scopedMatrixify' | 'hashedEmail' | 'noEmail'

/** A note a writer attaches to its file, in the merchant's language. */
export function exportNote(locale: Locale, note: ExportNote, params: Record<string, string> = {}): string {
  return fill(TEMPLATES[locale][note], params)
}
