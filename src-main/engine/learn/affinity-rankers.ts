import type { AffinityMetrics } from '../api'
import { AFFINITY_BASELINES, type AffinityModel, type Ranker } from '../evaluation'
import type { FeatureSet, Interactions } from '../features/types'
import { affinityPairLogits, predictAffinity, type AffinityPredictions, type TrainedAffinityModel } from '../ml'

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

export function toAffinityMetrics(m: { name: string; recallAtK: number; ndcgAtK: number; hitAtK: number; newRecallAtK: number }, kind: 'model' | 'baseline'): AffinityMetrics {
  return { name: m.name, kind, recallAt10: m.recallAtK, ndcgAt10: m.ndcgAtK, hitAt10: m.hitAtK, newRecallAt10: m.newRecallAtK }
}

/** The two-tower's logit for candidate pairs of these interactions' customers and products. */
export function twoTowerLogits(trained: TrainedAffinityModel, interactions: Interactions): (pairs: { customerRow: Int32Array; productIndex: Int32Array }) => Float32Array {
  return (pairs) => affinityPairLogits(trained, { customerIds: interactions.customerIds, products: interactions.products }, pairs)
}

/** The learned ranker for one blend weight, over the interactions' own product list. */
export function affinityRanker(trained: TrainedAffinityModel, interactions: Interactions, blendWeight: number): Ranker {
  const blend = blendWeight > 0 ? { weight: blendWeight, ...ownRepeatScores(interactions) } : null
  const products = interactions.products
  const top = predictAffinity(trained, { customerIds: interactions.customerIds, products, k: 10, blend })
  const wide = predictAffinity(trained, { customerIds: interactions.customerIds, products, k: wideK(interactions, 10, products.length), blend })
  return rankerFrom(top, wide)
}

/** The chosen affinity entry (a learned variant or a baseline) as a ranker at the scoring cutoff. */
export function scoringRanker(chosen: string, trained: TrainedAffinityModel | null, interactions: Interactions, features: FeatureSet): Ranker {
  if (chosen === 'two-tower' && trained) return affinityRanker(trained, interactions, 0)
  const baseline: AffinityModel = AFFINITY_BASELINES.find((b) => b.name === chosen) ?? AFFINITY_BASELINES[1]
  return baseline.scorer({ cutoff: interactions.cutoff, interactions, features })
}
