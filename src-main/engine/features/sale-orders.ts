import type Database from 'better-sqlite3'
import { assertDay, dayNumber } from './calendar'
import { ORDER_CODE, ORDER_DISCOUNT, SALE_ORDER } from './sql-conditions'

/**
 * Every customer's sale orders before the cutoff, loaded with one query and
 * kept column-wise, grouped by customer (ascending id) and oldest first
 * within a customer. Customer-level features are then single passes over
 * these arrays instead of one query per customer.
 */
export interface SaleOrders {
  /** Customers with at least one sale before the cutoff: the rows of every builder at this cutoff. */
  customerIds: Int32Array
  /** Orders of customer row r are [start[r], start[r + 1]). */
  start: Int32Array
  orderId: Float64Array
  /** Day number (days since 1970-01-01) of the order's calendar date. */
  day: Int32Array
  /** Order total as stored (0 when unknown). */
  total: Float64Array
  /** Money taken off (order discount plus discount lines). */
  discount: Float64Array
  /** Upper-cased discount code, or null. */
  code: (string | null)[]
}

/** Orders carrying a code or money off. */
export function isDiscounted(orders: SaleOrders, i: number): boolean {
  return orders.code[i] !== null || orders.discount[i] > 0
}

/** Share of the pre-discount price taken off, 0 when there is no usable price. */
export function discountDepth(total: number, discount: number): number {
  const before = total + discount
  if (!(discount > 0) || !(before > 0)) return 0
  return Math.min(1, discount / before)
}

type Row = [customerId: number, orderId: number, orderedAt: string, total: number, discount: number, code: string | null]

export function loadSaleOrders(db: Database.Database, cutoff: string): SaleOrders {
  assertDay(cutoff)
  const rows = db
    .prepare(
      `SELECT o.customer_id, o.id, o.ordered_at, COALESCE(o.total, 0), ${ORDER_DISCOUNT}, ${ORDER_CODE}
       FROM orders o
       WHERE o.ordered_at < @cutoff AND o.customer_id IS NOT NULL AND ${SALE_ORDER}
       ORDER BY o.customer_id, o.ordered_at, o.id`,
    )
    .raw()
    .all({ cutoff }) as Row[]
  const n = rows.length
  const orderId = new Float64Array(n)
  const day = new Int32Array(n)
  const total = new Float64Array(n)
  const discount = new Float64Array(n)
  const code: (string | null)[] = new Array<string | null>(n)
  const ids: number[] = []
  const starts: number[] = []
  let previous = Number.NaN
  for (let i = 0; i < n; i++) {
    const row = rows[i]
    if (row[0] !== previous) {
      previous = row[0]
      ids.push(row[0])
      starts.push(i)
    }
    orderId[i] = row[1]
    day[i] = dayNumber(row[2])
    total[i] = row[3]
    discount[i] = Math.max(0, row[4])
    code[i] = row[5]
  }
  starts.push(n)
  return { customerIds: Int32Array.from(ids), start: Int32Array.from(starts), orderId, day, total, discount, code }
}
