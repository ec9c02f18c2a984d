import { describe, expect, test } from 'vitest'
import type { FeatureSet } from '../../../src-main/engine/features/types'
import { assumedResponse, DEFAULT_PRIOR, responseEffects, summariseResponse } from '../../../src-main/engine/planner/response'

function set(sensitivities: number[]): FeatureSet {
  return {
    cutoff: '2024-06-01',
    customerIds: Int32Array.from(sensitivities, (_, i) => i + 1),
    names: ['frequency', 'discount_sensitivity'],
    values: Float32Array.from(sensitivities.flatMap((s) => [3, s])),
  }
}

const mean = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length

describe('assumed response', () => {
  test('without discount history every customer gets the flat 0.5 scaling', () => {
    const model = assumedResponse(DEFAULT_PRIOR, false)
    const S = model.samples.length
    expect(S).toBe(8)
    const effects = responseEffects(model, set([0.1, 0.9]), Float32Array.from([1, 1]), 1)
    expect(Array.from(effects.slice(0, S))).toEqual(Array.from(effects.slice(S, 2 * S)))
    // At full depth the share is 1 − e^(−1/0.08) ≈ 1: mean θ = 0.5 · ln 1.3.
    expect(mean(effects.slice(0, S))).toBeCloseTo(0.5 * Math.log(1.3), 4)
  })

  test('with discount history θ scales with discount_sensitivity, to ln(max multiplier) at 1', () => {
    const model = assumedResponse(DEFAULT_PRIOR, true)
    const S = model.samples.length
    const effects = responseEffects(model, set([0, 0.5, 1]), Float32Array.from([1, 1, 1]), 1)
    expect(mean(effects.slice(0, S))).toBeCloseTo(0, 6)
    expect(mean(effects.slice(S, 2 * S))).toBeCloseTo(0.5 * Math.log(1.3), 4)
    expect(mean(effects.slice(2 * S, 3 * S))).toBeCloseTo(Math.log(1.3), 4)
  })

  test('κ is the half depth (63 % of the effect) and samples spread ±50 % around the prior', () => {
    const model = assumedResponse({ maxRateMultiplier: 1.5, halfDepth: 0.1 }, true)
    const S = model.samples.length
    const effects = responseEffects(model, set([1]), Float32Array.from([0.1]), 1)
    expect(mean(effects)).toBeCloseTo(Math.log(1.5) * (1 - Math.exp(-1)), 5)
    const sorted = Array.from(effects).sort((a, b) => a - b)
    expect(sorted[0]).toBeCloseTo(0.5 * mean(effects), 5)
    expect(sorted[S - 1]).toBeCloseTo(1.5 * mean(effects), 5)
    expect(new Set(sorted).size).toBe(S)
  })

  test('a customer without the column is scored like the average (0 after standardisation)', () => {
    const model = assumedResponse(DEFAULT_PRIOR, true)
    const noColumn: FeatureSet = { cutoff: '2024-06-01', customerIds: Int32Array.from([1]), names: ['frequency'], values: Float32Array.from([3]) }
    expect(Array.from(responseEffects(model, noColumn, Float32Array.from([0.2]), 1)).every((e) => e === 0)).toBe(true)
  })

  test('the summary says assumed and carries the prior', () => {
    const prior = { maxRateMultiplier: 1.2, halfDepth: 0.05 }
    expect(summariseResponse(assumedResponse(prior, true), null)).toEqual({ kind: 'assumed', campaigns: 0, evaluation: null, prior })
  })
})
