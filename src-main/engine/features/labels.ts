import type Database from 'better-sqlite3'
import { addDays, assertDay } from './calendar'
import { SALE_ORDER } from './sql-conditions'
import type { PurchaseLabels } from './types'

/**
 * What each customer did in the window [cutoff, cutoff + horizonDays):
 * sale orders (not returns, not cancelled) and their totals. Rows follow
 * `customerIds` (normally a FeatureSet's); customers without orders in the
 * window get zeros. This is the one builder that reads after the cutoff, on
 * purpose, and only the window.
 */
export function buildLabels(db: Database.Database, cutoff: string, horizonDays: number, customerIds: Int32Array): PurchaseLabels {
  assertDay(cutoff)
  if (!(Number.isInteger(horizonDays) && horizonDays > 0)) throw new Error(`horizonDays must be a positive whole number, got ${horizonDays}`)
  const end = addDays(cutoff, horizonDays)
  const rows = db
    .prepare(
      `SELECT o.customer_id, COUNT(*), SUM(COALESCE(o.total, 0))
       FROM orders o
       WHERE o.ordered_at >= @cutoff AND o.ordered_at < @end AND o.customer_id IS NOT NULL AND ${SALE_ORDER}
       GROUP BY o.customer_id`,
    )
    .raw()
    .all({ cutoff, end }) as [number, number, number][]
  const byId = new Map(rows.map(([id, orders, spend]) => [id, { orders, spend }]))
  const n = customerIds.length
  const labels: PurchaseLabels = { cutoff, horizonDays, bought: new Uint8Array(n), orders: new Float32Array(n), spend: new Float32Array(n) }
  for (let row = 0; row < n; row++) {
    const found = byId.get(customerIds[row])
    if (!found) continue
    labels.bought[row] = 1
    labels.orders[row] = found.orders
    labels.spend[row] = found.spend
  }
  return labels
}
