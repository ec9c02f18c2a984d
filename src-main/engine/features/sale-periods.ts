import type Database from 'better-sqlite3'
import { assertDay } from './calendar'
import { discountDepth } from './sale-orders'
import { ORDER_CODE, ORDER_DISCOUNT, SALE_ORDER } from './sql-conditions'
import type { SaleDay } from './types'

/**
 * Site-wide sale days, detected from the orders themselves (shops rarely
 * export their promotion calendar). A day is a sale day when
 *
 *  - code rule: at least max(CODE_MIN_ORDERS, CODE_MEDIAN_FACTOR × the
 *    median number of discounted orders per trading day) orders share one
 *    code — a campaign code, not the everyday welcome code, which is used
 *    about as often every day and so sets the median; or
 *  - depth rule: at least DEPTH_MIN_SHARE of the day's orders got the same
 *    depth of discount (± DEPTH_TOLERANCE, i.e. within a 4 pp band) and at
 *    least DEPTH_MIN_ORDERS of them did — "20% off everything" without a
 *    code, as automatic discounts appear in exports.
 *
 * Guests count: a sale is a fact about the shop, not about a customer.
 */
export const SALE_DAY_RULES = {
  CODE_MIN_ORDERS: 5,
  CODE_MEDIAN_FACTOR: 3,
  DEPTH_MIN_SHARE: 0.4,
  DEPTH_TOLERANCE: 0.02,
  DEPTH_MIN_ORDERS: 3,
} as const

interface DayTally {
  orders: number
  discounted: number
  codes: Map<string, number>
  depths: number[]
}

type Row = [day: string, total: number, discount: number, code: string | null]

/** Sale days strictly before the cutoff, oldest first. */
export function detectSaleDays(db: Database.Database, cutoff: string): SaleDay[] {
  assertDay(cutoff)
  const rows = db
    .prepare(
      `SELECT substr(o.ordered_at, 1, 10), COALESCE(o.total, 0), ${ORDER_DISCOUNT}, ${ORDER_CODE}
       FROM orders o
       WHERE o.ordered_at < @cutoff AND ${SALE_ORDER}`,
    )
    .raw()
    .all({ cutoff }) as Row[]
  return saleDaysFromOrders(rows.map(([day, total, discount, code]) => ({ day, total, discount, code })))
}

/** The rule on plain order facts (exported for tests and for callers with their own orders). */
export function saleDaysFromOrders(orders: { day: string; total: number; discount: number; code: string | null }[]): SaleDay[] {
  const days = new Map<string, DayTally>()
  for (const order of orders) {
    let tally = days.get(order.day)
    if (!tally) {
      tally = { orders: 0, discounted: 0, codes: new Map(), depths: [] }
      days.set(order.day, tally)
    }
    tally.orders++
    const depth = discountDepth(order.total, order.discount)
    if (order.code === null && depth === 0) continue
    tally.discounted++
    if (order.code !== null) tally.codes.set(order.code, (tally.codes.get(order.code) ?? 0) + 1)
    if (depth > 0) tally.depths.push(depth)
  }
  const rules = SALE_DAY_RULES
  const codeThreshold = Math.max(rules.CODE_MIN_ORDERS, rules.CODE_MEDIAN_FACTOR * median([...days.values()].map((d) => d.discounted)))
  const found: SaleDay[] = []
  for (const [day, tally] of days) {
    let code: string | null = null
    let codeOrders = 0
    // Most-used code of the day; ties go to the alphabetically first so the result is deterministic.
    for (const [candidate, count] of tally.codes) {
      if (count > codeOrders || (count === codeOrders && code !== null && candidate < code)) {
        code = candidate
        codeOrders = count
      }
    }
    const byCode = codeOrders >= codeThreshold
    const band = densestBand(tally.depths, 2 * rules.DEPTH_TOLERANCE)
    const byDepth = band.count >= rules.DEPTH_MIN_ORDERS && band.count >= rules.DEPTH_MIN_SHARE * tally.orders
    if (!byCode && !byDepth) continue
    found.push({
      day,
      orders: tally.orders,
      discountedOrders: tally.discounted,
      code: byCode ? code : null,
      codeOrders: byCode ? codeOrders : 0,
      depth: byDepth ? Math.round(band.center * 10_000) / 10_000 : null,
      depthOrders: byDepth ? band.count : 0,
      reason: byCode && byDepth ? 'code+depth' : byCode ? 'code' : 'depth',
    })
  }
  return found.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
}

/** Consecutive sale days merged into periods ("Black Friday weekend"), for display. */
export function groupSalePeriods(days: SaleDay[]): { from: string; to: string; days: SaleDay[] }[] {
  const periods: { from: string; to: string; days: SaleDay[] }[] = []
  for (const day of days) {
    const last = periods.at(-1)
    if (last && Date.parse(day.day) - Date.parse(last.to) === 86_400_000) {
      last.to = day.day
      last.days.push(day)
    } else {
      periods.push({ from: day.day, to: day.day, days: [day] })
    }
  }
  return periods
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The largest group of depths within `width` of each other, and its median (two pointers over the sorted depths). */
function densestBand(depths: number[], width: number): { count: number; center: number } {
  if (depths.length === 0) return { count: 0, center: 0 }
  const sorted = [...depths].sort((a, b) => a - b)
  let best = { from: 0, to: 0 }
  let from = 0
  for (let to = 0; to < sorted.length; to++) {
    // A hair of slack so that 0.18 and 0.22 (exactly 4 pp apart) share a band despite float rounding.
    while (sorted[to] - sorted[from] > width + 1e-9) from++
    if (to - from > best.to - best.from) best = { from, to }
  }
  const group = sorted.slice(best.from, best.to + 1)
  return { count: group.length, center: median(group) }
}
