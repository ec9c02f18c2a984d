import type Database from 'better-sqlite3'
import { addDays } from '../features'
import { dayNumber } from '../features/calendar'
import { loadProductCatalogue } from '../features/product-catalogue'
import { PRODUCT_LINE, SALE_ORDER } from '../features/sql-conditions'

/** Each customer's first sale order in a window: what a sequence model should have foreseen. */
export interface NextOrders {
  /** Days from the cutoff to that order; NaN when the customer did not order in the window. */
  days: Float32Array
  /** Category of its biggest product line (the rule buildHistories uses); null when none. */
  category: (string | null)[]
}

export function nextOrdersAfter(db: Database.Database, cutoff: string, horizonDays: number, customerIds: Int32Array): NextOrders {
  const end = addDays(cutoff, horizonDays)
  const rows = db
    .prepare(
      `WITH firsts AS (
         SELECT o.customer_id, MIN(o.ordered_at) AS at FROM orders o
         WHERE o.ordered_at >= @cutoff AND o.ordered_at < @end AND o.customer_id IS NOT NULL AND ${SALE_ORDER}
         GROUP BY o.customer_id)
       SELECT f.customer_id AS customerId, f.at,
         (SELECT l.product_id FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
          WHERE o.customer_id = f.customer_id AND o.ordered_at = f.at AND ${PRODUCT_LINE}
          ORDER BY l.amount DESC, l.product_id LIMIT 1) AS productId
       FROM firsts f`,
    )
    .all({ cutoff, end }) as { customerId: number; at: string; productId: number | null }[]
  const catalogue = loadProductCatalogue(db, end)
  const byCustomer = new Map(rows.map((row) => [row.customerId, row]))
  const start = dayNumber(cutoff)
  const days = new Float32Array(customerIds.length).fill(Number.NaN)
  const category: (string | null)[] = new Array(customerIds.length).fill(null)
  customerIds.forEach((id, row) => {
    const next = byCustomer.get(id)
    if (!next) return
    days[row] = dayNumber(next.at) - start
    const index = next.productId === null ? undefined : catalogue.indexOf.get(next.productId)
    category[row] = index === undefined ? null : catalogue.products[index].category
  })
  return { days, category }
}
