/**
 * Plain-number model quality measures, computed in TypeScript so they mean
 * the same thing on every backend and are easy to test by hand.
 */

// AUC and log loss are the evaluation protocol's: one definition for training reports and the held-out report.
export { auc } from '../evaluation/auc'
export { logLoss } from '../evaluation/log-loss'

/** Mean squared error of probabilities against 0/1 labels. */
export function brierScore(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < p.length; i++) {
    const d = p[i] - (y[i] > 0 ? 1 : 0)
    sum += d * d
  }
  return p.length ? sum / p.length : NaN
}

/** Root mean squared error. */
export function rmse(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < predicted.length; i++) {
    const d = predicted[i] - actual[i]
    sum += d * d
  }
  return predicted.length ? Math.sqrt(sum / predicted.length) : NaN
}

/** Mean of the values (NaN for none). */
export function mean(values: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i]
  return values.length ? sum / values.length : NaN
}
