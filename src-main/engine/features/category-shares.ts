import type { CustomerProductRow } from './customer-products'
import type { ProductCatalogue } from './product-catalogue'

/** How many shop categories get their own cat_share column; the rest pool into cat_share_other. */
export const TOP_CATEGORIES = 8

/** The shop's best-selling categories before the cutoff (product-line revenue, guests included), best first. */
export function topCategories(catalogue: ProductCatalogue, count = TOP_CATEGORIES): string[] {
  const spend = new Map<string, number>()
  catalogue.products.forEach((p, i) => spend.set(p.category, (spend.get(p.category) ?? 0) + Math.max(0, catalogue.spend[i])))
  return [...spend]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([category]) => category)
}

/**
 * Per customer row: shares of product spend in each top category (columns
 * 0..count-1), then 'other' (column count). A customer whose product lines
 * all cost nothing has all shares 0.
 */
export function categoryShares(
  rows: CustomerProductRow[],
  customerIds: Int32Array,
  catalogue: ProductCatalogue,
  top: string[],
  count = TOP_CATEGORIES,
): Float64Array[] {
  const slot = new Map(top.map((c, i) => [c, i]))
  const rowOf = new Map<number, number>()
  customerIds.forEach((id, row) => rowOf.set(id, row))
  const shares = Array.from(customerIds, () => new Float64Array(count + 1))
  for (const [customerId, productId, , , spend] of rows) {
    const row = rowOf.get(customerId)
    const index = catalogue.indexOf.get(productId)
    if (row === undefined || index === undefined) continue
    shares[row][slot.get(catalogue.products[index].category) ?? count] += Math.max(0, spend)
  }
  for (const s of shares) {
    const total = s.reduce((a, b) => a + b, 0)
    if (total > 0) for (let i = 0; i < s.length; i++) s[i] /= total
  }
  return shares
}

/** Index of the largest share (lowest index on ties); `count` (= other) when the customer has no product spend. */
export function topCategoryIndex(shares: Float64Array): number {
  let best = shares.length - 1
  let bestShare = 0
  for (let i = 0; i < shares.length; i++) {
    if (shares[i] > bestShare) {
      best = i
      bestShare = shares[i]
    }
  }
  return best
}
