import { describe, expect, it } from 'vitest'
import { applyCalibration, fitCalibration, fitIsotonic, fitPlatt, CALIBRATED_MAX, CALIBRATED_MIN } from '../../../src-main/engine/ml/calibration'
import { fitLogistic, predictLogistic, sigmoid, logit } from '../../../src-main/engine/ml/logistic'
import { auc, brierScore, logLoss, rmse } from '../../../src-main/engine/ml/metrics'
import { createRng, deriveSeed, permutation, splitRows } from '../../../src-main/engine/ml/random'
import { applyStandardisation, fitStandardisation } from '../../../src-main/engine/ml/standardise'

describe('isotonic calibration', () => {
  it('pools adjacent violators, by hand', () => {
    // labels 0, 1, 0, 1 at scores .1 .2 .3 .4: the middle pair pools to 0.5
    const c = fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1])
    expect(c.method).toBe('isotonic')
    if (c.method !== 'isotonic') return
    expect(c.x.map((v) => +v.toFixed(6))).toEqual([0.1, 0.25, 0.4])
    expect(c.y).toEqual([1e-4, 0.5, 1 - 1e-4])
    const out = applyCalibration(c, [0, 0.25, 0.325, 0.9])
    // The ends are held inside [CALIBRATED_MIN, CALIBRATED_MAX]: never "certain".
    expect(out[0]).toBeCloseTo(CALIBRATED_MIN, 6)
    expect(out[1]).toBeCloseTo(0.5, 6)
    expect(out[2]).toBeCloseTo(0.5 + 0.5 * (0.5 - 1e-4), 5) // halfway between the last two points
    expect(out[3]).toBeCloseTo(CALIBRATED_MAX, 6)
  })

  it('is non-decreasing and leaves monotone data alone', () => {
    const c = fitIsotonic([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [0, 0, 1, 0, 1, 1])
    const out = applyCalibration(c, [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65])
    for (let i = 1; i < out.length; i++) expect(out[i]).toBeGreaterThanOrEqual(out[i - 1])
    const already = fitIsotonic([0.1, 0.2, 0.3], [0, 0, 1])
    if (already.method === 'isotonic') expect(already.x.length).toBe(2) // the two 0s pool (equal means)
  })
})

describe('Platt calibration', () => {
  it('recovers the distortion of over-confident scores', () => {
    // True p = sigmoid(0.5 · logit(s) − 0.3): the scores are twice too extreme.
    const rng = createRng(4)
    const scores: number[] = []
    const labels: number[] = []
    for (let i = 0; i < 20000; i++) {
      const s = 0.02 + 0.96 * rng.next()
      scores.push(s)
      labels.push(rng.next() < sigmoid(0.5 * logit(s) - 0.3) ? 1 : 0)
    }
    const c = fitPlatt(scores, labels)
    expect(c.method).toBe('platt')
    if (c.method !== 'platt') return
    expect(c.a).toBeCloseTo(0.5, 1)
    expect(c.b).toBeCloseTo(-0.3, 1)
    const calibrated = applyCalibration(c, scores)
    expect(logLoss(calibrated, labels)).toBeLessThan(logLoss(scores, labels))
  })

  it('keeps a tiny slice away from 0 and 1 (smoothed targets)', () => {
    const c = fitPlatt([0.1, 0.9], [0, 1])
    const [low, high] = applyCalibration(c, [0.01, 0.99])
    expect(low).toBeGreaterThan(0.05)
    expect(high).toBeLessThan(0.95)
  })
})

describe('fitCalibration', () => {
  it('picks Platt for small slices, isotonic for big ones, none for one class', () => {
    const small = fitCalibration([0.2, 0.4, 0.6], [0, 1, 1])
    expect(small.method).toBe('platt')
    const n = 2000
    const big = fitCalibration(
      Array.from({ length: n }, (_, i) => i / n),
      Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    )
    expect(big.method).toBe('isotonic')
    expect(fitCalibration([0.2, 0.3], [0, 0]).method).toBe('none')
    expect(Array.from(applyCalibration({ method: 'none' }, [0.25]))).toEqual([0.25])
  })
})

describe('logistic regression', () => {
  it('recovers known coefficients', () => {
    const rng = createRng(9)
    const rows = 5000
    const x = new Float64Array(rows * 2)
    const y = new Float64Array(rows)
    for (let i = 0; i < rows; i++) {
      x[2 * i] = rng.next() * 4 - 2
      x[2 * i + 1] = rng.next() * 4 - 2
      y[i] = rng.next() < sigmoid(-0.5 + 1.5 * x[2 * i] - 1 * x[2 * i + 1]) ? 1 : 0
    }
    const model = fitLogistic(x, 2, y, { l2: 1e-6 })
    expect(model.intercept).toBeCloseTo(-0.5, 0)
    expect(model.weights[0]).toBeCloseTo(1.5, 0)
    expect(model.weights[1]).toBeCloseTo(-1, 0)
    const p = predictLogistic(model, x, rows)
    expect(auc(p, y)).toBeGreaterThan(0.8)
  })

  it('stays finite on separable data and with no columns (base rate)', () => {
    const model = fitLogistic([0, 1, 2, 3], 1, [0, 0, 1, 1], { l2: 1e-3 })
    expect(Number.isFinite(model.weights[0])).toBe(true)
    const base = fitLogistic([], 0, [1, 0, 0, 0])
    expect(sigmoid(base.intercept)).toBeCloseTo(0.25, 6)
  })
})

describe('metrics', () => {
  it('AUC by hand, with ties and one class', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 10)
    expect(auc([0.5, 0.5], [0, 1])).toBeCloseTo(0.5, 10)
    expect(auc([0.1, 0.2], [1, 1])).toBeNaN()
  })
  it('log loss, Brier and RMSE by hand', () => {
    expect(logLoss([0.5, 0.5], [0, 1])).toBeCloseTo(Math.log(2), 10)
    expect(brierScore([0.8, 0.3], [1, 0])).toBeCloseTo((0.04 + 0.09) / 2, 6)
    expect(rmse([1, 3], [2, 5])).toBeCloseTo(Math.sqrt(2.5), 10)
  })
})

describe('seeded randomness', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = createRng(42)
    const b = createRng(42)
    const c = createRng(43)
    const sa = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa)
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true)
    expect(deriveSeed(1, 'dense')).toBe(deriveSeed(1, 'dense'))
    expect(deriveSeed(1, 'dense')).not.toBe(deriveSeed(1, 'dense_2'))
  })

  it('permutes and splits with stratification', () => {
    const p = permutation(100, createRng(1))
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i))
    const labels = Array.from({ length: 100 }, (_, i) => (i < 10 ? 1 : 0))
    const { train, validation } = splitRows(100, 0.2, createRng(2), labels)
    expect(train.length + validation.length).toBe(100)
    expect(new Set([...train, ...validation]).size).toBe(100)
    expect(Array.from(validation).filter((i) => labels[i] === 1).length).toBe(2)
  })
})

describe('standardisation', () => {
  it('learns on the given rows, gives constant columns std 1, clips outliers', () => {
    // columns: [1, 3, 1000] and [5, 5, 5]
    const values = [1, 5, 3, 5, 1000, 5]
    const s = fitStandardisation(values, 2, [0, 1])
    expect(s.means).toEqual([2, 5])
    expect(s.stds).toEqual([1, 1])
    expect(Array.from(applyStandardisation(values, s))).toEqual([-1, 0, 1, 0, 8, 0])
    expect(s.log).toEqual([false, false])
  })

  it('takes log1p of skewed non-negative columns (whales), not of symmetric or signed ones', () => {
    // column 0: many small spenders and one whale; column 1: symmetric; column 2: skewed but negative values
    const rows = 50
    const values: number[] = []
    for (let i = 0; i < rows; i++) values.push(i === 0 ? 10000 : 10 + (i % 5), (i % 7) - 3, i === 0 ? 500 : -1 - (i % 3))
    const s = fitStandardisation(values, 3)
    expect(s.log).toEqual([true, false, false])
    const z = applyStandardisation(values, s)
    // On the log scale the whale is a few stds out, not clipped at 8.
    expect(z[0]).toBeGreaterThan(3)
    expect(z[0]).toBeLessThan(8)
    expect(Math.abs(s.means[0] - (Math.log1p(10000) + values.filter((_, k) => k % 3 === 0).slice(1).reduce((a, v) => a + Math.log1p(v), 0)) / rows)).toBeLessThan(1e-9)
    expect(fitStandardisation(values, 3, undefined, { logSkewed: false }).log).toEqual([false, false, false])
  })
})
