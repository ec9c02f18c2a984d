import { beforeAll, describe, expect, test } from 'vitest'
import type { FeatureSet } from '../../../src-main/engine/features/types'
import {
  evaluateResponse,
  fitMeasuredResponse,
  responseEffects,
  summariseResponse,
  type ResponseModel,
} from '../../../src-main/engine/planner/response'
import type { UpliftEvaluation } from '../../../src-main/engine/planner/planner-api'
import { DEPTHS, SYNTHETIC_NAMES, syntheticMembers } from './synthetic'

/** Customers at chosen discount_sensitivity, average on everything else (noise columns left out: mapped by name). */
function featureSet(sensitivities: number[]): FeatureSet {
  const names = ['aov', 'discount_sensitivity', 'frequency', 'recency_days']
  return {
    cutoff: '2024-06-01',
    customerIds: Int32Array.from(sensitivities, (_, i) => i + 1),
    names,
    values: Float32Array.from(sensitivities.flatMap((s) => [60, s, 4, 150])),
  }
}

const members = syntheticMembers({ seed: 7, customers: 4000 })
let model: ResponseModel
let evaluation: UpliftEvaluation

beforeAll(() => {
  model = fitMeasuredResponse(members, { featureNames: SYNTHETIC_NAMES, seed: 11 })
  evaluation = evaluateResponse(members, { featureNames: SYNTHETIC_NAMES, seed: 11 })
}, 60_000)

describe('measured response model on members drawn from a known law', () => {
  test('held-out ranking by predicted uplift beats random targeting clearly', () => {
    // Cross-fitted: every member is scored by a model fitted without its fold.
    expect(evaluation.heldOutMembers).toBe(members.length)
    expect(evaluation.trainMembers).toBeCloseTo((members.length * 2) / 3, -1)
    // Random targeting has an expected coefficient of 0; the law's spread makes ~0.03 reachable.
    expect(evaluation.qiniCoefficient).toBeGreaterThan(0.015)
    for (const at of evaluation.upliftAt) expect(at.model).toBeGreaterThan(at.random + 0.1)
    const curve = evaluation.qini.find((c) => c.name === 'model')?.points ?? []
    const random = evaluation.qini.find((c) => c.name === 'random')?.points ?? []
    expect(curve.length).toBe(random.length)
    expect(curve[0]).toEqual({ share: 0, gain: 0 })
    // At 30 % targeted the model's incremental conversions are above the random line.
    const at30 = curve.findIndex((p) => p.share >= 0.3)
    expect(curve[at30].gain).toBeGreaterThan(random[at30].gain + 0.01)
  })

  test('per-depth lift: one row per offered level, held-out treated members only', () => {
    expect(evaluation.perDepth.map((d) => d.depth)).toEqual(DEPTHS)
    const heldTreated = evaluation.perDepth.reduce((a, d) => a + d.members, 0)
    expect(heldTreated).toBeGreaterThan(0.6 * evaluation.heldOutMembers)
    expect(heldTreated).toBeLessThan(0.8 * evaluation.heldOutMembers)
    for (const d of evaluation.perDepth) expect(Math.abs(d.predictedLift - d.observedLift)).toBeLessThan(0.1)
  })

  test('effects rise with depth and saturate for responsive customers', () => {
    const depths = [0.02, 0.05, 0.1, 0.2, 0.4, 0.8]
    const set = featureSet([0.9])
    const effects = responseEffects(model, set, Float32Array.from(depths), depths.length)
    const S = model.samples.length
    const mean = depths.map((_, k) => effects.slice(k * S, (k + 1) * S).reduce((a, b) => a + b, 0) / S)
    for (let k = 1; k < depths.length; k++) expect(mean[k]).toBeGreaterThan(mean[k - 1])
    expect(mean[0]).toBeGreaterThan(0)
    // Saturation: doubling 40 % → 80 % adds far less than going from 2 % to 10 %.
    expect(mean[5] - mean[4]).toBeLessThan(0.25 * (mean[2] - mean[0]))
    expect(model.kappa).toBeLessThanOrEqual(0.15)
  })

  test('customers whom a coupon harms get negative effects, in every sample', () => {
    const set = featureSet([0.05, 0.5, 0.95])
    const effects = responseEffects(model, set, Float32Array.from([0.15, 0.15, 0.15]), 1)
    const S = model.samples.length
    const harmed = effects.slice(0, S)
    const helped = effects.slice(2 * S, 3 * S)
    for (const e of harmed) expect(e).toBeLessThan(0)
    for (const e of helped) expect(e).toBeGreaterThan(0)
    // The middle group (true θ = 0) sits between them and much nearer 0 than either.
    const middle = effects.slice(S, 2 * S).reduce((a, b) => a + b, 0) / S
    expect(Math.abs(middle)).toBeLessThan(0.5 * Math.abs(helped.reduce((a, b) => a + b, 0) / S))
  })

  test('no depth, no effect', () => {
    const effects = responseEffects(model, featureSet([0.9, 0.1]), Float32Array.from([0, 0]), 1)
    expect(Array.from(effects).every((e) => e === 0)).toBe(true)
  })

  test('layout: index (i*K + k)*S + s', () => {
    const set = featureSet([0.1, 0.9])
    const K = 2
    const S = model.samples.length
    const effects = responseEffects(model, set, Float32Array.from([0.05, 0.2, 0.05, 0.2]), K)
    expect(effects.length).toBe(2 * K * S)
    const single = responseEffects(model, featureSet([0.9]), Float32Array.from([0.2]), 1)
    for (let s = 0; s < S; s++) expect(effects[(1 * K + 1) * S + s]).toBeCloseTo(single[s], 6)
  })

  test('the bootstrap samples differ, the model serialises, and the summary says measured', () => {
    expect(model.samples.length).toBe(8)
    const slopes = model.samples.map((s) => s.w[1])
    expect(new Set(slopes).size).toBe(8)
    expect(Math.max(...slopes) - Math.min(...slopes)).toBeGreaterThan(0.01)
    const copy = JSON.parse(JSON.stringify(model)) as ResponseModel
    const depth = Float32Array.from([0.1])
    expect(Array.from(responseEffects(copy, featureSet([0.7]), depth, 1))).toEqual(Array.from(responseEffects(model, featureSet([0.7]), depth, 1)))
    expect(model.campaigns).toBe(2)
    // 80 % of converted treated members redeemed in the synthetic law.
    expect(model.redeemShare).toBeGreaterThan(0.7)
    expect(model.redeemShare).toBeLessThan(0.9)
    const summary = summariseResponse(model, evaluation)
    expect(summary).toEqual({ kind: 'measured', campaigns: 2, evaluation, prior: null })
  })

  test('deterministic for a seed; another seed draws other samples', () => {
    const again = fitMeasuredResponse(members, { featureNames: SYNTHETIC_NAMES, seed: 11 })
    expect(again).toEqual(model)
    const other = fitMeasuredResponse(members, { featureNames: SYNTHETIC_NAMES, seed: 12 })
    expect(other.samples[0].w).not.toEqual(model.samples[0].w)
  })
})

test('a law without any coupon effect gives a model without much effect', () => {
  const noEffect = syntheticMembers({ seed: 3, customers: 3000, effectScale: 0 })
  const fitted = fitMeasuredResponse(noEffect, { featureNames: SYNTHETIC_NAMES, seed: 1 })
  const effects = responseEffects(fitted, featureSet([0.05, 0.5, 0.95]), Float32Array.from([0.2, 0.2, 0.2]), 1)
  const S = fitted.samples.length
  for (let i = 0; i < 3; i++) {
    const mean = effects.slice(i * S, (i + 1) * S).reduce((a, b) => a + b, 0) / S
    expect(Math.abs(mean)).toBeLessThan(0.3)
  }
})
