/** One bar of a reliability diagram. */
export interface ReliabilityBin {
  /** The bin covers predictions in [lower, upper) (the last bin includes 1). */
  lower: number
  upper: number
  /** Mean prediction and observed buyer rate of the customers in the bin; null when it is empty. */
  meanPredicted: number | null
  observedRate: number | null
  count: number
}

/** Equal-width bins over [0, 1]: do customers predicted at 30% buy 30% of the time? */
export function reliabilityBins(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  const n = probabilities.length
  if (labels.length !== n) throw new Error(`reliabilityBins: ${n} predictions but ${labels.length} labels`)
  const sumPredicted = new Float64Array(bins)
  const sumObserved = new Float64Array(bins)
  const count = new Float64Array(bins)
  for (let i = 0; i < n; i++) {
    const p = Math.min(1, Math.max(0, probabilities[i]))
    const b = Math.min(bins - 1, Math.floor(p * bins))
    sumPredicted[b] += p
    sumObserved[b] += labels[i] > 0 ? 1 : 0
    count[b]++
  }
  return Array.from({ length: bins }, (_, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    meanPredicted: count[b] > 0 ? sumPredicted[b] / count[b] : null,
    observedRate: count[b] > 0 ? sumObserved[b] / count[b] : null,
    count: count[b],
  }))
}

/**
 * Expected calibration error: the customer-weighted mean gap between
 * predicted and observed rates over the reliability bins,
 * Σ (count_b / N) · |meanPredicted_b − observedRate_b|.
 */
export function expectedCalibrationError(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): number {
  const n = probabilities.length
  if (n === 0) return Number.NaN
  let ece = 0
  for (const bin of reliabilityBins(probabilities, labels, bins)) {
    if (bin.count === 0 || bin.meanPredicted === null || bin.observedRate === null) continue
    ece += (bin.count / n) * Math.abs(bin.meanPredicted - bin.observedRate)
  }
  return ece
}
