import { describe, expect, it } from 'vitest'
import { auc } from '../../../src-main/engine/evaluation/auc'
import { expectedCalibrationError, reliabilityBins } from '../../../src-main/engine/evaluation/calibration'
import { gainsCurve, liftAt } from '../../../src-main/engine/evaluation/gains'
import { logLoss } from '../../../src-main/engine/evaluation/log-loss'
import { topK } from '../../../src-main/engine/evaluation/top-k'

describe('auc', () => {
  it('is the share of (buyer, non-buyer) pairs ranked right', () => {
    // Pairs: 0.35>0.1 ✓, 0.35<0.4 ✗, 0.8>0.1 ✓, 0.8>0.4 ✓ → 3/4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12)
    expect(auc([0.9, 0.1], [0, 1])).toBe(0)
  })

  it('counts tied pairs as one half (average ranks)', () => {
    // Buyers 0.5, 0.9; non-buyers 0.5, 0.2: tie ½ + 1 + 1 + 1 = 3.5 of 4 pairs.
    expect(auc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBeCloseTo(0.875, 12)
    expect(auc([3, 3, 3, 3, 3], [1, 0, 1, 0, 0])).toBeCloseTo(0.5, 12)
  })

  it('is NaN when only one class is present', () => {
    expect(auc([0.2, 0.3], [1, 1])).toBeNaN()
    expect(() => auc([0.2], [1, 0])).toThrow(/labels/)
  })
})

describe('logLoss', () => {
  it('averages the cross-entropy', () => {
    expect(logLoss([0.9, 0.2], [1, 0])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 12)
  })

  it('clips certain mistakes to a finite penalty', () => {
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-7), 9)
    expect(logLoss([1, 0], [1, 0])).toBeCloseTo(-Math.log(1 - 1e-7), 12)
  })
})

describe('calibration', () => {
  const p = [0.05, 0.15, 0.12, 0.95, 1.0]
  const y = [0, 1, 0, 1, 1]

  it('bins predictions in tenths, the last bin including 1', () => {
    const bins = reliabilityBins(p, y)
    expect(bins).toHaveLength(10)
    expect(bins[0]).toEqual({ lower: 0, upper: 0.1, meanPredicted: 0.05, observedRate: 0, count: 1 })
    expect(bins[1].meanPredicted).toBeCloseTo(0.135, 12)
    expect(bins[1].observedRate).toBe(0.5)
    expect(bins[9].count).toBe(2)
    expect(bins[5]).toMatchObject({ meanPredicted: null, observedRate: null, count: 0 })
  })

  it('weights each bin’s gap by its customers (ECE)', () => {
    // 1/5·0.05 + 2/5·|0.135 − 0.5| + 2/5·|0.975 − 1| = 0.01 + 0.146 + 0.01.
    expect(expectedCalibrationError(p, y)).toBeCloseTo(0.166, 12)
    expect(expectedCalibrationError([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0])).toBeCloseTo(0, 12)
  })
})

describe('gains', () => {
  it('gives the share of buyers in the top x% and the lift', () => {
    const curve = gainsCurve([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0], 4)
    expect(curve.map((c) => c.captured)).toEqual([0.5, 0.5, 1, 1])
    expect(curve[0].lift).toBe(2)
    expect(curve[3].lift).toBe(1)
  })

  it('splits tied groups in proportion, whatever the row order', () => {
    expect(gainsCurve([1, 1, 0, 0], [1, 0, 0, 0], 4).map((c) => c.captured)).toEqual([0.5, 1, 1, 1])
    expect(gainsCurve([1, 1, 0, 0], [0, 1, 0, 0], 4).map((c) => c.captured)).toEqual([0.5, 1, 1, 1])
    expect(liftAt([1, 1, 0, 0], [1, 0, 0, 0], 0.25)).toBe(2)
    expect(gainsCurve([1, 2], [0, 0])).toEqual([])
  })
})

describe('topK', () => {
  it('returns the best indices first, breaking ties by rank then index, skipping excluded ones', () => {
    const scores = [0.1, 0.5, 0.5, 0.9, 0.5, Number.NaN]
    expect(topK(scores, 3)).toEqual([3, 1, 2])
    expect(topK(scores, 3, [0, 5, 4, 3, 1, 0])).toEqual([3, 4, 2])
    expect(topK(scores, 3, undefined, new Set([3, 1]))).toEqual([2, 4, 0])
    expect(topK(scores, 10)).toEqual([3, 1, 2, 4, 0])
    expect(topK(scores, 0)).toEqual([])
  })
})
