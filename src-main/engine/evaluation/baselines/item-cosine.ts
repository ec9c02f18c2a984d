import type { AffinityModel } from '../protocol'
import { topK } from '../top-k'
import { customerItems, type CustomerItems } from './customer-items'

/**
 * Item-to-item collaborative filtering on the binary customer × product
 * matrix B (bought before the cutoff or not):
 *
 *   cos(i, j) = |buyers(i) ∩ buyers(j)| / sqrt(|buyers(i)| · |buyers(j)|)
 *   score(u, j) = Σ_{i bought by u, i ≠ j} cos(i, j)
 *
 * No candidate is excluded: a product the customer already bought competes
 * like any other, scored by its similarity to the customer's OTHER products.
 * The self-similarity (always 1) is left out, as in the usual item-kNN
 * formulation — with it, every owned product gets a flat +1 and the model
 * degenerates towards "own repeats ordered by neighbourhood" (recall@10 0.29
 * instead of 0.22 on the Online Retail reference task, new-product recall
 * unchanged). Equal scores (e.g. a customer without product history: all 0)
 * fall back to popularity.
 *
 * The similarities are kept sparse per product (only co-bought pairs), built
 * one product at a time with a dense scratch row: cost Σ_u |items(u)|².
 */
export const ITEM_COSINE_BASELINE: AffinityModel = {
  name: 'item-cosine',
  scorer: ({ interactions }) => {
    const items = customerItems(interactions)
    const similarity = cosineNeighbours(items)
    const scores = new Float64Array(items.products)
    return (row, k, exclude) => {
      scores.fill(0)
      for (let a = items.rowStart[row]; a < items.rowStart[row + 1]; a++) {
        const i = items.itemIndex[a]
        for (let e = similarity.start[i]; e < similarity.start[i + 1]; e++) {
          const j = similarity.neighbour[e]
          if (j !== i) scores[j] += similarity.value[e]
        }
      }
      return topK(scores, k, items.popularityRank, exclude)
    }
  },
}

/** CSR rows of cos(i, ·) over co-bought products (i itself included; scorers skip it). */
export function cosineNeighbours(items: CustomerItems): { start: Int32Array; neighbour: Int32Array; value: Float32Array } {
  const p = items.products
  // Products → their buyers (CSR), to co-count one product against all others with a dense scratch row.
  const buyerStart = new Int32Array(p + 1)
  for (let a = 0; a < items.itemIndex.length; a++) buyerStart[items.itemIndex[a] + 1]++
  for (let i = 0; i < p; i++) buyerStart[i + 1] += buyerStart[i]
  const fill = buyerStart.slice()
  const buyerRow = new Int32Array(items.itemIndex.length)
  for (let row = 0; row < items.rows; row++) {
    for (let a = items.rowStart[row]; a < items.rowStart[row + 1]; a++) buyerRow[fill[items.itemIndex[a]]++] = row
  }
  const counts = new Float64Array(p)
  const touched: number[] = []
  const start = new Int32Array(p + 1)
  const neighbours: number[] = []
  const values: number[] = []
  for (let i = 0; i < p; i++) {
    for (let b = buyerStart[i]; b < buyerStart[i + 1]; b++) {
      const row = buyerRow[b]
      for (let a = items.rowStart[row]; a < items.rowStart[row + 1]; a++) {
        const j = items.itemIndex[a]
        if (counts[j] === 0) touched.push(j)
        counts[j]++
      }
    }
    touched.sort((x, y) => x - y)
    for (const j of touched) {
      neighbours.push(j)
      values.push(counts[j] / Math.sqrt(items.buyers[i] * items.buyers[j]))
      counts[j] = 0
    }
    touched.length = 0
    start[i + 1] = neighbours.length
  }
  return { start, neighbour: Int32Array.from(neighbours), value: Float32Array.from(values) }
}
