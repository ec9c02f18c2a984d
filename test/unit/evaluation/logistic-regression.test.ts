import { describe, expect, it } from 'vitest'
import { fitLogisticRegression, fitStandardiser, predictLogistic, standardise } from '../../../src-main/engine/evaluation/baselines/logistic-regression'

describe('logistic regression', () => {
  it('recovers group rates for one binary column without regularisation', () => {
    // x = 0: 1 of 4 bought; x = 1: 3 of 4 — the maximum-likelihood fit predicts exactly 0.25 and 0.75.
    const x = Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1])
    const y = [1, 0, 0, 0, 1, 1, 1, 0]
    const model = fitLogisticRegression(x, 8, 1, y, { l2: 0 })
    const p = predictLogistic(model, Float64Array.from([0, 1]), 2)
    expect(p[0]).toBeCloseTo(0.25, 6)
    expect(p[1]).toBeCloseTo(0.75, 6)
    expect(model.weights[0]).toBeCloseTo(2 * Math.log(3), 6)
  })

  it('stays finite on separable data and is deterministic', () => {
    const x = Float64Array.from([-2, -1, 1, 2])
    const y = [0, 0, 1, 1]
    const a = fitLogisticRegression(x, 4, 1, y, { l2: 1e-3 })
    const b = fitLogisticRegression(x, 4, 1, y, { l2: 1e-3 })
    expect(Number.isFinite(a.weights[0])).toBe(true)
    expect(a.weights[0]).toBeGreaterThan(1)
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights))
    expect(a.bias).toBe(b.bias)
  })

  it('matches the base rate on average (the intercept’s optimality condition)', () => {
    const n = 200
    const x = new Float64Array(n * 2)
    const y: number[] = []
    for (let i = 0; i < n; i++) {
      x[i * 2] = Math.sin(i)
      x[i * 2 + 1] = (i % 7) - 3
      y.push((i * 37) % 11 < 4 + (i % 3) ? 1 : 0)
    }
    const scaler = fitStandardiser(x, n, 2)
    const z = standardise(scaler, x, n)
    const p = predictLogistic(fitLogisticRegression(z, n, 2, y), z, n)
    const mean = p.reduce((s, v) => s + v, 0) / n
    expect(mean).toBeCloseTo(y.reduce((s, v) => s + v, 0) / n, 5)
  })
})

describe('logistic regression without data', () => {
  it('says so instead of producing NaN weights', () => {
    expect(() => fitLogisticRegression(new Float64Array(0), 0, 1, [])).toThrow(/no training rows/)
  })
})
