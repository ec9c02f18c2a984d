import type Database from 'better-sqlite3'
import { addDays, assertDay } from './calendar'
import { SALE_ORDER } from './sql-conditions'

/**
 * Shop seasonality at a cutoff: how busy the coming 90 days were last year.
 *
 *   season_index = sale orders in [cutoff − 365 d, cutoff − 275 d)
 *                  ÷ (sale orders in [cutoff − 365 d, cutoff) × 90 / 365)
 *
 * i.e. last year's volume in the same 90 days of the calendar, relative to
 * an average 90 days of that year (exact days rather than calendar months:
 * no partial-month weighting, and the window ends long before the cutoff).
 * With less than a year of history (first sale after cutoff − 365 d) or no
 * orders that year the index is 1, "an ordinary quarter". Guests count: it
 * is about the shop's traffic.
 */
export const SEASON_WINDOW_DAYS = 90
const YEAR_DAYS = 365

export interface Seasonality {
  index: number
  /** Last year's window as ['YYYY-MM-DD', 'YYYY-MM-DD'), null with less than a year of history. */
  window: { from: string; to: string } | null
  /** The year the index compares against, [from, cutoff). */
  yearFrom: string
  /** Share of last year's orders that fell in the window: the default own_season_share. */
  shopShare: number
}

/** A customer with no order in the past year is assumed to follow the calendar evenly. */
export const NEUTRAL_SEASON_SHARE = SEASON_WINDOW_DAYS / YEAR_DAYS

export function shopSeasonality(db: Database.Database, cutoff: string): Seasonality {
  assertDay(cutoff)
  const yearFrom = addDays(cutoff, -YEAR_DAYS)
  const windowTo = addDays(yearFrom, SEASON_WINDOW_DAYS)
  const row = db
    .prepare(
      `SELECT MIN(o.ordered_at) AS first,
              SUM(o.ordered_at >= @yearFrom) AS year,
              SUM(o.ordered_at >= @yearFrom AND o.ordered_at < @windowTo) AS window
       FROM orders o
       WHERE o.ordered_at < @cutoff AND ${SALE_ORDER}`,
    )
    .get({ cutoff, yearFrom, windowTo }) as { first: string | null; year: number | null; window: number | null }
  const neutral: Seasonality = { index: 1, window: null, yearFrom, shopShare: NEUTRAL_SEASON_SHARE }
  if (row.first === null || row.first >= yearFrom || !row.year) return neutral
  const window = row.window ?? 0
  return {
    index: window / ((row.year * SEASON_WINDOW_DAYS) / YEAR_DAYS),
    window: { from: yearFrom, to: windowTo },
    yearFrom,
    shopShare: window / row.year,
  }
}
