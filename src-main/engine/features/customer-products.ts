import type Database from 'better-sqlite3'
import { assertDay } from './calendar'
import { PRODUCT_LINE, SALE_ORDER } from './sql-conditions'

/** One (customer, product) pair bought before the cutoff: orders containing it, units, and spend on it. */
export type CustomerProductRow = [customerId: number, productId: number, orders: number, units: number, spend: number]

/**
 * Who bought what before the cutoff (product lines of sale orders, known
 * customers only), aggregated in SQL, sorted by customer then product.
 */
export function loadCustomerProducts(db: Database.Database, cutoff: string): CustomerProductRow[] {
  assertDay(cutoff)
  return db
    .prepare(
      `SELECT o.customer_id, l.product_id, COUNT(DISTINCT o.id), SUM(l.quantity), SUM(l.amount)
       FROM orders o
       JOIN order_lines l ON l.order_id = o.id
       JOIN products p ON p.id = l.product_id
       WHERE o.ordered_at < @cutoff AND o.customer_id IS NOT NULL AND ${SALE_ORDER} AND ${PRODUCT_LINE}
       GROUP BY o.customer_id, l.product_id
       ORDER BY o.customer_id, l.product_id`,
    )
    .raw()
    .all({ cutoff }) as CustomerProductRow[]
}
