/** A point of a cumulative gains chart. */
export interface GainsPoint {
  /** Share of customers targeted, best scores first (0..1). */
  targeted: number
  /** Share of all buyers among them (0..1). */
  captured: number
  /** captured ÷ targeted: how many times better than mailing at random (1 = random). */
  lift: number
}

/**
 * Cumulative gains at `points` evenly spaced targeting depths (1/points,
 * 2/points, ..., 1): the share of buyers found in the top x% of scores.
 */
export function gainsCurve(scores: ArrayLike<number>, labels: ArrayLike<number>, points = 10): GainsPoint[] {
  const capture = captureFunction(scores, labels)
  if (capture === null) return []
  return Array.from({ length: points }, (_, i) => {
    const targeted = (i + 1) / points
    const captured = capture(targeted)
    return { targeted, captured, lift: captured / targeted }
  })
}

/** Lift in the top `share` of customers (0 < share ≤ 1), e.g. 0.1 for the top decile. */
export function liftAt(scores: ArrayLike<number>, labels: ArrayLike<number>, share: number): number {
  const capture = captureFunction(scores, labels)
  if (capture === null || !(share > 0)) return Number.NaN
  return capture(Math.min(1, share)) / Math.min(1, share)
}

/**
 * share targeted → share of buyers captured. Customers with tied scores
 * cannot be told apart, so a cut through a tie group captures that group's
 * buyers in proportion to the part of the group taken — the expected value
 * of breaking the tie at random, and independent of row order.
 */
function captureFunction(scores: ArrayLike<number>, labels: ArrayLike<number>): ((share: number) => number) | null {
  const n = scores.length
  if (labels.length !== n) throw new Error(`gains: ${n} scores but ${labels.length} labels`)
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a])
  const ends: number[] = []
  const cumulative: number[] = []
  let buyers = 0
  for (let i = 0; i < n; ) {
    let j = i
    while (j < n && scores[order[j]] === scores[order[i]]) {
      if (labels[order[j]] > 0) buyers++
      j++
    }
    ends.push(j)
    cumulative.push(buyers)
    i = j
  }
  if (buyers === 0) return null
  return (share) => {
    const depth = share * n
    let g = 0
    while (g < ends.length && ends[g] <= depth) g++
    const before = g > 0 ? cumulative[g - 1] : 0
    if (g === ends.length) return before / buyers
    const start = g > 0 ? ends[g - 1] : 0
    const inGroup = cumulative[g] - before
    return (before + (inGroup * (depth - start)) / (ends[g] - start)) / buyers
  }
}
