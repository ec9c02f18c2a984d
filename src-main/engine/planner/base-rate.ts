/**
 * The chance a customer orders within the offer's window without a coupon,
 * from the purchase model's chance over its own horizon, at the plan's own
 * window and season.
 *
 * The model's P(≥1 order in H days) is read as a Poisson rate λ·H =
 * −ln(1 − p). Over a window of W days the rate is λ·W·s, where s is the
 * shop's season factor: how busy the same calendar days were a year earlier
 * compared with the model's whole horizon then. A plan for a quiet fortnight
 * after Christmas must not borrow the busy December's chances, and one run in
 * the holiday build-up must not look like a quiet month.
 */
import type Database from 'better-sqlite3'
import { addDays } from '../features/calendar'
import { SALE_ORDER } from '../features/sql-conditions'

/** The season factor is kept within this range: a year-earlier window with few orders says little. */
const SEASON_RANGE: readonly [number, number] = [0.33, 3]
/** Fewer sale orders than this in last year's horizon window: no seasonal adjustment (a young shop). */
const MIN_ORDERS_FOR_SEASON = 30

export function windowChance(pHorizon: number, horizonDays: number, windowDays: number, seasonFactor: number): number {
  const p = Math.min(1 - 1e-9, Math.max(0, pHorizon))
  const rate = (-Math.log1p(-p) * windowDays * seasonFactor) / horizonDays
  return -Math.expm1(-rate)
}

export interface SeasonFactor {
  factor: number
  /** Sale orders a year earlier in the plan's window and in the horizon window (for the explanation). */
  windowOrders: number
  horizonOrders: number
  adjusted: boolean
}

export function seasonFactor(db: Database.Database, startsAt: string, windowDays: number, horizonDays: number): SeasonFactor {
  const yearBefore = addDays(startsAt, -364) // 52 weeks: the same weekdays
  const count = (days: number): number =>
    db.prepare(`SELECT COUNT(*) FROM orders o WHERE ${SALE_ORDER} AND o.ordered_at >= @from AND o.ordered_at < @to`).pluck().get({ from: yearBefore, to: addDays(yearBefore, days) }) as number
  const windowOrders = count(windowDays)
  const horizonOrders = count(horizonDays)
  if (horizonOrders < MIN_ORDERS_FOR_SEASON) return { factor: 1, windowOrders, horizonOrders, adjusted: false }
  const raw = windowOrders / windowDays / (horizonOrders / horizonDays)
  return { factor: Math.min(SEASON_RANGE[1], Math.max(SEASON_RANGE[0], raw)), windowOrders, horizonOrders, adjusted: true }
}
