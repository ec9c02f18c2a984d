import type { SequenceMetrics } from '../api'
import { featureColumn } from '../features/feature-names'
import type { FeatureSet, Histories } from '../features/types'
import type { SequencePredictions } from '../ml'
import type { NextOrders } from './next-orders'

/** A way to foresee each customer's next order: its main category and the days until it. */
export interface NextOrderGuess {
  name: string
  kind: 'model' | 'baseline'
  category: (string | null)[]
  daysFromCutoff: Float32Array
}

/** Vocabulary slots that are not a category a merchant could act on: "no product line" and the capped rest. */
const UNNAMED = new Set(['', '(other)'])

/**
 * The GRU's guess: most likely named category of the first order in the horizon, and its
 * predicted days from the cutoff to that order (the model already knows the days since the last order).
 */
export function gruGuess(predictions: SequencePredictions): NextOrderGuess {
  const names = predictions.categories ?? []
  const n = predictions.numCategories
  return {
    name: 'sequence-gru',
    kind: 'model',
    category: Array.from(predictions.topCategory, (_top, row) => {
      // The argmax is often the catch-all "(other)" in shops with many small categories: take the likeliest real one.
      let best: string | null = null
      let bestP = -1
      for (let c = 0; c < n; c++) {
        const p = predictions.categoryProbabilities[row * n + c]
        if (p > bestP && !UNNAMED.has(names[c] ?? '')) [best, bestP] = [names[c] ?? null, p]
      }
      return best
    }),
    daysFromCutoff: Float32Array.from(predictions.daysToNext),
  }
}

/** Baseline: the category the customer bought most often, and their average gap since the last order. */
export function historyAverageGuess(histories: Histories, features: FeatureSet): NextOrderGuess {
  const recency = column(features, 'recency_days')
  const gapMean = column(features, 'gap_mean')
  return {
    name: 'history-average',
    kind: 'baseline',
    category: histories.steps.map((steps) => {
      const counts = new Map<number, number>()
      for (const step of steps) if (!UNNAMED.has(histories.categories[step.category] ?? '')) counts.set(step.category, (counts.get(step.category) ?? 0) + 1)
      let best = 0
      let bestCount = 0
      for (const [category, count] of counts) if (count > bestCount) [best, bestCount] = [category, count]
      return bestCount > 0 ? histories.categories[best] : null
    }),
    daysFromCutoff: Float32Array.from(recency, (days, row) => remainingWait(gapMean[row], days)),
  }
}

/** The purchase MLP's view: the customer's top category share, and the wait implied by its expected order rate. */
export function purchaseRateGuess(features: FeatureSet, expectedOrders: Float32Array, horizonDays: number): NextOrderGuess {
  const top = column(features, 'top_category')
  const categories = features.context?.topCategories ?? []
  return {
    name: 'purchase-mlp',
    kind: 'model',
    category: Array.from(top, (index) => categories[index] ?? null),
    // A Poisson rate of λ orders per horizon waits horizon / λ on average; capped so one idle customer cannot dominate the error.
    daysFromCutoff: Float32Array.from(expectedOrders, (orders) => Math.min(3 * horizonDays, horizonDays / Math.max(orders, 1e-3))),
  }
}

/**
 * Days still to wait, given the expected gap after the last order and the days
 * already gone. Before the gap is up, the rest of it. Past it, the wait grows
 * with how far overdue the customer is: slightly late is "any day now",
 * months late is lapsed. Reading every overdue customer as "now" would rank
 * lapsed customers as the surest buyers.
 */
export function remainingWait(expectedGap: number, daysSinceLast: number): number {
  return Math.abs(expectedGap - daysSinceLast)
}

/** Accuracy and error over the customers who did order again in the window. */
export function scoreGuess(guess: NextOrderGuess, actual: NextOrders): SequenceMetrics {
  let ordered = 0
  let absError = 0
  let categorised = 0
  let correct = 0
  actual.days.forEach((days, row) => {
    if (!Number.isFinite(days)) return
    ordered++
    absError += Math.abs(guess.daysFromCutoff[row] - days)
    const truth = actual.category[row]
    if (truth === null) return
    categorised++
    if (guess.category[row] === truth) correct++
  })
  return {
    name: guess.name,
    kind: guess.kind,
    nextCategoryAccuracy: categorised > 0 ? correct / categorised : 0,
    daysToNextMae: ordered > 0 ? absError / ordered : 0,
  }
}

function column(features: FeatureSet, name: string): Float32Array {
  const index = featureColumn(features.names, name)
  const width = features.names.length
  const rows = features.customerIds.length
  const out = new Float32Array(rows)
  for (let row = 0; row < rows; row++) out[row] = features.values[row * width + index]
  return out
}
