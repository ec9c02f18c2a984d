/**
 * The measured response model: a joint fit of the base chance and the
 * per-customer coupon effect from randomised campaign members
 * (likelihood.ts), with κ and the effect penalty chosen by cross-validated
 * held-out likelihood, and a bootstrap ensemble for the planner's cautious
 * quantile.
 */
import { createRng, deriveSeed } from '../../ml/random'
import { applyStandardisation } from '../../ml/standardise'
import { effectColumns, responseStandardisation } from './design'
import { DEFAULT_PRIOR, depthShare, KAPPA_GRID } from './effect-law'
import { HETEROGENEITY_SCORE, HETEROGENEITY_TILT, multipliers } from './heterogeneity'
import { minimise } from './lbfgs'
import { baseEta, dataLayout, effectObjective, memberLogLikelihood, effectTheta, objective, type FitData, type Penalties } from './likelihood'
import { bootstrapWeights, stratifiedFolds } from './strata'
import type { FitOptions, MemberWithFeatures, ResponseHeterogeneity, ResponseModel, ResponseSample } from './types'

export const DEFAULT_SAMPLES = 8
/** Prior precision on the base weights β (sd 1 per standardised feature). */
export const DEFAULT_L2_BASE = 1
/**
 * Prior precision on the effect slopes when no choice is made (a single
 * `l2Effect`, or too few members to cross-validate): sd 0.5.
 */
export const DEFAULT_L2_EFFECT = 4
/**
 * Candidate precisions on the effect slopes, from "the features may move θ
 * a lot" (sd 1) to "θ is the shop's average effect" (∞: no slopes at all, one θ per shop, so
 * the model degrades to the shop-average effect per depth). The choice is
 * an empirical-Bayes one: the precision whose fits predict held-out treated
 * members best.
 */
export const L2_EFFECT_GRID: readonly number[] = [1, 4, 16, 64, 256, Number.POSITIVE_INFINITY]
/** Prior precision on the effect intercept (the shop-average θ): sd 1, free to be learnt. */
export const L2_INTERCEPT = 1
/** Folds of the hyperparameter choice. */
export const CHOICE_FOLDS = 3
/**
 * Cross-validated log-likelihoods within this many nats of the best are a
 * tie: the tie goes to the strongest penalty (the simpler model: nearer the
 * shop-average effect), then to the κ nearest the prior's half depth (a
 * campaign with a single depth cannot tell κ apart).
 */
const TIE_NATS = 1
const DEFAULT_REDEEM_SHARE = 0.9
const MAX_ITERATIONS = 300
/** Bootstrap fits start from the point fit and only need to move as far as the resample pulls them. */
const BOOTSTRAP_ITERATIONS = 100

/** What the choice picked, and the cross-validated held-out log-likelihood of every grid cell. */
export interface HyperChoice {
  kappa: number
  l2Effect: number
  /** Heterogeneity multiplier (heterogeneity.ts): 0 and 0 = flat. */
  gamma: number
  rho: number
  /** scores[k][l]: summed held-out log-likelihood of treated members at kappaGrid[k], l2EffectGrid[l] (empty when not chosen). */
  scores: number[][]
  /**
   * Heterogeneity cells (one θ for all, scaled by the multiplier) at the chosen κ: summed held-out
   * log-likelihood of ALL members from joint refits, beside the κ / penalty winner's (baseline). Null when no grid.
   */
  heterogeneity: { baseline: number; cells: { gamma: number; rho: number; score: number }[] } | null
}

export interface FitProgress {
  /** Called after every full fit (the choice's per-fold base fits, the point fit, each bootstrap fit); may throw to cancel. */
  onFit?: () => void
  /** Only the point fit as the single sample (evaluation judges the point fit; no bootstrap). */
  pointOnly?: boolean
  /** Reports the hyperparameter choice. */
  onChoice?: (choice: HyperChoice) => void
}

/** Full fits fitMeasuredResponse makes (for progress): the choice's folds, the point fit and the bootstrap. */
export function fitCount(options: FitOptions & FitProgress, members: number): number {
  const choosing = needsChoice(options) && members >= MIN_MEMBERS_TO_CHOOSE
  const cells = choosing ? Math.max(0, new Set([0, ...gammaGrid(options)]).size * new Set([0, ...rhoGrid(options)]).size - 1) : 0
  return (choosing ? CHOICE_FOLDS * (1 + (cells > 0 ? cells + 1 : 0)) : 0) + 1 + (options.pointOnly ? 0 : (options.samples ?? DEFAULT_SAMPLES))
}

/** Fewer members than this: no cross-validated choice (prior κ, DEFAULT_L2_EFFECT). */
const MIN_MEMBERS_TO_CHOOSE = 40

function needsChoice(options: FitOptions): boolean {
  return (
    (options.kappaGrid ?? KAPPA_GRID).length > 1 ||
    (options.l2Effect === undefined && L2_EFFECT_GRID.length > 1) ||
    gammaGrid(options).length > 1 ||
    rhoGrid(options).length > 1
  )
}

/**
 * The heterogeneity grids: [0] (flat) unless the caller passes candidates
 * (GAMMA_GRID / RHO_GRID in heterogeneity.ts). learnResponse passes
 * GAMMA_GRID; ρ stays off (on the sample shop it never beat γ alone;
 * docs/planning.md, "Response model").
 */
function gammaGrid(options: FitOptions): readonly number[] {
  return options.gammaGrid ?? [0]
}

function rhoGrid(options: FitOptions): readonly number[] {
  return options.rhoGrid ?? [0]
}

/** Model columns of the heterogeneity score and tilt (−1 when the fit's features lack them). */
interface HeterogeneityColumns {
  score: number
  tilt: number
}

/** (γ, ρ) cells besides the flat one; a grid whose column is missing collapses to 0. */
function heterogeneityCells(options: FitOptions, columns: HeterogeneityColumns): { gamma: number; rho: number }[] {
  const gammas = columns.score >= 0 ? [...new Set([0, ...gammaGrid(options)])] : [0]
  const rhos = columns.tilt >= 0 ? [...new Set([0, ...rhoGrid(options)])] : [0]
  return gammas.flatMap((gamma) => rhos.map((rho) => ({ gamma, rho }))).filter((c) => c.gamma !== 0 || c.rho !== 0)
}

export function fitMeasuredResponse(members: readonly MemberWithFeatures[], options: FitOptions & FitProgress): ResponseModel {
  if (members.length === 0) throw new Error('fitMeasuredResponse: no campaign members')
  const names = [...options.featureNames]
  const p = names.length
  const raw = new Float64Array(members.length * p)
  members.forEach((m, i) => {
    if (m.features.length !== p) throw new Error(`member ${i}: ${m.features.length} features, expected ${p}`)
    for (let j = 0; j < p; j++) raw[i * p + j] = m.features[j]
  })
  const standardisation = responseStandardisation(raw, names)
  const campaignIds = [...new Set(members.map((m) => m.campaignId))].sort((a, b) => a - b)
  const z = applyStandardisation(raw, standardisation)
  const data = fitData(members, z, p, campaignIds, effectColumns(names, options.effectFeatures))
  const hetColumns: HeterogeneityColumns = { score: names.indexOf(HETEROGENEITY_SCORE), tilt: names.indexOf(HETEROGENEITY_TILT) }
  const preferredKappa = options.kappaPrior ?? DEFAULT_PRIOR.halfDepth
  const kappaGrid = options.kappaGrid ?? [...KAPPA_GRID]
  const l2Grid = options.l2Effect !== undefined ? [options.l2Effect] : [...L2_EFFECT_GRID]
  const base = options.l2Base ?? DEFAULT_L2_BASE
  const choice =
    needsChoice(options) && members.length >= MIN_MEMBERS_TO_CHOOSE
      ? chooseHyper(members, data, kappaGrid, l2Grid, heterogeneityCells(options, hetColumns), hetColumns, base, preferredKappa, options)
      : { kappa: nearest(kappaGrid, preferredKappa), l2Effect: options.l2Effect ?? DEFAULT_L2_EFFECT, gamma: 0, rho: 0, scores: [], heterogeneity: null }
  options.onChoice?.(choice)
  const kappa = choice.kappa
  const penalties: Penalties = { base, effect: choice.l2Effect, intercept: L2_INTERCEPT }
  if (!Number.isFinite(choice.l2Effect)) {
    // One θ for everyone: the effect reads no column.
    data.effectColumns = new Int32Array(0)
    penalties.effect = 0
  }

  let heterogeneity: ResponseHeterogeneity | undefined
  let multiplier: Float64Array | undefined
  if (choice.gamma !== 0 || choice.rho !== 0) {
    const scaled = multipliers(data.z, data.n, p, hetColumns.score, hetColumns.tilt, choice.gamma, choice.rho)
    multiplier = scaled.m
    heterogeneity = { score: HETEROGENEITY_SCORE, gamma: choice.gamma, tilt: HETEROGENEITY_TILT, rho: choice.rho, norm: scaled.norm }
  }
  setDepthShares(data, members, kappa, multiplier)
  data.weight.fill(1)
  const point = fit(data, penalties, initialParams(data))
  options.onFit?.()
  const samples: ResponseSample[] = []
  if (options.pointOnly) samples.push(toSample(point, data))
  else {
    const sampleCount = options.samples ?? DEFAULT_SAMPLES
    for (let s = 0; s < sampleCount; s++) {
      data.weight = bootstrapWeights(members, createRng(deriveSeed(options.seed, `bootstrap ${s}`)))
      samples.push(toSample(fit(data, penalties, point, BOOTSTRAP_ITERATIONS), data))
      options.onFit?.()
    }
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
    ...(heterogeneity ? { heterogeneity } : {}),
  }
}

function fitData(members: readonly MemberWithFeatures[], z: Float32Array, p: number, campaignIds: number[], effect: number[]): FitData {
  const index = new Map(campaignIds.map((id, i) => [id, i]))
  const n = members.length
  return {
    n,
    z: Float64Array.from(z),
    p,
    effectColumns: Int32Array.from(effect),
    campaignIndex: Int32Array.from(members, (m) => index.get(m.campaignId) as number),
    campaigns: campaignIds.length,
    logWindow: Float64Array.from(members, (m) => Math.log(Math.max(1, m.windowDays) / 14)),
    g: new Float64Array(n),
    treated: Uint8Array.from(members, (m) => (m.arm === 'treatment' ? 1 : 0)),
    y: Uint8Array.from(members, (m) => (m.converted ? 1 : 0)),
    weight: new Float64Array(n).fill(1),
  }
}

/** g_i = depth share at κ (times the heterogeneity multiplier when given) for treated members, 0 for control. */
function setDepthShares(data: FitData, members: readonly MemberWithFeatures[], kappa: number, multiplier?: Float64Array): void {
  members.forEach((m, i) => {
    data.g[i] = m.arm === 'treatment' ? depthShare(m.depth, kappa) * (multiplier ? multiplier[i] : 1) : 0
  })
}

/** Campaign intercepts at each campaign's control (else overall) conversion rate; everything else 0 = "no effect". */
function initialParams(data: FitData): Float64Array {
  const L = dataLayout(data)
  const params = new Float64Array(L.size)
  const conversions = new Float64Array(data.campaigns)
  const counts = new Float64Array(data.campaigns)
  for (let i = 0; i < data.n; i++) {
    if (data.g[i] !== 0 || data.weight[i] === 0) continue
    conversions[data.campaignIndex[i]] += data.y[i]
    counts[data.campaignIndex[i]] += 1
  }
  for (let c = 0; c < data.campaigns; c++) {
    const rate = (conversions[c] + 0.5) / (counts[c] + 1)
    params[L.campaign + c] = Math.log(rate / (1 - rate))
  }
  return params
}

function fit(data: FitData, penalties: Penalties, start: Float64Array, maxIterations = MAX_ITERATIONS): Float64Array {
  return minimise(objective(data, penalties), start, { maxIterations, gradientTolerance: 1e-3, relativeTolerance: 1e-7 }).x
}

/**
 * κ and the effect-slope precision by CHOICE_FOLDS-fold cross-validation:
 * per fold, one full fit on the other folds (at the prior κ and the
 * strongest penalty) gives every member's base η; then, with η held, the
 * effect alone is refitted for every grid cell (cheap: q + 1 parameters) and
 * scored by the log-likelihood of the fold's treated members. Control
 * members' likelihood does not depend on the effect, so the choice reads the
 * depth arms against the base: κ from how the lift grows across depths, the
 * precision from whether the features' θ predicts better than one θ for all.
 *
 * Then, when heterogeneity cells are asked for (γ / ρ grids), each cell is
 * judged against that winner by JOINT refits on the same folds (base and
 * effect together), scored on all the fold's held-out members. The cheap
 * η-held scoring cannot judge them: a base fitted beside one θ for all
 * absorbs the part of the lift that tracks the score (the score is also a
 * base feature, and most members are treated), so with η held the multiplier
 * counts that lift twice and always loses (a γ = 2 synthetic scored 60 nats
 * below flat that way). A cell wins only by more than TIE_NATS.
 */
function chooseHyper(
  members: readonly MemberWithFeatures[],
  data: FitData,
  kappaGrid: number[],
  l2Grid: number[],
  cells: { gamma: number; rho: number }[],
  columns: HeterogeneityColumns,
  l2Base: number,
  preferredKappa: number,
  options: FitOptions & FitProgress,
): HyperChoice {
  const folds = stratifiedFolds(members, CHOICE_FOLDS, createRng(deriveSeed(options.seed, 'choice folds')))
  const q = data.effectColumns.length
  const scores = kappaGrid.map(() => l2Grid.map(() => 0))
  const eta = new Float64Array(data.n)
  // The base is fitted with the simplest effect (the strongest penalty): a base fitted beside a
  // flexible θ leans on it, and held fixed it would then favour that flexibility.
  const strongest = Math.max(...l2Grid)
  const baseData = Number.isFinite(strongest) ? data : { ...data, effectColumns: new Int32Array(0) }
  const basePenalties: Penalties = { base: l2Base, effect: Number.isFinite(strongest) ? strongest : 0, intercept: L2_INTERCEPT }
  for (let f = 0; f < CHOICE_FOLDS; f++) {
    for (let i = 0; i < data.n; i++) data.weight[i] = folds[i] === f ? 0 : 1
    setDepthShares(data, members, nearest(kappaGrid, preferredKappa))
    const params = fit(baseData, basePenalties, initialParams(baseData))
    options.onFit?.()
    for (let i = 0; i < data.n; i++) eta[i] = baseEta(data, params, i)
    kappaGrid.forEach((kappa, k) => {
      setDepthShares(data, members, kappa)
      let w: Float64Array = new Float64Array(q + 1)
      // Strongest penalty first; each fit warm-starts the next, weaker one.
      const order = l2Grid.map((_, l) => l).sort((a, b) => l2Grid[b] - l2Grid[a])
      for (const l of order) {
        const finite = Number.isFinite(l2Grid[l])
        const penalties: Penalties = { base: l2Base, effect: finite ? l2Grid[l] : 0, intercept: L2_INTERCEPT }
        const cell = finite ? data : { ...data, effectColumns: new Int32Array(0) }
        const w0 = minimise(effectObjective(cell, eta, penalties), finite ? w : w.subarray(0, 1), { maxIterations: 200, gradientTolerance: 1e-5 }).x
        if (finite) w = w0
        else w = Float64Array.from({ length: q + 1 }, (_, j) => (j === 0 ? w0[0] : 0))
        let logLik = 0
        for (let i = 0; i < data.n; i++) {
          if (folds[i] !== f || data.g[i] === 0) continue
          logLik += memberLogLikelihood(eta[i], data.g[i] * effectTheta(data, w, 0, i), data.y[i] === 1)
        }
        scores[k][l] += logLik
      }
    })
  }
  data.weight.fill(1)
  const best = Math.max(...scores.flat())
  let choice = { kappa: kappaGrid[0], l2Effect: l2Grid[0] }
  let rank: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]
  kappaGrid.forEach((kappa, k) => {
    l2Grid.forEach((l2, l) => {
      if (scores[k][l] < best - TIE_NATS) return
      const candidate: [number, number] = [-l2, Math.abs(Math.log(kappa / preferredKappa))]
      if (candidate[0] < rank[0] || (candidate[0] === rank[0] && candidate[1] < rank[1])) {
        rank = candidate
        choice = { kappa, l2Effect: l2 }
      }
    })
  })
  if (cells.length === 0) return { ...choice, gamma: 0, rho: 0, scores, heterogeneity: null }

  // Heterogeneity: joint refits at the chosen κ, the winner against every cell, on the same folds.
  const cellMultipliers = cells.map((c) => multipliers(data.z, data.n, data.p, columns.score, columns.tilt, c.gamma, c.rho).m)
  const flatData: FitData = { ...data, effectColumns: new Int32Array(0), g: new Float64Array(data.n) }
  const winnerFinite = Number.isFinite(choice.l2Effect)
  const winnerData = winnerFinite ? data : flatData
  const winnerPenalties: Penalties = { base: l2Base, effect: winnerFinite ? choice.l2Effect : 0, intercept: L2_INTERCEPT }
  const cellPenalties: Penalties = { base: l2Base, effect: 0, intercept: L2_INTERCEPT }
  const heldOut = (cell: FitData, params: Float64Array, f: number): number => {
    const wAt = dataLayout(cell).w
    let logLik = 0
    for (let i = 0; i < data.n; i++) {
      if (folds[i] !== f) continue
      logLik += memberLogLikelihood(baseEta(cell, params, i), cell.g[i] * effectTheta(cell, params, wAt, i), data.y[i] === 1)
    }
    return logLik
  }
  let baseline = 0
  const cellScores = cells.map(() => 0)
  for (let f = 0; f < CHOICE_FOLDS; f++) {
    for (let i = 0; i < data.n; i++) data.weight[i] = folds[i] === f ? 0 : 1
    setDepthShares(data, members, choice.kappa)
    flatData.g.set(data.g)
    const winner = fit(winnerData, winnerPenalties, initialParams(winnerData))
    options.onFit?.()
    baseline += heldOut(winnerData, winner, f)
    cells.forEach((_, c) => {
      const m = cellMultipliers[c]
      for (let i = 0; i < data.n; i++) flatData.g[i] = data.g[i] * m[i]
      const params = fit(flatData, cellPenalties, initialParams(flatData))
      options.onFit?.()
      cellScores[c] += heldOut(flatData, params, f)
    })
  }
  data.weight.fill(1)
  // The best cell by more than TIE_NATS; ties among cells go to the fewest nonzero of γ, ρ, then the smallest.
  let het = { gamma: 0, rho: 0 }
  let hetRank: number[] | null = null
  const bestCell = Math.max(...cellScores)
  if (bestCell > baseline + TIE_NATS) {
    cells.forEach((c, j) => {
      if (cellScores[j] < bestCell - TIE_NATS) return
      const candidate = [(c.gamma !== 0 ? 1 : 0) + (c.rho !== 0 ? 1 : 0), Math.abs(c.gamma) + Math.abs(c.rho)]
      if (hetRank === null || lexicographicLess(candidate, hetRank)) {
        hetRank = candidate
        het = c
      }
    })
  }
  const heterogeneous = het.gamma !== 0 || het.rho !== 0
  return {
    kappa: choice.kappa,
    // A multiplier cell has no slopes: one θ for all, scaled.
    l2Effect: heterogeneous ? Number.POSITIVE_INFINITY : choice.l2Effect,
    ...het,
    scores,
    heterogeneity: { baseline, cells: cells.map((c, j) => ({ ...c, score: cellScores[j] })) },
  }
}

function lexicographicLess(a: number[], b: number[]): boolean {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j] < b[j]
  return false
}

function nearest(grid: readonly number[], value: number): number {
  return grid.reduce((a, b) => (Math.abs(Math.log(b / value)) < Math.abs(Math.log(a / value)) ? b : a))
}

/** A fit's parameters as a sample: w over all p features (0 outside the effect columns), the base for evaluation. */
function toSample(params: Float64Array, data: FitData): ResponseSample {
  const L = dataLayout(data)
  const w = new Array<number>(data.p + 1).fill(0)
  w[0] = params[L.w]
  data.effectColumns.forEach((j, k) => {
    w[j + 1] = params[L.w + 1 + k]
  })
  return {
    w,
    base: {
      beta: Array.from(params.subarray(L.beta, L.beta + data.p)),
      campaign: Array.from(params.subarray(L.campaign, L.campaign + data.campaigns)),
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
