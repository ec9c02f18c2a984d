/**
 * A plain segment per customer, for the plan's breakdown and filters. Rules,
 * not a model, so the merchant can read them:
 *   new        one order so far
 *   lapsed     nothing for over a year, or for more than 3× their usual gap
 *   lapsing    more than 1.5× their usual gap since the last order
 *   loyal      5+ orders and buying to their rhythm
 *   active     everyone else
 */
import type { CustomerFacts } from './customer-facts'

export const SEGMENTS = ['new', 'active', 'loyal', 'lapsing', 'lapsed'] as const
export type Segment = (typeof SEGMENTS)[number]

export function segmentOf(f: Pick<CustomerFacts, 'orders' | 'recencyDays' | 'gapMeanDays'>): Segment {
  if (f.orders <= 1) return f.recencyDays > 365 ? 'lapsed' : 'new'
  const gap = Math.max(7, f.gapMeanDays)
  if (f.recencyDays > 365 || f.recencyDays > 3 * gap) return 'lapsed'
  if (f.recencyDays > 1.5 * gap) return 'lapsing'
  return f.orders >= 5 ? 'loyal' : 'active'
}
