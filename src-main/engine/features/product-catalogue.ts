import type Database from 'better-sqlite3'
import { assertDay } from './calendar'
import { deriveCategory, nameTokens } from './derive-category'
import { PRODUCT_LINE, SALE_ORDER } from './sql-conditions'
import type { ProductInfo } from './types'

/**
 * The product vocabulary at a cutoff: every product sold (a product line on a
 * sale order, guests included) before the cutoff, in store-id order. Models
 * rank within this list; a product first sold after the cutoff cannot be in
 * it, because nothing about it was known at the cutoff.
 */
export interface ProductCatalogue {
  products: ProductInfo[]
  /** Store id → index into `products`. */
  indexOf: Map<number, number>
  /** Per product index: product-line revenue, orders and distinct known customers before the cutoff. */
  spend: Float64Array
  orders: Float64Array
  customers: Float64Array
}

type Row = [id: number, name: string | null, sku: string | null, category: string | null, spend: number, orders: number, customers: number]

export function loadProductCatalogue(db: Database.Database, cutoff: string): ProductCatalogue {
  assertDay(cutoff)
  const rows = db
    .prepare(
      `SELECT p.id, p.name, p.sku, p.category, SUM(l.amount), COUNT(DISTINCT o.id), COUNT(DISTINCT o.customer_id)
       FROM orders o
       JOIN order_lines l ON l.order_id = o.id
       JOIN products p ON p.id = l.product_id
       WHERE o.ordered_at < @cutoff AND ${SALE_ORDER} AND ${PRODUCT_LINE}
       GROUP BY p.id
       ORDER BY p.id`,
    )
    .raw()
    .all({ cutoff }) as Row[]
  const products = rows.map(([id, name, sku, category]) => productInfo(id, name, sku, category))
  return {
    products,
    indexOf: new Map(products.map((p, i) => [p.id, i])),
    spend: Float64Array.from(rows, (r) => r[4]),
    orders: Float64Array.from(rows, (r) => r[5]),
    customers: Float64Array.from(rows, (r) => r[6]),
  }
}

/** A product's display name, category (stored, or derived from the name) and name tokens. */
export function productInfo(id: number, name: string | null, sku: string | null, category: string | null): ProductInfo {
  const label = name ?? sku ?? `#${id}`
  const stored = category?.trim() ?? ''
  return { id, name: label, category: stored !== '' ? stored : deriveCategory(name ?? ''), tokens: nameTokens(label) }
}
