/** Plain words for a result: level names, verdicts and notes, in the merchant's language. */
import type { CampaignResult, LevelResult, ResultWarning } from '../../../src-main/engine/results/results-api'
import { fmt } from '../../lib/i18n/labels'
import { i18n, t } from '../../lib/i18n/i18n.svelte'

export function levelName(level: Pick<LevelResult, 'discountType' | 'discountValue' | 'minSpend'>, currency: string): string {
  switch (level.discountType) {
    case 'percent':
      return t('results.level.percent', { value: fmt.number(level.discountValue, 0) })
    case 'fixed':
      return t('results.level.fixed', { value: fmt.money(level.discountValue, currency) })
    case 'spend_x_save_y':
      return t('results.level.spend_x_save_y', { min: fmt.money(level.minSpend, currency), value: fmt.money(level.discountValue, currency) })
    case 'free_shipping':
      return t('results.level.free_shipping')
    default:
      return t('results.level.none')
  }
}

/** A p-value: three decimals, "< 0.001" below that. */
export const pValue = (p: number): string => (p < 0.001 ? `< ${fmt.fixed(0.001, 3)}` : fmt.fixed(p, 3))

export const points = (ratio: number): string => t('results.points', { value: fmt.fixed(ratio * 100, 1) })

export function verdictText(r: CampaignResult): string {
  const o = r.overall
  const dates = { sentAt: fmt.date(r.campaign.sentAt.slice(0, 10)), expiresAt: fmt.date(r.campaign.expiresAt.slice(0, 10)), ordersThrough: r.ordersThrough ? fmt.date(r.ordersThrough.slice(0, 10)) : '—' }
  if (r.verdict.code === 'profit' || r.verdict.code === 'loss' || r.verdict.code === 'no-evidence') {
    if (!o) return ''
    const p = o.incrementalProfit
    const money = (v: number): string => fmt.money(Math.round(v), r.currency, 'whole')
    const best = r.bestLevel && r.bestLevel.distinguishable ? r.levels.find((l) => l.key === r.bestLevel?.key) : undefined
    const main = t(`results.verdict.${r.verdict.code}`, {
      // 'loss' says "lost about X": its amount is positive; the others keep the sign.
      profit: money(r.verdict.code === 'loss' ? -p.estimate : p.estimate),
      low: money(p.low),
      high: money(p.high),
      level: fmt.number(o.level * 100, 0),
      lift: points(o.conversionLift.estimate),
      liftLow: points(o.conversionLift.low),
      liftHigh: points(o.conversionLift.high),
      p: pValue(o.profitP),
    })
    return best ? `${main} ${t('results.best', { level: levelName(best, r.currency) })}` : main
  }
  return t(`results.verdict.${r.verdict.code}`, dates)
}

export function warningText(w: ResultWarning): string {
  const p = w.params
  switch (w.code) {
    case 'window-open':
      return t('results.warning.window-open', { expiresAt: fmt.date(String(p.expiresAt).slice(0, 10)) })
    case 'unknown-members':
      return t('results.warning.unknown-members', { count: fmt.number(Number(p.count)) })
    case 'small-sample':
      return t('results.warning.small-sample', { treatment: fmt.number(Number(p.treatment)), control: fmt.number(Number(p.control)), minTreated: fmt.number(Number(p.minTreated)), minControl: fmt.number(Number(p.minControl)) })
    case 'orders-end-early':
      return t('results.warning.orders-end-early', { ordersThrough: fmt.date(String(p.ordersThrough).slice(0, 10)), expiresAt: fmt.date(String(p.expiresAt).slice(0, 10)) })
  }
}

/** 'YYYY-MM-DD' → "3 Mar" / "3月3日": a chart's day axis, in the merchant's language (the calendar day as written, no time zone shift). */
export function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  return new Intl.DateTimeFormat(i18n.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date)
}
