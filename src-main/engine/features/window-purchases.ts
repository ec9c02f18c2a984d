import type Database from 'better-sqlite3'
import { addDays, assertDay } from './calendar'
import { buildInteractions } from './interactions'
import { productInfo } from './product-catalogue'
import { PRODUCT_LINE, SALE_ORDER } from './sql-conditions'
import type { Interactions, WindowPurchases } from './types'

/**
 * The products each customer bought in [cutoff, cutoff + horizonDays)
 * (product lines, same definition as buildInteractions), as indices into a
 * vocabulary that extends the cutoff's catalogue with products first sold in
 * the window. Those new-to-shop products count in recall denominators — a
 * recommender honestly misses them — but no scorer can rank them: nothing
 * about them existed at the cutoff.
 *
 * "New for the customer" = not among the customer's interactions before the
 * cutoff. Pass the Interactions of the same cutoff to skip rebuilding them.
 */
export function windowPurchases(
  db: Database.Database,
  cutoff: string,
  horizonDays: number,
  customerIds: Int32Array,
  interactions?: Interactions,
): WindowPurchases {
  assertDay(cutoff)
  if (!(Number.isInteger(horizonDays) && horizonDays > 0)) throw new Error(`horizonDays must be a positive whole number, got ${horizonDays}`)
  const before = interactions ?? buildInteractions(db, cutoff)
  if (before.cutoff !== cutoff) throw new Error(`interactions are for ${before.cutoff}, not ${cutoff}`)
  const end = addDays(cutoff, horizonDays)
  const rows = db
    .prepare(
      `SELECT DISTINCT o.customer_id, p.id, p.name, p.sku, p.category
       FROM orders o
       JOIN order_lines l ON l.order_id = o.id
       JOIN products p ON p.id = l.product_id
       WHERE o.ordered_at >= @cutoff AND o.ordered_at < @end AND o.customer_id IS NOT NULL AND ${SALE_ORDER} AND ${PRODUCT_LINE}
       ORDER BY o.customer_id, p.id`,
    )
    .raw()
    .all({ cutoff, end }) as [number, number, string | null, string | null, string | null][]

  const products = [...before.products]
  const indexOf = new Map(products.map((p, i) => [p.id, i]))
  const knownProducts = products.length
  // New-to-shop products get indices after the catalogue, in store-id order.
  const unseen = new Map<number, [number, string | null, string | null, string | null]>()
  for (const [, id, name, sku, category] of rows) if (!indexOf.has(id)) unseen.set(id, [id, name, sku, category])
  for (const [id, name, sku, category] of [...unseen.values()].sort((a, b) => a[0] - b[0])) {
    indexOf.set(id, products.length)
    products.push(productInfo(id, name, sku, category))
  }

  // What each customer (by store id) had bought before the cutoff.
  const owned = new Map<number, Set<number>>()
  for (let i = 0; i < before.customerRow.length; i++) {
    const id = before.customerIds[before.customerRow[i]]
    let set = owned.get(id)
    if (!set) owned.set(id, (set = new Set()))
    set.add(before.productIndex[i])
  }

  const bought = new Map<number, number[]>()
  for (const [customerId, productId] of rows) {
    let list = bought.get(customerId)
    if (!list) bought.set(customerId, (list = []))
    list.push(indexOf.get(productId) as number)
  }
  const items: Int32Array[] = []
  const newItems: Int32Array[] = []
  for (const id of customerIds) {
    const list = Int32Array.from(bought.get(id) ?? []).sort()
    const had = owned.get(id)
    items.push(list)
    newItems.push(list.filter((p) => !had?.has(p)))
  }
  return { cutoff, horizonDays, customerIds: Int32Array.from(customerIds), products, knownProducts, items, newItems }
}
