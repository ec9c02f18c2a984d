/**
 * What every writer shares: which rows go in a file, personal columns under
 * the privacy option, and the window's dates in each tool's notation.
 */
import { createHmac } from 'node:crypto'
import type { Offer, Reason } from '../planner/planner-api'
import { translate } from '../shared/catalogue'
import { ExportError, type ExportMeta, type ExportRow } from './export-types'
import { offerPhrase, offerSentence } from './offer-text'

/** A treated row: it has an offer and a code, so it belongs in a mailing or coupon file. */
export interface TreatedRow extends ExportRow {
  offer: Offer
  code: string
}

/**
 * Only treatment rows with an offer and a code. Holdout rows never reach a
 * file that could be mailed (they go to the separate holdout writer); a
 * treatment row without a code is a caller bug, refused rather than silently
 * written without one.
 */
export function treatedRows(rows: readonly ExportRow[]): TreatedRow[] {
  const treated: TreatedRow[] = []
  for (const row of rows) {
    if (row.group !== 'treatment') continue
    if (row.offer === null || !row.code) throw new ExportError(`Customer ${row.shopId ?? row.email ?? '?'} is treated but has no ${row.offer === null ? 'offer' : 'code'}.`)
    treated.push(row as TreatedRow)
  }
  return treated
}

/** Salted hash of a personal value: the same customer hashes the same in every file of the campaign, nobody else can recompute it. */
export function hashPersonal(secret: Buffer, value: string | null): string | null {
  if (value === null || value.trim() === '') return null
  return createHmac('sha256', secret).update(value.trim().toLowerCase()).digest('hex')
}

export function firstName(row: ExportRow): string | null {
  if (row.firstName !== undefined && row.firstName !== null) return row.firstName
  const first = row.name?.trim().split(/\s+/)[0]
  return first ? first : null
}

/** E-mail and first name after the privacy option ('drop' callers leave the columns out altogether). */
export function personal(meta: ExportMeta, row: ExportRow): { email: string | null; firstName: string | null } {
  const name = firstName(row)
  if (meta.privacy === 'keep') return { email: row.email, firstName: name }
  if (meta.privacy === 'hash') return { email: hashPersonal(meta.secret, row.email), firstName: hashPersonal(meta.secret, name) }
  return { email: null, firstName: null }
}

/** Amounts as shops write them: "15", "4.50". */
export function amountText(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2)
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/**
 * The window as date-times: from the first day's 00:00:00 to the last day's
 * 23:59:59 shop time, with the shop's offset when known. Without it the time
 * has no offset, which Matrixify reads in the shop's time zone and Shopify's
 * API reads as UTC (docs/export-formats.md).
 */
export function windowTimes(meta: ExportMeta): { startsAt: string; endsAt: string } {
  const zone = meta.utcOffsetMinutes === null ? '' : offsetText(meta.utcOffsetMinutes)
  return { startsAt: `${day(meta.startsAt)}T00:00:00${zone}`, endsAt: `${day(meta.expiresAt)}T23:59:59${zone}` }
}

function day(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) throw new ExportError(`"${value}" is not a YYYY-MM-DD date.`)
  return value.slice(0, 10)
}

/** The calendar day after `value` ('YYYY-MM-DD'). */
export function nextDay(value: string): string {
  const date = new Date(`${day(value)}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/**
 * The offer sentence of each row, built once per offer and scope: a plan has
 * a handful of offers and up to 100k rows.
 */
export function sentences(meta: ExportMeta): (row: ExportRow) => string {
  const memo = new Map<string, string>()
  return (row) => {
    if (row.offer === null) return ''
    const scopeName = row.offer.scope === 'all' ? null : (row.scope?.name ?? null)
    const key = `${row.offer.id}\u0000${row.offer.type}\u0000${row.offer.value}\u0000${row.offer.minSpend}\u0000${scopeName ?? ''}`
    let sentence = memo.get(key)
    if (sentence === undefined) {
      sentence = offerSentence(row.offer, meta.currency, meta.expiresAt, meta.locale, scopeName)
      memo.set(key, sentence)
    }
    return sentence
  }
}

/**
 * Each row's reason text, kept per export (its meta): one job writing the
 * generic CSV and XLSX builds every sentence once, not once per file.
 */
const reasonCache = new WeakMap<ExportMeta, { text: (row: ExportRow) => string; byRow: WeakMap<ExportRow, string> }>()

/** Reasons in the merchant's language where the catalogue has them, else the code with its numbers. */
export function reasonTexts(meta: ExportMeta): (row: ExportRow) => string {
  let cache = reasonCache.get(meta)
  if (!cache) {
    cache = { text: buildReasonTexts(meta), byRow: new WeakMap() }
    reasonCache.set(meta, cache)
  }
  const { text, byRow } = cache
  return (row) => {
    let value = byRow.get(row)
    if (value === undefined) {
      value = text(row)
      byRow.set(row, value)
    }
    return value
  }
}

function buildReasonTexts(meta: ExportMeta): (row: ExportRow) => string {
  // Each reason code's sentence, split once at its {placeholders}: a plan has a handful of codes and
  // up to 100k rows, and filling pre-split parts costs a fraction of a regex replace per row.
  const compiled = new Map<string, ((params: Reason['params']) => string) | null>()
  const sentenceOf = (code: string): ((params: Reason['params']) => string) | null => {
    let fill = compiled.get(code)
    if (fill === undefined) {
      const template = translate(meta.locale, `plan.reason.${code}`, {}, '\u0000')
      fill = template === '\u0000' ? null : compileTemplate(template)
      compiled.set(code, fill)
    }
    return fill
  }
  const param = reasonParams(meta)
  return (row) => {
    let text = ''
    for (const reason of row.reasons) {
      const fill = sentenceOf(reason.code)
      let part: string
      if (fill) {
        const shown: Record<string, string | number> = {}
        for (const key in reason.params) shown[key] = param(key, reason.params[key])
        part = fill(shown)
      }
      else {
        const params = Object.entries(reason.params)
        part = params.length === 0 ? reason.code : `${reason.code} (${params.map(([k, v]) => `${k} ${v}`).join(', ')})`
      }
      text += text === '' ? part : `; ${part}`
    }
    return text
  }
}

/**
 * A reason's numbers as the Plan step shows them (plan-words.ts reasonParams):
 * money in the shop's currency, shares and chances as percentages, days whole,
 * orders to 2 places, offers in words; never a raw float such as 0.3178488261764869.
 */
function reasonParams(meta: ExportMeta): (key: string, value: string | number) => string | number {
  const money = new Intl.NumberFormat(meta.locale, { style: 'currency', currency: meta.currency })
  const share = new Intl.NumberFormat(meta.locale, { style: 'percent', maximumFractionDigits: 0 })
  const chance = new Intl.NumberFormat(meta.locale, { style: 'percent', maximumFractionDigits: 1 })
  const whole = new Intl.NumberFormat(meta.locale, { maximumFractionDigits: 0 })
  const small = new Intl.NumberFormat(meta.locale, { maximumFractionDigits: 2 })
  const one = new Intl.NumberFormat(meta.locale, { maximumFractionDigits: 1 })
  // `deeper` is an offer id ("percent:20"): shown as the Plan step phrases offers ("20% off your next order").
  const offers = new Map((meta.offers ?? []).map((offer) => [offer.id, offerPhrase(offer, meta.currency, meta.locale)]))
  return (key, value) => {
    if (key === 'deeper' && typeof value === 'string') return offers.get(value) ?? value
    if (typeof value !== 'number') return value
    if (key.endsWith('Money')) return money.format(value)
    if (key.endsWith('Share')) return share.format(value)
    if (key.endsWith('Chance')) return chance.format(value)
    if (key.endsWith('Days')) return whole.format(Math.round(value))
    if (key.endsWith('Orders')) return (Math.abs(value) < 1 ? small : one).format(value)
    return Number.isInteger(value) ? whole.format(value) : small.format(value)
  }
}

/** "{a} of {b}" → a function filling a and b, as catalogue.ts's translate does (an unknown name stays as written). */
function compileTemplate(template: string): (params: Reason['params']) => string {
  const pieces = template.split(/\{(\w+)\}/)
  return (params) => {
    let text = pieces[0]
    for (let i = 1; i < pieces.length; i += 2) {
      const value = params[pieces[i]]
      text += (value === undefined ? `{${pieces[i]}}` : String(value)) + pieces[i + 1]
    }
    return text
  }
}

/**
 * The start of every file name of one export: short, lower-case, and safe on
 * Windows and macOS (letters, digits and dashes only; accents folded), naming
 * the plan once: a plan campaign is "Offerwise plan 12" → `offerwise-plan-12`;
 * another name gets the plan number in front → `plan-12-spring-sale`.
 */
export function fileStem(meta: ExportMeta): string {
  const slug = meta.campaignName
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  if (new RegExp(`(^|-)plan-${meta.planId}(-|$)`).test(slug)) return slug
  return slug ? `plan-${meta.planId}-${slug}` : `plan-${meta.planId}`
}
