/**
 * Held-out evaluation of the measured response model: fit on part of the
 * campaign members, judge the ranking by predicted uplift on the others
 * (never seen in fitting, κ choice included).
 */
import { qiniCoefficient, qiniCurve, auuc, upliftAt, overallUplift, resampleCurve } from '../../evaluation/uplift'
import { createRng, deriveSeed } from '../../ml/random'
import type { UpliftEvaluation } from '../planner-api'
import { fitMeasuredResponse, fitCount, type FitProgress } from './fit-measured'
import { predictMembers } from './predict'
import { stratifiedFolds, stratifiedSplit } from './strata'
import type { FitOptions, MemberWithFeatures } from './types'

export interface EvaluateOptions extends FitOptions {
  /**
   * Share of each campaign × arm held out in a single split. Absent (the
   * default): cross-fitting over EVALUATION_FOLDS folds, every member scored
   * by the model fitted without its fold.
   */
  heldOutShare?: number
  /** Called after every full fit; may throw to cancel. */
  onFit?: () => void
}

/** Folds of the cross-fitted evaluation. */
export const EVALUATION_FOLDS = 3

/** Full fits evaluateResponse makes (for progress). */
export function evaluationFitCount(options: EvaluateOptions, members: number): number {
  const folds = options.heldOutShare !== undefined ? 1 : EVALUATION_FOLDS
  return folds * fitCount({ ...options, pointOnly: true }, Math.round((members * (folds - 1)) / Math.max(1, folds)) || members)
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

/**
 * Held-out scores: each member's predicted uplift P(with) − P(without) at
 * their scoring depth, from a point fit (κ and penalty choice included)
 * that never saw them. Cross-fitted by default (see EvaluateOptions).
 */
export function evaluateResponse(members: readonly MemberWithFeatures[], options: EvaluateOptions): UpliftEvaluation {
  const depths = scoringDepths(members)
  const fitOptions: FitOptions & FitProgress = { ...options, pointOnly: true }
  const heldIndex: number[] = []
  const scores: number[] = []
  let trainTotal = 0
  let fits = 0
  const scoreFold = (train: number[], heldOut: number[]): void => {
    if (train.length === 0 || heldOut.length === 0) throw new Error('evaluateResponse: too few members to hold some out')
    const model = fitMeasuredResponse(
      train.map((i) => members[i]),
      { ...fitOptions, seed: deriveSeed(options.seed, `evaluation fold ${fits++}`) },
    )
    const predictions = predictMembers(model, heldOut.map((i) => members[i]), heldOut.map((i) => depths[i]))
    heldOut.forEach((i, k) => {
      heldIndex.push(i)
      scores.push(predictions[k].with - predictions[k].without)
    })
    trainTotal += train.length
  }
  if (options.heldOutShare !== undefined) {
    const split = stratifiedSplit(members, options.heldOutShare, createRng(deriveSeed(options.seed, 'evaluation split')))
    scoreFold(split.train, split.heldOut)
  } else {
    const folds = stratifiedFolds(members, EVALUATION_FOLDS, createRng(deriveSeed(options.seed, 'evaluation folds')))
    for (let f = 0; f < EVALUATION_FOLDS; f++) {
      const train: number[] = []
      const heldOut: number[] = []
      members.forEach((_, i) => (folds[i] === f ? heldOut : train).push(i))
      scoreFold(train, heldOut)
    }
  }
  const held = heldIndex.map((i) => members[i])
  const heldDepths = heldIndex.map((i) => depths[i])
  const treated = held.map((m) => m.arm === 'treatment')
  const converted = held.map((m) => m.converted)

  const shares = Array.from({ length: CURVE_POINTS }, (_, i) => i / (CURVE_POINTS - 1))
  const modelCurve = qiniCurve(scores, treated, converted)
  const total = modelCurve.length > 0 ? modelCurve[modelCurve.length - 1].gain : 0
  const random = overallUplift(treated, converted)
  return {
    // Cross-fitted: the members each fold's model learnt from, on average.
    trainMembers: Math.round(trainTotal / Math.max(1, fits)),
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
