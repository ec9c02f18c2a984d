/**
 * Probability calibration fitted on held-out rows: a network's sigmoid
 * output ranks customers well but is often over- or under-confident, and
 * the plan multiplies these probabilities by money, so they must mean what
 * they say. Plain data in, plain data out: saved with the model as JSON.
 */
import { fitLogistic, logit, sigmoid } from './logistic'

export type Calibration =
  /** p' = sigmoid(a · logit(p) + b) */
  | { method: 'platt'; a: number; b: number }
  /** p' = piecewise-linear through (x[i], y[i]), non-decreasing, flat outside */
  | { method: 'isotonic'; x: number[]; y: number[] }
  | { method: 'none' }

export type CalibrationMethod = 'auto' | 'platt' | 'isotonic'

/** Isotonic needs enough of both classes to not just memorise the slice. */
const ISOTONIC_MIN_ROWS = 1000
const ISOTONIC_MIN_PER_CLASS = 100
/** Calibrated probabilities never reach 0 or 1: nobody is certain to (not) buy. */
const FLOOR = 1e-4

/**
 * Platt scaling with Platt's smoothed targets ((N₊+1)/(N₊+2) and 1/(N₋+2)),
 * which keep a small validation slice from pushing probabilities to 0 or 1.
 */
export function fitPlatt(p: ArrayLike<number>, y: ArrayLike<number>): Calibration {
  let positives = 0
  for (let i = 0; i < y.length; i++) if (y[i] > 0) positives++
  const negatives = y.length - positives
  const high = (positives + 1) / (positives + 2)
  const low = 1 / (negatives + 2)
  const scores = Float64Array.from({ length: p.length }, (_, i) => logit(p[i]))
  const targets = Float64Array.from({ length: y.length }, (_, i) => (y[i] > 0 ? high : low))
  const model = fitLogistic(scores, 1, targets, { l2: 1e-6 })
  return { method: 'platt', a: model.weights[0], b: model.intercept }
}

/** Isotonic regression by pool-adjacent-violators on (score, label) pairs. */
export function fitIsotonic(p: ArrayLike<number>, y: ArrayLike<number>): Calibration {
  const order = Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[a] - p[b])
  // Each block: summed scores and labels over its rows; merged while a block's
  // mean label is not above the previous block's.
  const sumX: number[] = []
  const sumY: number[] = []
  const count: number[] = []
  for (const i of order) {
    sumX.push(p[i])
    sumY.push(y[i] > 0 ? 1 : 0)
    count.push(1)
    while (sumY.length > 1) {
      const last = sumY.length - 1
      if (sumY[last - 1] / count[last - 1] < sumY[last] / count[last]) break
      sumX[last - 1] += sumX[last]
      sumY[last - 1] += sumY[last]
      count[last - 1] += count[last]
      sumX.pop()
      sumY.pop()
      count.pop()
    }
  }
  return {
    method: 'isotonic',
    x: sumX.map((s, i) => s / count[i]),
    y: sumY.map((s, i) => Math.min(1 - FLOOR, Math.max(FLOOR, s / count[i]))),
  }
}

/** Isotonic when the slice is big enough for it, Platt otherwise. */
export function fitCalibration(p: ArrayLike<number>, y: ArrayLike<number>, method: CalibrationMethod = 'auto'): Calibration {
  let positives = 0
  for (let i = 0; i < y.length; i++) if (y[i] > 0) positives++
  const negatives = y.length - positives
  if (positives === 0 || negatives === 0) return { method: 'none' }
  const isotonic =
    method === 'isotonic' ||
    (method === 'auto' && y.length >= ISOTONIC_MIN_ROWS && Math.min(positives, negatives) >= ISOTONIC_MIN_PER_CLASS)
  return isotonic ? fitIsotonic(p, y) : fitPlatt(p, y)
}

/**
 * No calibrated chance is ever exactly 0 or 1: isotonic steps reach both when a
 * validation block happened to be all buyers or none, and "100% sure" is never
 * true of a person (nor good for log loss).
 */
export const CALIBRATED_MIN = 0.005
export const CALIBRATED_MAX = 0.995

export function applyCalibration(calibration: Calibration, p: ArrayLike<number>): Float32Array {
  const out = new Float32Array(p.length)
  for (let i = 0; i < p.length; i++) out[i] = Math.min(CALIBRATED_MAX, Math.max(CALIBRATED_MIN, calibrateOne(calibration, p[i])))
  return out
}

function calibrateOne(calibration: Calibration, p: number): number {
  switch (calibration.method) {
    case 'none':
      return p
    case 'platt':
      return Math.min(1 - FLOOR, Math.max(FLOOR, sigmoid(calibration.a * logit(p) + calibration.b)))
    case 'isotonic': {
      const { x, y } = calibration
      if (p <= x[0]) return y[0]
      const last = x.length - 1
      if (p >= x[last]) return y[last]
      // Binary search for the segment x[lo] <= p < x[lo + 1].
      let lo = 0
      let hi = last
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1
        if (x[mid] <= p) lo = mid
        else hi = mid
      }
      const t = (p - x[lo]) / (x[hi] - x[lo])
      return y[lo] + t * (y[hi] - y[lo])
    }
  }
}
