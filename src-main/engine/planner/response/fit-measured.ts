/**
 * The measured response model: a joint fit of the base chance and the
 * per-customer coupon effect from randomised campaign members
 * (likelihood.ts), κ chosen on held-out likelihood, and a bootstrap
 * ensemble for the planner's cautious quantile.
 */
import { createRng, deriveSeed } from '../../ml/random'
import { applyStandardisation, fitStandardisation } from '../../ml/standardise'
import { DEFAULT_PRIOR, depthShare, KAPPA_GRID } from './effect-law'
import { minimise } from './lbfgs'
import { layout, memberLogLikelihood, objective, predictors, type FitData, type Penalties } from './likelihood'
import { bootstrapWeights, stratifiedSplit } from './strata'
import type { FitOptions, MemberWithFeatures, ResponseModel, ResponseSample } from './types'

export const DEFAULT_SAMPLES = 8
/**
 * Prior precisions on the total log-likelihood. The effect's is 4× the
 * base's (prior sd 0.5 vs 1 per standardised feature): with few treated
 * members θ stays near "does nothing" rather than chasing noise.
 */
export const DEFAULT_L2_BASE = 1
export const DEFAULT_L2_EFFECT = 4
/** Share of the fit's members held out to choose κ. */
const KAPPA_VALIDATION_SHARE = 0.25
/**
 * Held-out log-likelihoods within this many nats of the best are a tie
 * (e.g. a campaign with a single depth cannot tell κ apart): the tie goes
 * to the κ nearest the prior's half depth.
 */
const KAPPA_TIE_NATS = 1
const DEFAULT_REDEEM_SHARE = 0.9

export function fitMeasuredResponse(members: readonly MemberWithFeatures[], options: FitOptions): ResponseModel {
  if (members.length === 0) throw new Error('fitMeasuredResponse: no campaign members')
  const names = [...options.featureNames]
  const p = names.length
  const raw = new Float64Array(members.length * p)
  members.forEach((m, i) => {
    if (m.features.length !== p) throw new Error(`member ${i}: ${m.features.length} features, expected ${p}`)
    for (let j = 0; j < p; j++) raw[i * p + j] = m.features[j]
  })
  const standardisation = fitStandardisation(raw, p)
  const campaignIds = [...new Set(members.map((m) => m.campaignId))].sort((a, b) => a - b)
  const penalties: Penalties = { base: options.l2Base ?? DEFAULT_L2_BASE, effect: options.l2Effect ?? DEFAULT_L2_EFFECT }
  const data = fitData(members, applyStandardisation(raw, standardisation), p, campaignIds)
  const grid = options.kappaGrid ?? [...KAPPA_GRID]
  const kappa = grid.length === 1 ? grid[0] : chooseKappa(members, data, grid, penalties, options)

  setDepthShares(data, members, kappa)
  const point = fit(data, penalties, initialParams(data))
  const sampleCount = options.samples ?? DEFAULT_SAMPLES
  const samples: ResponseSample[] = []
  for (let s = 0; s < sampleCount; s++) {
    data.weight = bootstrapWeights(members, createRng(deriveSeed(options.seed, `bootstrap ${s}`)))
    samples.push(toSample(fit(data, penalties, point), p, campaignIds.length))
  }
  return {
    kind: 'measured',
    featureNames: names,
    standardisation,
    kappa,
    samples,
    redeemShare: redeemShare(members),
    campaigns: campaignIds.length,
    campaignIds,
    prior: null,
  }
}

function fitData(members: readonly MemberWithFeatures[], z: Float32Array, p: number, campaignIds: number[]): FitData {
  const index = new Map(campaignIds.map((id, i) => [id, i]))
  const n = members.length
  return {
    n,
    z: Float64Array.from(z),
    p,
    campaignIndex: Int32Array.from(members, (m) => index.get(m.campaignId) as number),
    campaigns: campaignIds.length,
    logWindow: Float64Array.from(members, (m) => Math.log(Math.max(1, m.windowDays) / 14)),
    g: new Float64Array(n),
    y: Uint8Array.from(members, (m) => (m.converted ? 1 : 0)),
    weight: new Float64Array(n).fill(1),
  }
}

function setDepthShares(data: FitData, members: readonly MemberWithFeatures[], kappa: number): void {
  members.forEach((m, i) => {
    data.g[i] = m.arm === 'treatment' ? depthShare(m.depth, kappa) : 0
  })
}

/** Campaign intercepts at each campaign's control (else overall) conversion rate; everything else 0 = "no effect". */
function initialParams(data: FitData): Float64Array {
  const L = layout(data.p, data.campaigns)
  const params = new Float64Array(L.size)
  const conversions = new Float64Array(data.campaigns)
  const counts = new Float64Array(data.campaigns)
  for (let i = 0; i < data.n; i++) {
    if (data.g[i] !== 0) continue
    conversions[data.campaignIndex[i]] += data.y[i]
    counts[data.campaignIndex[i]] += 1
  }
  for (let c = 0; c < data.campaigns; c++) {
    const rate = (conversions[c] + 0.5) / (counts[c] + 1)
    params[L.campaign + c] = Math.log(rate / (1 - rate))
  }
  return params
}

function fit(data: FitData, penalties: Penalties, start: Float64Array): Float64Array {
  return minimise(objective(data, penalties), start, { maxIterations: 400 }).x
}

function chooseKappa(members: readonly MemberWithFeatures[], data: FitData, grid: number[], penalties: Penalties, options: FitOptions): number {
  const { heldOut } = stratifiedSplit(members, KAPPA_VALIDATION_SHARE, createRng(deriveSeed(options.seed, 'kappa split')))
  const held = new Set(heldOut)
  const scores = grid.map((kappa) => {
    setDepthShares(data, members, kappa)
    data.weight = Float64Array.from(members, (_, i) => (held.has(i) ? 0 : 1))
    const params = fit(data, penalties, initialParams(data))
    let logLik = 0
    for (const i of heldOut) {
      const { eta, theta } = predictors(data, params, i)
      logLik += memberLogLikelihood(eta, data.g[i] * theta, data.y[i] === 1)
    }
    return logLik
  })
  data.weight = new Float64Array(members.length).fill(1)
  const best = Math.max(...scores)
  const preferred = options.kappaPrior ?? DEFAULT_PRIOR.halfDepth
  let choice = grid[0]
  let distance = Number.POSITIVE_INFINITY
  grid.forEach((kappa, k) => {
    const d = Math.abs(Math.log(kappa / preferred))
    if (scores[k] >= best - KAPPA_TIE_NATS && d < distance) {
      choice = kappa
      distance = d
    }
  })
  return choice
}

function toSample(params: Float64Array, p: number, campaigns: number): ResponseSample {
  const L = layout(p, campaigns)
  return {
    w: Array.from(params.subarray(L.w, L.w + p + 1)),
    base: {
      beta: Array.from(params.subarray(L.beta, L.beta + p)),
      campaign: Array.from(params.subarray(L.campaign, L.campaign + campaigns)),
      window: params[L.window],
    },
  }
}

/**
 * Redemptions per converted treated member. A campaign where no converted
 * member is marked redeemed is read as "codes not recorded" (a coupon nobody
 * who bought used is implausible) and left out; no evidence → 0.9.
 */
export function redeemShare(members: readonly MemberWithFeatures[]): number {
  const byCampaign = new Map<number, { converted: number; redeemed: number }>()
  for (const m of members) {
    if (m.arm !== 'treatment' || !(m.depth > 0) || !m.converted || m.redeemed === null) continue
    const entry = byCampaign.get(m.campaignId) ?? { converted: 0, redeemed: 0 }
    entry.converted++
    if (m.redeemed) entry.redeemed++
    byCampaign.set(m.campaignId, entry)
  }
  let converted = 0
  let redeemed = 0
  for (const entry of byCampaign.values()) {
    if (entry.redeemed === 0) continue
    converted += entry.converted
    redeemed += entry.redeemed
  }
  return converted > 0 ? redeemed / converted : DEFAULT_REDEEM_SHARE
}
