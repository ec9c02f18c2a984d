import type Database from 'better-sqlite3'
import { loadCustomerProducts } from './customer-products'
import { loadProductCatalogue } from './product-catalogue'
import { loadSaleOrders } from './sale-orders'
import type { Interactions } from './types'

/**
 * Customer × product purchases before the cutoff, sparse. Only product lines
 * count: line_kind 'product' of a product (products.is_product = 1), not a
 * returned line, quantity > 0, on a sale order (not a return invoice, not
 * cancelled). Postage, fees and adjustments are not things a customer wants.
 *
 * Rows are the customers of buildFeatures at the same cutoff (same order);
 * a customer whose sales had no product line simply has no entries.
 * `products` is the catalogue at the cutoff: every product sold before it,
 * guests' purchases included, in store-id order.
 *
 * weight = the number of ORDERS in which the customer bought the product,
 * not units: wholesale buyers order 480 of an item, and "bought it in 5
 * separate orders" is the repeat signal recommenders need.
 */
export function buildInteractions(db: Database.Database, cutoff: string): Interactions {
  const { customerIds } = loadSaleOrders(db, cutoff)
  const catalogue = loadProductCatalogue(db, cutoff)
  const rowOf = new Map<number, number>()
  customerIds.forEach((id, row) => rowOf.set(id, row))
  const pairs = loadCustomerProducts(db, cutoff)
  const customerRow = new Int32Array(pairs.length)
  const productIndex = new Int32Array(pairs.length)
  const weight = new Float32Array(pairs.length)
  let n = 0
  for (const [customerId, productId, orders] of pairs) {
    const row = rowOf.get(customerId)
    const index = catalogue.indexOf.get(productId)
    // Both always exist (same cutoff, same sale definition); the guard keeps a mismatch from corrupting indices.
    if (row === undefined || index === undefined) continue
    customerRow[n] = row
    productIndex[n] = index
    weight[n] = orders
    n++
  }
  return {
    cutoff,
    customerIds,
    products: catalogue.products,
    customerRow: customerRow.slice(0, n),
    productIndex: productIndex.slice(0, n),
    weight: weight.slice(0, n),
  }
}
