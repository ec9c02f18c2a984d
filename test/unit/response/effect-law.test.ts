import { describe, expect, test } from 'vitest'
import { createRng } from '../../../src-main/engine/ml/random'
import { depthShare, purchaseWithOffer } from '../../../src-main/engine/planner/response'
import { minimise } from '../../../src-main/engine/planner/response/lbfgs'
import { effectObjective, layout, objective, type FitData } from '../../../src-main/engine/planner/response/likelihood'

describe('effect law', () => {
  test('P(order | offer) = 1 − (1 − p0)^exp(τ)', () => {
    expect(purchaseWithOffer(0.2, 0)).toBeCloseTo(0.2, 12)
    expect(purchaseWithOffer(0.2, Math.log(2))).toBeCloseTo(1 - 0.8 ** 2, 12)
    expect(purchaseWithOffer(0.2, -Math.log(2))).toBeCloseTo(1 - Math.sqrt(0.8), 12)
    expect(purchaseWithOffer(0, 1)).toBe(0)
    expect(purchaseWithOffer(1, -1)).toBe(1)
  })

  test('depth share saturates at 1 and is 0 without depth', () => {
    expect(depthShare(0, 0.08)).toBe(0)
    expect(depthShare(0.08, 0.08)).toBeCloseTo(1 - Math.exp(-1), 12)
    expect(depthShare(1, 0.08)).toBeGreaterThan(0.9999)
  })
})

describe('likelihood', () => {
  function smallData(): FitData {
    const rng = createRng(5)
    const n = 40
    const p = 3
    return {
      n,
      z: Float64Array.from({ length: n * p }, () => rng.next() * 2 - 1),
      p,
      // θ reads columns 0 and 2 only; the base reads all three.
      effectColumns: Int32Array.from([0, 2]),
      campaignIndex: Int32Array.from({ length: n }, (_, i) => i % 2),
      campaigns: 2,
      logWindow: Float64Array.from({ length: n }, (_, i) => (i % 3) * 0.1),
      g: Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : rng.next())),
      treated: Uint8Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : 1)),
      y: Uint8Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0)),
      weight: Float64Array.from({ length: n }, (_, i) => 1 + (i % 2)),
    }
  }

  function expectGradient(f: (x: Float64Array, g: Float64Array) => number, size: number): void {
    const params = Float64Array.from({ length: size }, (_, j) => 0.3 * Math.sin(j + 1))
    const grad = new Float64Array(size)
    f(params, grad)
    const scratch = new Float64Array(size)
    for (let j = 0; j < size; j++) {
      const up = Float64Array.from(params)
      const down = Float64Array.from(params)
      up[j] += 1e-6
      down[j] -= 1e-6
      const numeric = (f(up, scratch) - f(down, scratch)) / 2e-6
      expect(grad[j]).toBeCloseTo(numeric, 4)
    }
  }

  test('the effect-only objective (base η held) has the right gradient', () => {
    const data = smallData()
    const eta = Float64Array.from({ length: data.n }, (_, i) => -1 + 0.05 * i)
    expectGradient(effectObjective(data, eta, { base: 0.5, effect: 2, intercept: 1 }), data.effectColumns.length + 1)
  })

  test('the gradient matches finite differences', () => {
    const data = smallData()
    const f = objective(data, { base: 0.5, effect: 2, intercept: 0.7 })
    const L = layout(data.p, data.campaigns, data.effectColumns.length)
    expect(L.size).toBe(3 + 2 + 1 + 1 + 2)
    const params = Float64Array.from({ length: L.size }, (_, j) => 0.3 * Math.sin(j + 1))
    const grad = new Float64Array(L.size)
    f(params, grad)
    const scratch = new Float64Array(L.size)
    for (let j = 0; j < L.size; j++) {
      const up = Float64Array.from(params)
      const down = Float64Array.from(params)
      up[j] += 1e-6
      down[j] -= 1e-6
      const numeric = (f(up, scratch) - f(down, scratch)) / 2e-6
      expect(grad[j]).toBeCloseTo(numeric, 4)
    }
  })

  test('L-BFGS finds the minimum of a quadratic', () => {
    const result = minimise((x, g) => {
      g[0] = 2 * (x[0] - 3)
      g[1] = 20 * (x[1] + 1)
      return (x[0] - 3) ** 2 + 10 * (x[1] + 1) ** 2
    }, Float64Array.from([0, 0]))
    expect(result.x[0]).toBeCloseTo(3, 5)
    expect(result.x[1]).toBeCloseTo(-1, 5)
  })
})
