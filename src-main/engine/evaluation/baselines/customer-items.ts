import type { Interactions } from '../../features/types'

/**
 * Interactions regrouped for scoring: per customer row its products and
 * weights (CSR), and per product its buyers. Built once per context.
 */
export interface CustomerItems {
  rows: number
  products: number
  /** Items of row r: itemIndex[rowStart[r] .. rowStart[r + 1]). */
  rowStart: Int32Array
  itemIndex: Int32Array
  itemWeight: Float32Array
  /** Distinct customers per product. */
  buyers: Float64Array
  /** Popularity rank per product (0 = most customers; ties by index), used to break ties everywhere. */
  popularityRank: Int32Array
}

export function customerItems(interactions: Interactions): CustomerItems {
  const rows = interactions.customerIds.length
  const products = interactions.products.length
  const count = new Int32Array(rows + 1)
  for (const row of interactions.customerRow) count[row + 1]++
  for (let r = 0; r < rows; r++) count[r + 1] += count[r]
  const rowStart = count.slice()
  const fill = count.slice()
  const itemIndex = new Int32Array(interactions.productIndex.length)
  const itemWeight = new Float32Array(interactions.productIndex.length)
  const buyers = new Float64Array(products)
  for (let i = 0; i < interactions.customerRow.length; i++) {
    const at = fill[interactions.customerRow[i]]++
    itemIndex[at] = interactions.productIndex[i]
    itemWeight[at] = interactions.weight[i]
    buyers[interactions.productIndex[i]]++
  }
  const byPopularity = Array.from({ length: products }, (_, i) => i).sort((a, b) => buyers[b] - buyers[a] || a - b)
  const popularityRank = new Int32Array(products)
  byPopularity.forEach((product, rank) => (popularityRank[product] = rank))
  return { rows, products, rowStart, itemIndex, itemWeight, buyers, popularityRank }
}
