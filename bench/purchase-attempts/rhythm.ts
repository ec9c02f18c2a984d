/**
 * Tried and dropped (docs/learning.md, "Purchase model: what was tried"); kept here for the record.
 *
 * Recency measured against the customer's own buying rhythm: 40 days
 * without an order means little for someone who buys twice a year and a lot
 * for someone who buys every fortnight. Inputs are the customer's visit days
 * (distinct days with a sale order, oldest first, all before the cutoff) and
 * the recency in days, so nothing at or after the cutoff can enter.
 *
 * A customer with fewer than two gaps has no measurable rhythm; the values
 * then fall back to what a memoryless (exponential) buyer whose mean gap is
 * the best finite stand-in (gap_mean, i.e. tenure for one visit) would give,
 * and `visits` tells a model which case it is in.
 */
export interface RhythmFeatures {
  /** Median of the gaps between visits; tenure for a single visit (like gap_mean). */
  gapMedian: number
  /** recency ÷ (median gap + 1). */
  recencyMedianRatio: number
  /** (recency − mean gap) ÷ the gaps' spread, shrunk toward the exponential's spread (= the mean). */
  recencyGapZ: number
  /** Smoothed share of the customer's own gaps no longer than the current wait: (k + ½) ÷ (n + 1). */
  gapElapsedShare: number
  /** 1 when the current wait is longer than every gap the customer has had (0 with no gap). */
  overdue: number
}

/** Pseudo-gaps of exponential spread added to the observed ones: a few gaps say little about a spread. */
const SPREAD_PRIOR_GAPS = 2

export function rhythmFeatures(visitDays: ArrayLike<number>, recencyDays: number, tenureDays: number): RhythmFeatures {
  const n = visitDays.length - 1
  const gaps: number[] = []
  for (let i = 1; i < visitDays.length; i++) gaps.push(visitDays[i] - visitDays[i - 1])
  const gapMean = n > 0 ? (visitDays[n] - visitDays[0]) / n : tenureDays
  const sorted = [...gaps].sort((a, b) => a - b)
  const gapMedian = n === 0 ? tenureDays : n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  let squares = 0
  for (const g of gaps) squares += (g - gapMean) ** 2
  const spread = Math.sqrt((squares + SPREAD_PRIOR_GAPS * gapMean ** 2) / (n + SPREAD_PRIOR_GAPS))
  let shorter = 0
  for (const g of gaps) if (g <= recencyDays) shorter++
  return {
    gapMedian,
    recencyMedianRatio: recencyDays / (gapMedian + 1),
    recencyGapZ: (recencyDays - gapMean) / (spread + 1),
    gapElapsedShare: (shorter + 0.5) / (n + 1),
    overdue: n > 0 && recencyDays > sorted[n - 1] ? 1 : 0,
  }
}
