/**
 * Top-k metrics for one customer's recommendation list against what they
 * actually bought (binary relevance). `ranked` is best first; only its
 * first k entries count; a product listed twice counts once.
 */

/**
 * Hits in the top k ÷ min(k, |relevant|): the share of what a k-long list
 * could possibly catch. Normalising by min(k, ·) rather than |relevant|
 * (Liang et al. 2018, "Variational autoencoders for collaborative
 * filtering") keeps heavy buyers — 30 distinct products in 90 days is the
 * median on Online Retail — from pinning everyone's recall near 0, and
 * makes a perfect list score 1. NaN without relevant products.
 */
export function recallAtK(ranked: readonly number[], relevant: ArrayLike<number>, k: number): number {
  const size = new Set(Array.from(relevant)).size
  if (size === 0) return Number.NaN
  return hitsInTopK(ranked, relevant, k) / Math.min(k, size)
}

/** 1 when at least one relevant product is in the top k, else 0 (NaN without relevant products). */
export function hitAtK(ranked: readonly number[], relevant: ArrayLike<number>, k: number): number {
  if (relevant.length === 0) return Number.NaN
  return hitsInTopK(ranked, relevant, k) > 0 ? 1 : 0
}

/**
 * Normalised discounted cumulative gain: Σ over hits at position i (0-based)
 * of 1/log2(i + 2), divided by the best possible value (min(k, |relevant|)
 * hits in the first places).
 */
export function ndcgAtK(ranked: readonly number[], relevant: ArrayLike<number>, k: number): number {
  const wanted = new Set(Array.from(relevant))
  if (wanted.size === 0) return Number.NaN
  let dcg = 0
  const seen = new Set<number>()
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    const item = ranked[i]
    if (wanted.has(item) && !seen.has(item)) dcg += 1 / Math.log2(i + 2)
    seen.add(item)
  }
  let ideal = 0
  for (let i = 0; i < Math.min(k, wanted.size); i++) ideal += 1 / Math.log2(i + 2)
  return dcg / ideal
}

function hitsInTopK(ranked: readonly number[], relevant: ArrayLike<number>, k: number): number {
  const wanted = new Set(Array.from(relevant))
  const top = new Set(ranked.slice(0, k))
  let hits = 0
  for (const item of top) if (wanted.has(item)) hits++
  return hits
}
