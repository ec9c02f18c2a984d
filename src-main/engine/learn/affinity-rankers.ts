import type { Ranker } from '../evaluation'
import type { Interactions } from '../features/types'
import type { AffinityPredictions } from '../ml'

/**
 * The customer's own purchase history as sparse scores in [0, 1] (orders of a
 * product ÷ their most-bought product's), for blending with the model: people
 * re-buy what they like, which the embedding alone underrates.
 */
export function ownRepeatScores(interactions: Interactions): { customerRow: Int32Array; productIndex: Int32Array; score: Float32Array } {
  const max = new Float32Array(interactions.customerIds.length)
  interactions.customerRow.forEach((row, i) => (max[row] = Math.max(max[row], interactions.weight[i])))
  return {
    customerRow: interactions.customerRow,
    productIndex: interactions.productIndex,
    score: Float32Array.from(interactions.weight, (weight, i) => weight / Math.max(max[interactions.customerRow[i]], 1e-9)),
  }
}

/**
 * A Ranker over precomputed top lists. `wide` holds enough candidates per
 * customer to still have k after removing what they already bought (the
 * new-product question).
 */
export function rankerFrom(top: AffinityPredictions, wide: AffinityPredictions): Ranker {
  return (row, k, exclude) => {
    const source = exclude && exclude.size > 0 ? wide : top
    const out: number[] = []
    for (let j = 0; j < source.k && out.length < k; j++) {
      const index = source.index[row * source.k + j]
      if (index < 0) break
      if (!exclude?.has(index)) out.push(index)
    }
    return out
  }
}

/** How many candidates the wide list needs: the most products any customer already bought, plus k. */
export function wideK(interactions: Interactions, k: number, products: number): number {
  const owned = new Int32Array(interactions.customerIds.length)
  for (const row of interactions.customerRow) owned[row]++
  let most = 0
  for (const count of owned) most = Math.max(most, count)
  return Math.min(products, most + k)
}
