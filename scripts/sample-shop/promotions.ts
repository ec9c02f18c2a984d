/** Site-wide sales and the codes the shop sent before the randomised campaigns. */

import { DAYS, dateOf, dayOf } from './calendar'

export interface SiteSale {
  code: string
  percent: number
  from: number
  to: number
  /** Extra reach (ads, email blast): scales new-customer arrivals and a bit of everyone's demand. */
  buzz: number
}

export const SITE_SALES: readonly SiteSale[] = [
  { code: 'SPRING15', percent: 15, from: dayOf('2023-04-13'), to: dayOf('2023-04-16'), buzz: 1.5 },
  { code: 'BF2023', percent: 25, from: dayOf('2023-11-24'), to: dayOf('2023-11-27'), buzz: 2.8 },
  { code: 'SPRING15', percent: 15, from: dayOf('2024-04-11'), to: dayOf('2024-04-14'), buzz: 1.5 },
  { code: 'SUMMER20', percent: 20, from: dayOf('2024-07-18'), to: dayOf('2024-07-21'), buzz: 1.6 },
  { code: 'BF2024', percent: 25, from: dayOf('2024-11-29'), to: dayOf('2024-12-02'), buzz: 3.0 },
]

export const WELCOME = { code: 'WELCOME10', percent: 10 }
/** Monthly email to opted-in customers whose last order is 120-400 days old. */
export const WINBACK = { code: 'COMEBACK20', percent: 20, validDays: 14, lapsedFrom: 120, lapsedTo: 400, firstDay: dayOf('2023-06-01') }
/** Quarterly thank-you to regulars (5+ orders). */
export const VIP = { code: 'VIP15', percent: 15, validDays: 10, minOrders: 5, days: ['2023-06-05', '2023-09-04', '2023-12-04', '2024-03-04', '2024-06-03', '2024-09-02'].map(dayOf) }

export function siteSaleOn(day: number): SiteSale | undefined {
  return SITE_SALES.find((sale) => day >= sale.from && day <= sale.to)
}

/** First day of every month from WINBACK.firstDay on. */
export const WINBACK_DAYS: readonly number[] = Array.from({ length: DAYS }, (_v, d) => d).filter((d) => d >= WINBACK.firstDay && dateOf(d).getUTCDate() === 1)
