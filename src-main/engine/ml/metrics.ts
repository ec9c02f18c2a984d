/**
 * Plain-number model quality measures, computed in TypeScript so they mean
 * the same thing on every backend and are easy to test by hand.
 */

const EPS = 1e-7

function clampProbability(p: number): number {
  return Math.min(1 - EPS, Math.max(EPS, p))
}

/** Mean negative log-likelihood of 0/1 labels under probabilities p. */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < p.length; i++) {
    const q = clampProbability(p[i])
    sum -= y[i] > 0 ? Math.log(q) : Math.log(1 - q)
  }
  return p.length ? sum / p.length : NaN
}

/** Mean squared error of probabilities against 0/1 labels. */
export function brierScore(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < p.length; i++) {
    const d = p[i] - (y[i] > 0 ? 1 : 0)
    sum += d * d
  }
  return p.length ? sum / p.length : NaN
}

/**
 * Area under the ROC curve: the chance that a random positive scores above
 * a random negative (ties count half). NaN when one class is absent.
 */
export function auc(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = scores.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b])
  let positives = 0
  let rankSum = 0
  for (let i = 0; i < n; ) {
    let j = i
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++
    const meanRank = (i + j) / 2 + 1 // ranks are 1-based; ties share their mean rank
    for (let k = i; k <= j; k++) {
      if (y[order[k]] > 0) {
        positives++
        rankSum += meanRank
      }
    }
    i = j + 1
  }
  const negatives = n - positives
  if (positives === 0 || negatives === 0) return NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
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
