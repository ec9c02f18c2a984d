/**
 * Mean binary cross-entropy of predicted probabilities. Probabilities are
 * clipped to [eps, 1 − eps] so that one confident mistake costs a large but
 * finite penalty (−ln 1e-7 ≈ 16) instead of infinity; the default suits
 * Float32 predictions, whose spacing near 1 is about 6e-8.
 */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>, eps = 1e-7): number {
  const n = probabilities.length
  if (labels.length !== n) throw new Error(`logLoss: ${n} predictions but ${labels.length} labels`)
  if (n === 0) return Number.NaN
  let sum = 0
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i]))
    sum -= labels[i] > 0 ? Math.log(p) : Math.log(1 - p)
  }
  return sum / n
}
