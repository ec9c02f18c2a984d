/**
 * Held-out evaluation of the measured response model: fit on part of the
 * campaign members, judge the ranking by predicted uplift on the others
 * (never seen in fitting, κ choice included).
 */
import { qiniCoefficient, qiniCurve, auuc, upliftAt, overallUplift, resampleCurve } from '../../evaluation/uplift'
import { createRng, deriveSeed } from '../../ml/random'
import type { UpliftEvaluation } from '../planner-api'
import { fitMeasuredResponse } from './fit-measured'
import { predictMembers } from './predict'
import { stratifiedSplit } from './strata'
import type { FitOptions, MemberWithFeatures } from './types'

export interface EvaluateOptions extends FitOptions {
  /** Share of each campaign × arm held out (default 0.3). */
  heldOutShare?: number
}

export const UPLIFT_SHARES: readonly number[] = [0.1, 0.2, 0.3]
/** Chart resolution of the Qini curves. */
const CURVE_POINTS = 51
/** Depth levels are rounded to this grid (2.5 points) so fixed-amount offers, whose depth varies by customer, still group. */
const DEPTH_STEP = 0.025

/**
 * The depth each member is scored at: a treated member's own offer, a
 * control member's would-be offer when the row says, else the median depth
 * of their campaign's treated members (the offer they would typically have got).
 */
export function scoringDepths(members: readonly MemberWithFeatures[]): Float64Array {
  const byCampaign = new Map<number, number[]>()
  for (const m of members) {
    if (m.arm !== 'treatment') continue
    const list = byCampaign.get(m.campaignId) ?? []
    list.push(m.depth)
    byCampaign.set(m.campaignId, list)
  }
  const medians = new Map([...byCampaign].map(([id, depths]) => [id, median(depths)]))
  return Float64Array.from(members, (m) => (m.arm === 'treatment' || m.depth > 0 ? m.depth : (medians.get(m.campaignId) ?? 0)))
}

export function evaluateResponse(members: readonly MemberWithFeatures[], options: EvaluateOptions): UpliftEvaluation {
  const split = stratifiedSplit(members, options.heldOutShare ?? 0.3, createRng(deriveSeed(options.seed, 'evaluation split')))
  const train = split.train.map((i) => members[i])
  const held = split.heldOut.map((i) => members[i])
  if (train.length === 0 || held.length === 0) throw new Error('evaluateResponse: too few members to hold some out')
  const model = fitMeasuredResponse(train, options)
  const depths = scoringDepths(members)
  const heldDepths = split.heldOut.map((i) => depths[i])
  const predictions = predictMembers(model, held, heldDepths)
  const scores = predictions.map((p) => p.with - p.without)
  const treated = held.map((m) => m.arm === 'treatment')
  const converted = held.map((m) => m.converted)

  const shares = Array.from({ length: CURVE_POINTS }, (_, i) => i / (CURVE_POINTS - 1))
  const modelCurve = qiniCurve(scores, treated, converted)
  const total = modelCurve.length > 0 ? modelCurve[modelCurve.length - 1].gain : 0
  const random = overallUplift(treated, converted)
  return {
    trainMembers: train.length,
    heldOutMembers: held.length,
    qiniCoefficient: qiniCoefficient(scores, treated, converted),
    auuc: auuc(scores, treated, converted),
    qini: [
      { name: 'model', points: resampleCurve(modelCurve, shares) },
      { name: 'random', points: shares.map((share) => ({ share, gain: share * total })) },
    ],
    upliftAt: UPLIFT_SHARES.map((share) => ({ share, model: upliftAt(scores, treated, converted, share), random })),
    perDepth: perDepth(held, heldDepths, scores),
  }
}

/**
 * Predicted vs observed lift per depth level, on held-out treated members.
 * Observed: each campaign's treated rate at that level minus its own
 * control rate, weighted by the level's treated members per campaign (the
 * control arm is shared by a campaign's levels). Predicted: the mean
 * predicted uplift of those treated members.
 */
function perDepth(held: readonly MemberWithFeatures[], depths: ArrayLike<number>, scores: number[]): UpliftEvaluation['perDepth'] {
  const control = new Map<number, { n: number; y: number }>()
  held.forEach((m) => {
    if (m.arm !== 'control') return
    const c = control.get(m.campaignId) ?? { n: 0, y: 0 }
    c.n++
    if (m.converted) c.y++
    control.set(m.campaignId, c)
  })
  const levels = new Map<number, Map<number, { n: number; y: number; predicted: number }>>()
  held.forEach((m, i) => {
    if (m.arm !== 'treatment' || !control.has(m.campaignId)) return
    const level = Math.round(depths[i] / DEPTH_STEP) * DEPTH_STEP
    const byCampaign = levels.get(level) ?? new Map()
    const cell = byCampaign.get(m.campaignId) ?? { n: 0, y: 0, predicted: 0 }
    cell.n++
    if (m.converted) cell.y++
    cell.predicted += scores[i]
    byCampaign.set(m.campaignId, cell)
    levels.set(level, byCampaign)
  })
  return [...levels.keys()]
    .sort((a, b) => a - b)
    .map((level) => {
      let members = 0
      let predicted = 0
      let observed = 0
      for (const [campaignId, cell] of levels.get(level) as Map<number, { n: number; y: number; predicted: number }>) {
        const c = control.get(campaignId) as { n: number; y: number }
        members += cell.n
        predicted += cell.predicted
        observed += cell.y - (cell.n * c.y) / c.n
      }
      return { depth: Number(level.toFixed(4)), members, predictedLift: predicted / members, observedLift: observed / members }
    })
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
