import { describe, expect, test } from 'vitest'
import type { FeatureSet } from '../../../src-main/engine/features/types'
import { createRng } from '../../../src-main/engine/ml/random'
import { fitMeasuredResponse, GAMMA_GRID, responseEffects, RHO_GRID, type MemberWithFeatures, type ResponseModel } from '../../../src-main/engine/planner/response'
import { multipliers } from '../../../src-main/engine/planner/response/heterogeneity'

const NAMES = ['discount_sensitivity', 'recency_gap_ratio', 'frequency']

/** Members whose effect is θ0 · max(0, 1 + γ·h) with h = standardised sensitivity (uniform 0..1: mean 0.5, sd 0.289). */
function members(gamma: number, theta0: number, n = 4000): MemberWithFeatures[] {
  const rng = createRng(3)
  return Array.from({ length: n }, (_, i) => {
    const s = rng.next()
    const h = (s - 0.5) / 0.2887
    const treated = rng.next() >= 0.3
    const depth = treated ? [0.05, 0.1, 0.15, 0.2][rng.int(4)] : 0
    const tau = theta0 * Math.max(0, 1 + gamma * h) * (1 - Math.exp(-depth / 0.08))
    const p = 1 - Math.pow(1 - 0.15, Math.exp(tau))
    const converted = rng.next() < p
    return { campaignId: 1 + (i % 2), customerId: i + 1, arm: treated ? 'treatment' : 'control', depth, windowDays: 14, converted, redeemed: null, features: [s, rng.next() * 3, 1 + rng.int(5)] }
  })
}

function set(sensitivities: number[]): FeatureSet {
  return { cutoff: '2024-06-01', customerIds: Int32Array.from(sensitivities, (_, i) => i + 1), names: NAMES, values: Float32Array.from(sensitivities.flatMap((s) => [s, 1.5, 3])) }
}

describe('heterogeneity multiplier from purchase history', () => {
  test('normalised to mean 1 over the rows, 0 below h = −1/γ', () => {
    const z = Float64Array.from([-2, 0, -1, 0, 0, 0, 1, 0, 2, 0])
    const { m, norm } = multipliers(z, 5, 2, 0, 1, 1, 0)
    expect(m.reduce((a, b) => a + b, 0) / 5).toBeCloseTo(1, 12)
    expect(m[0]).toBe(0)
    expect(m[1]).toBe(0)
    expect(norm).toBeCloseTo(1.2, 12)
  })

  test('off by default: the model stays flat unless the grid is passed', () => {
    const model = fitMeasuredResponse(members(2, 0.8), { featureNames: NAMES, seed: 1, pointOnly: true, l2Effect: Number.POSITIVE_INFINITY, kappaGrid: [0.08] })
    expect(model.heterogeneity).toBeUndefined()
  })

  // Judged by joint refits (base and effect together) on all held-out members: with the base held from a
  // flat fit, the base had already absorbed the score's part of the lift and the multiplier always lost.
  test('with the grid, held-out likelihood picks γ > 0 when the effect scales with the score, and γ = 0 when it does not', () => {
    // No slopes (they could mimic the score): the multiplier against one θ for all.
    const opts = { featureNames: NAMES, seed: 1, pointOnly: true, gammaGrid: GAMMA_GRID, rhoGrid: RHO_GRID, kappaGrid: [0.08], l2Effect: Number.POSITIVE_INFINITY }
    const scaled = fitMeasuredResponse(members(2, 0.8), opts)
    expect(scaled.heterogeneity?.gamma).toBeGreaterThan(0)
    const flat = fitMeasuredResponse(members(0, 0.8), opts)
    expect(flat.heterogeneity).toBeUndefined()
    // The planner's effects: nothing for the full-price customer, most for the deal-prone one; serialisable.
    const copy = JSON.parse(JSON.stringify(scaled)) as ResponseModel
    const effects = Array.from(responseEffects(copy, set([0.05, 0.5, 0.95]), Float32Array.from([0.2, 0.2, 0.2]), 1))
    expect(effects[0]).toBe(0)
    expect(effects[2]).toBeGreaterThan(effects[1])
    expect(effects[1]).toBeGreaterThan(0)
  })
})
