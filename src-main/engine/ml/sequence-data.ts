/**
 * Order histories (HistoryStep[] per customer, oldest first) → tensors for
 * the sequence model, and the training examples that match what it is judged
 * on: standing at a cutoff, the category of the customer's FIRST order in
 * [cutoff, cutoff + horizon) and the days from the cutoff to it.
 *
 * Training examples come from pseudo-cutoffs inside the history (every
 * `strideDays`, each window wholly before the real cutoff): the input is the
 * orders before the pseudo-cutoff plus the days since the last of them, the
 * target the first order in its window. Customers with no order in a window
 * give no example (censored: the wait is only known to exceed the horizon),
 * exactly as the held-out evaluation scores only customers who ordered.
 *
 * Each step is a category id plus three numbers: standardised log amount,
 * standardised log gap, discounted 0/1. Sequences are padded at the START
 * (pre-padding) with category id 0, which the embedding masks, so the GRU
 * skips padding and its final state is the state after the latest order.
 * Category ids: 0 = padding, 1..C = categories 0..C-1, C+1 = a category the
 * model never saw (kept as a real step, but not a prediction target).
 *
 * Beside the steps, a summary row per window: the customer's category shares
 * (so the network can at least learn "what they buy most") and standardised
 * log days since the last order, log mean gap and log order count.
 */
import * as tf from '@tensorflow/tfjs'
import type { HistoryStep } from '../features/types'
import type { Standardisation } from './standardise'

export const STEP_FEATURES = ['log_amount', 'log_gap', 'discounted'] as const
export const SUMMARY_FEATURES = ['log_days_since_last', 'log_mean_gap', 'log_orders'] as const
export const PERSONAL_FEATURES = ['share', 'recent_share', 'latest'] as const
/** Weight of an order relative to the one after it in the recent share. */
const PERSONAL_DECAY = 0.5

export interface SequenceTensors {
  /** int32 rows × maxSteps, 0 = padding */
  categories: tf.Tensor2D
  /** float32 rows × maxSteps × 3 */
  numeric: tf.Tensor3D
  /**
   * float32 rows × numCategories × 3, per category: share of the window's
   * orders, share with each older order counted half as much as the next
   * (PERSONAL_DECAY), and 1 for the latest order's category
   */
  personal: tf.Tensor3D
  /** float32 rows × 3: SUMMARY_FEATURES, standardised */
  summary: tf.Tensor2D
}

export interface SequenceTargets {
  /** float32 rows × 1: category index 0..C-1 of the first order in the window */
  nextCategory: tf.Tensor2D
  /** float32 rows × 1: log1p(days from the (pseudo-)cutoff to that order) */
  nextLogDays: tf.Tensor2D
}

/** One window of a history: its first `end` steps, seen from `daysSinceLast` days after the last of them. */
export interface SequenceWindow {
  customer: number
  end: number
  daysSinceLast: number
}

/** A training example: a window and the first order after it within the horizon. */
export interface SequenceExample extends SequenceWindow {
  category: number
  daysToNext: number
}

export interface ExampleOptions {
  horizonDays: number
  /** Days between pseudo-cutoffs; default 14. */
  strideDays?: number
  /** Categories that are never a target ('' and '(other)': nothing a merchant can act on, and not scored). */
  untargeted?: ReadonlySet<number>
}

/** Each step's day relative to the cutoff (the last order is −daysSinceLast). */
export function stepDays(history: HistoryStep[], daysSinceLast: number): number[] {
  const days = new Array<number>(history.length)
  let day = -daysSinceLast
  for (let s = history.length - 1; s >= 0; s--) {
    days[s] = day
    day -= history[s].gapDays
  }
  return days
}

/**
 * Examples at pseudo-cutoffs −H, −H−stride, … (days relative to the real
 * cutoff) while some order lies before them. Targets in an unknown or
 * untargeted category are skipped.
 */
export function sequenceExamples(
  histories: HistoryStep[][],
  daysSinceLast: ArrayLike<number>,
  numCategories: number,
  customers: ArrayLike<number>,
  options: ExampleOptions,
): SequenceExample[] {
  const horizon = options.horizonDays
  const stride = Math.max(1, options.strideDays ?? 14)
  const examples: SequenceExample[] = []
  for (let k = 0; k < customers.length; k++) {
    const customer = customers[k]
    const history = histories[customer]
    if (history.length < 2) continue
    const days = stepDays(history, daysSinceLast[customer])
    let end = history.length
    for (let cutoff = -horizon; cutoff > days[0]; cutoff -= stride) {
      while (end > 0 && days[end - 1] >= cutoff) end--
      if (end === 0 || end === history.length) continue
      const wait = days[end] - cutoff
      if (wait >= horizon) continue
      const category = history[end].category
      if (category < 0 || category >= numCategories || options.untargeted?.has(category)) continue
      examples.push({ customer, end, daysSinceLast: cutoff - days[end - 1], category, daysToNext: wait })
    }
  }
  return examples
}

function stepValues(step: HistoryStep): number[] {
  return [Math.log1p(Math.max(0, step.amount)), Math.log1p(Math.max(0, step.gapDays)), step.discounted ? 1 : 0]
}

function summaryValues(history: HistoryStep[], end: number, daysSinceLast: number): number[] {
  let gaps = 0
  for (let s = 1; s < end; s++) gaps += Math.max(0, history[s].gapDays)
  const meanGap = end > 1 ? gaps / (end - 1) : 0
  return [Math.log1p(Math.max(0, daysSinceLast)), Math.log1p(meanGap), Math.log(Math.max(1, end))]
}

/** Means and stds of the numeric step and summary inputs over the given windows (means/stds: steps, then summary). */
export function fitSequenceStandardisation(histories: HistoryStep[][], windows: SequenceWindow[]): Standardisation {
  const width = STEP_FEATURES.length + SUMMARY_FEATURES.length
  const sums = new Array<number>(width).fill(0)
  const squares = new Array<number>(width).fill(0)
  let steps = 0
  for (const { customer, end, daysSinceLast } of windows) {
    const history = histories[customer]
    for (let s = 0; s < end; s++) {
      stepValues(history[s]).forEach((v, j) => {
        sums[j] += v
        squares[j] += v * v
      })
      steps++
    }
    summaryValues(history, end, daysSinceLast).forEach((v, j) => {
      sums[STEP_FEATURES.length + j] += v
      squares[STEP_FEATURES.length + j] += v * v
    })
  }
  const counts = [...STEP_FEATURES.map(() => steps), ...SUMMARY_FEATURES.map(() => windows.length)]
  const means = sums.map((s, j) => (counts[j] ? s / counts[j] : 0))
  const stds = squares.map((s, j) => {
    const variance = counts[j] ? s / counts[j] - means[j] * means[j] : 0
    return variance > 1e-12 ? Math.sqrt(variance) : 1
  })
  // 'discounted' is already 0/1: identity.
  means[2] = 0
  stds[2] = 1
  return { means, stds }
}

/** Input tensors for windows of histories (the steps before `end`, at most the last maxSteps). */
export function sequenceTensors(
  histories: HistoryStep[][],
  windows: SequenceWindow[],
  numCategories: number,
  maxSteps: number,
  standardisation: Standardisation,
): SequenceTensors {
  const rows = windows.length
  const width = STEP_FEATURES.length
  const summaryWidth = SUMMARY_FEATURES.length
  const categories = new Int32Array(rows * maxSteps)
  const numeric = new Float32Array(rows * maxSteps * width)
  const personal = new Float32Array(rows * numCategories * PERSONAL_FEATURES.length)
  const summary = new Float32Array(rows * summaryWidth)
  const { means, stds } = standardisation
  windows.forEach(({ customer, end, daysSinceLast }, r) => {
    const history = histories[customer]
    const start = Math.max(0, end - maxSteps)
    const offset = maxSteps - (end - start) // pre-padding
    for (let s = start; s < end; s++) {
      const step = history[s]
      const at = r * maxSteps + offset + (s - start)
      const known = step.category >= 0 && step.category < numCategories
      categories[at] = known ? step.category + 1 : numCategories + 1
      stepValues(step).forEach((v, j) => {
        numeric[at * width + j] = (v - means[j]) / stds[j]
      })
    }
    // Shares over every step of the window (the same history the "most bought" baseline reads).
    let decayTotal = 0
    for (let s = 0, weight = 1; s < end; s++, weight *= PERSONAL_DECAY) decayTotal += weight
    for (let s = end - 1, weight = 1; s >= 0; s--, weight *= PERSONAL_DECAY) {
      const c = history[s].category
      if (c < 0 || c >= numCategories) continue
      const at = (r * numCategories + c) * PERSONAL_FEATURES.length
      personal[at] += 1 / end
      personal[at + 1] += weight / decayTotal
      if (s === end - 1) personal[at + 2] = 1
    }
    if (end > 0) {
      summaryValues(history, end, daysSinceLast).forEach((v, j) => {
        summary[r * summaryWidth + j] = (v - means[width + j]) / stds[width + j]
      })
    }
  })
  return {
    categories: tf.tensor2d(categories, [rows, maxSteps], 'int32'),
    numeric: tf.tensor3d(numeric, [rows, maxSteps, width]),
    personal: tf.tensor3d(personal, [rows, numCategories, PERSONAL_FEATURES.length]),
    summary: tf.tensor2d(summary, [rows, summaryWidth]),
  }
}

export function sequenceTargets(examples: SequenceExample[]): SequenceTargets {
  return {
    nextCategory: tf.tensor2d(Float32Array.from(examples, (e) => e.category), [examples.length, 1]),
    nextLogDays: tf.tensor2d(Float32Array.from(examples, (e) => Math.log1p(Math.max(0, e.daysToNext))), [examples.length, 1]),
  }
}
