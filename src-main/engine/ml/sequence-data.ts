/**
 * Order histories (HistoryStep[] per customer, oldest first) → padded
 * tensors for the sequence model.
 *
 * Each step is a category id plus three numbers: standardised log amount,
 * standardised log gap, discounted 0/1. Sequences are padded at the START
 * (pre-padding) with category id 0, which the embedding masks, so the GRU
 * skips padding and its final state is the state after the latest order.
 * Category ids: 0 = padding, 1..C = categories 0..C-1, C+1 = a category the
 * model never saw (kept as a real step, but not a prediction target).
 */
import * as tf from '@tensorflow/tfjs'
import type { HistoryStep } from '../features/types'
import type { Standardisation } from './standardise'

export const STEP_FEATURES = ['log_amount', 'log_gap', 'discounted'] as const

export interface SequenceTensors {
  /** int32 rows × maxSteps, 0 = padding */
  categories: tf.Tensor2D
  /** float32 rows × maxSteps × 3 */
  numeric: tf.Tensor3D
}

export interface SequenceTargets {
  /** float32 rows × 1: category index 0..C-1 of the next order */
  nextCategory: tf.Tensor2D
  /** float32 rows × 1: log1p(days until the next order) */
  nextLogGap: tf.Tensor2D
}

/** One training example: the steps before `target` in a customer's history. */
export interface SequenceExample {
  customer: number
  /** Index of the target step in that customer's history. */
  target: number
}

/**
 * Examples from the last `perCustomer` orders of every history (each order
 * is predicted from the orders before it); orders in unknown categories are
 * not targets.
 */
export function sequenceExamples(
  histories: HistoryStep[][],
  numCategories: number,
  customers: ArrayLike<number>,
  perCustomer: number,
): SequenceExample[] {
  const examples: SequenceExample[] = []
  for (let k = 0; k < customers.length; k++) {
    const customer = customers[k]
    const history = histories[customer]
    for (let t = Math.max(1, history.length - perCustomer); t < history.length; t++) {
      const category = history[t].category
      if (category >= 0 && category < numCategories) examples.push({ customer, target: t })
    }
  }
  return examples
}

/** Means and stds of log amount and log gap over the given customers' steps. */
export function fitStepStandardisation(histories: HistoryStep[][], customers: ArrayLike<number>): Standardisation {
  const sums = [0, 0]
  const squares = [0, 0]
  let n = 0
  for (let k = 0; k < customers.length; k++) {
    for (const step of histories[customers[k]]) {
      const v = [Math.log1p(Math.max(0, step.amount)), Math.log1p(Math.max(0, step.gapDays))]
      for (let j = 0; j < 2; j++) {
        sums[j] += v[j]
        squares[j] += v[j] * v[j]
      }
      n++
    }
  }
  const means = sums.map((s) => (n ? s / n : 0))
  const stds = squares.map((s, j) => {
    const variance = n ? s / n - means[j] * means[j] : 0
    return variance > 1e-12 ? Math.sqrt(variance) : 1
  })
  // 'discounted' is already 0/1: identity.
  return { means: [...means, 0], stds: [...stds, 1] }
}

/**
 * Input tensors for windows of histories: window i is the steps of
 * histories[customers[i]] before ends[i] (exclusive), at most maxSteps.
 */
export function sequenceTensors(
  histories: HistoryStep[][],
  windows: { customer: number; end: number }[],
  numCategories: number,
  maxSteps: number,
  standardisation: Standardisation,
): SequenceTensors {
  const rows = windows.length
  const categories = new Int32Array(rows * maxSteps)
  const numeric = new Float32Array(rows * maxSteps * STEP_FEATURES.length)
  const { means, stds } = standardisation
  windows.forEach(({ customer, end }, r) => {
    const history = histories[customer]
    const start = Math.max(0, end - maxSteps)
    const offset = maxSteps - (end - start) // pre-padding
    for (let s = start; s < end; s++) {
      const step = history[s]
      const at = r * maxSteps + offset + (s - start)
      const known = step.category >= 0 && step.category < numCategories
      categories[at] = known ? step.category + 1 : numCategories + 1
      const v = [Math.log1p(Math.max(0, step.amount)), Math.log1p(Math.max(0, step.gapDays)), step.discounted ? 1 : 0]
      for (let j = 0; j < v.length; j++) numeric[at * v.length + j] = (v[j] - means[j]) / stds[j]
    }
  })
  return {
    categories: tf.tensor2d(categories, [rows, maxSteps], 'int32'),
    numeric: tf.tensor3d(numeric, [rows, maxSteps, STEP_FEATURES.length]),
  }
}

export function sequenceTargets(histories: HistoryStep[][], examples: SequenceExample[]): SequenceTargets {
  const category = new Float32Array(examples.length)
  const gap = new Float32Array(examples.length)
  examples.forEach(({ customer, target }, i) => {
    const step = histories[customer][target]
    category[i] = step.category
    gap[i] = Math.log1p(Math.max(0, step.gapDays))
  })
  return {
    nextCategory: tf.tensor2d(category, [examples.length, 1]),
    nextLogGap: tf.tensor2d(gap, [examples.length, 1]),
  }
}
