import type Database from 'better-sqlite3'
import { assertDay, dayNumber } from './calendar'
import { loadProductCatalogue } from './product-catalogue'
import { ORDER_CODE, ORDER_DISCOUNT, PRODUCT_LINE, SALE_ORDER } from './sql-conditions'
import type { Histories, HistoryStep } from './types'

/** Vocabulary slot for an order without any product line (postage-only, summary-only exports). */
export const NO_CATEGORY = ''
/** Vocabulary slot for categories beyond `maxCategories`. */
export const OTHER_CATEGORY = '(other)'

type Row = [customerId: number, orderedAt: string, total: number, discount: number, code: string | null, productId: number | null]

/**
 * Each customer's last `maxSteps` sale orders before the cutoff, oldest
 * first, for sequence models. Rows: the customers of buildFeatures at the
 * same cutoff, same order.
 *
 * gapDays is in calendar days since the customer's previous sale order, also
 * for the first step kept when older orders were cut (0 only for the
 * customer's very first order). category is the category of the order's
 * biggest product line by amount (ties: lowest product id), indexed into
 * `categories`: '' for no product line, then categories by revenue before the
 * cutoff, best first, capped at `maxCategories` with the rest as '(other)'.
 * daysSinceLast: per customer, calendar days from the last order to the cutoff.
 */
export function buildHistories(db: Database.Database, cutoff: string, maxSteps = 20, maxCategories = 64): Histories {
  assertDay(cutoff)
  const rows = db
    .prepare(
      `SELECT o.customer_id, o.ordered_at, COALESCE(o.total, 0), ${ORDER_DISCOUNT}, ${ORDER_CODE},
         (SELECT l.product_id FROM order_lines l JOIN products p ON p.id = l.product_id
          WHERE l.order_id = o.id AND ${PRODUCT_LINE}
          ORDER BY l.amount DESC, l.product_id LIMIT 1)
       FROM orders o
       WHERE o.ordered_at < @cutoff AND o.customer_id IS NOT NULL AND ${SALE_ORDER}
       ORDER BY o.customer_id, o.ordered_at, o.id`,
    )
    .raw()
    .all({ cutoff }) as Row[]

  const catalogue = loadProductCatalogue(db, cutoff)
  const revenue = new Map<string, number>()
  catalogue.products.forEach((p, i) => revenue.set(p.category, (revenue.get(p.category) ?? 0) + Math.max(0, catalogue.spend[i])))
  const ranked = [...revenue].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c)
  const kept = ranked.slice(0, maxCategories)
  const categories = [NO_CATEGORY, ...kept, ...(ranked.length > kept.length ? [OTHER_CATEGORY] : [])]
  const slot = new Map(kept.map((c, i) => [c, i + 1]))
  const otherSlot = categories.length - 1

  const customerIds: number[] = []
  const steps: HistoryStep[][] = []
  const lastDays: number[] = []
  let previousDay = 0
  for (const [customerId, orderedAt, total, discount, code, productId] of rows) {
    if (customerIds[customerIds.length - 1] !== customerId) {
      customerIds.push(customerId)
      steps.push([])
      previousDay = Number.NaN
    }
    const day = dayNumber(orderedAt)
    const index = productId === null ? undefined : catalogue.indexOf.get(productId)
    const category = index === undefined ? 0 : (slot.get(catalogue.products[index].category) ?? otherSlot)
    const history = steps[steps.length - 1]
    history.push({ gapDays: Number.isNaN(previousDay) ? 0 : day - previousDay, category, amount: total, discounted: code !== null || discount > 0 })
    // Keep the last maxSteps only; shift() on at most maxSteps + 1 items is cheap.
    if (history.length > maxSteps) history.shift()
    previousDay = day
    lastDays[steps.length - 1] = day
  }
  const cutoffDay = dayNumber(cutoff)
  return { cutoff, customerIds: Int32Array.from(customerIds), steps, categories, daysSinceLast: Float32Array.from(lastDays, (day) => cutoffDay - day) }
}
