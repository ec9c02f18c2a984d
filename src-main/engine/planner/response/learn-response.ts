/**
 * The store-facing entry: read campaign outcomes, build each campaign day's
 * features, and learn the measured model — or fall back to the assumed one
 * when the shop has no randomised campaign big enough to measure anything.
 */
import type Database from 'better-sqlite3'
import { memberOutcomes, type MemberOutcome } from '../../campaigns/outcomes'
import { buildFeatures } from '../../features/build-features'
import { FEATURE_NAMES } from '../../features/feature-names'
import { ORDER_CODE, ORDER_DISCOUNT, SALE_ORDER } from '../../features/sql-conditions'
import type { ResponsePrior, ResponseSummary, UpliftEvaluation } from '../planner-api'
import { assumedResponse } from './assumed'
import { responseFeatureNames } from './design'
import { DEFAULT_PRIOR } from './effect-law'
import { evaluateResponse, evaluationFitCount } from './evaluate'
import { fitCount, fitMeasuredResponse, type HyperChoice } from './fit-measured'
import { GAMMA_GRID } from './heterogeneity'
import { membersFromOutcomes, type DayContext } from './members'
import { summariseResponse } from './summary'
import type { MemberWithFeatures, ResponseModel } from './types'

/** A campaign measures response when it randomised at least this many members with known outcomes into each arm. */
export const MIN_TREATED = 50
export const MIN_CONTROL = 20

export interface LearnResponseOptions {
  seed: number
  prior?: ResponsePrior
  /** Share of the work done (0..1), called between fits. */
  onProgress?: (fraction: number) => void
  /** Checked between fits; when it returns true learnResponse throws ResponseCancelled. */
  isCancelled?: () => boolean
  /** Learn from (and judge on) this campaign's members only (`offerwise campaigns evaluate ID`). */
  campaignId?: number
  /** Reports the final fit's hyperparameter choice (κ, penalty, γ, ρ and every cell's held-out score). */
  onChoice?: (choice: HyperChoice) => void
}

/** Thrown by learnResponse when options.isCancelled() said so. */
export class ResponseCancelled extends Error {
  constructor() {
    super('learnResponse cancelled')
    this.name = 'ResponseCancelled'
  }
}

export function learnResponse(db: Database.Database, options: LearnResponseOptions): { model: ResponseModel; summary: ResponseSummary } {
  const prior = options.prior ?? DEFAULT_PRIOR
  const outcomes = randomisedOutcomes(memberOutcomes(db, options.campaignId))
  if (!hasMeasurableCampaign(outcomes)) {
    const model = assumedResponse(prior, shopHasDiscountHistory(db))
    return { model, summary: summariseResponse(model, null) }
  }
  const names = responseFeatureNames(FEATURE_NAMES)
  const members = membersForFit(db, names, outcomes)
  // Progress in full fits: the cross-fitted evaluation's, then the final model's.
  const total = evaluationFitCount({ featureNames: names, seed: options.seed, gammaGrid: GAMMA_GRID }, members.length) + fitCount({ featureNames: names, seed: options.seed, gammaGrid: GAMMA_GRID }, members.length)
  let done = 0
  const onFit = (): void => {
    if (options.isCancelled?.()) throw new ResponseCancelled()
    done++
    options.onProgress?.(Math.min(1, done / total))
  }
  if (options.isCancelled?.()) throw new ResponseCancelled()
  // γ of the history multiplier (heterogeneity.ts) chosen with κ; ρ (the recency tilt) stays off.
  const fitOptions = { featureNames: names, seed: options.seed, kappaPrior: prior.halfDepth, gammaGrid: GAMMA_GRID, onFit }
  let evaluation: UpliftEvaluation | null = null
  try {
    evaluation = evaluateResponse(members, fitOptions)
  } catch (error) {
    if (error instanceof ResponseCancelled) throw error
    // Too few members to hold any out: the model is still usable, just not judged.
    evaluation = null
  }
  const model = fitMeasuredResponse(members, { ...fitOptions, onChoice: options.onChoice })
  options.onProgress?.(1)
  return { model, summary: summariseResponse(model, evaluation) }
}

/** The members the fit reads: known outcomes of randomised campaigns, features at each campaign's sent_at day. */
export function membersForFit(db: Database.Database, names: readonly string[], outcomes: readonly MemberOutcome[] = randomisedOutcomes(memberOutcomes(db))): MemberWithFeatures[] {
  const days = new Map<string, DayContext>()
  const contextFor = (day: string): DayContext => {
    let context = days.get(day)
    if (!context) {
      context = { features: buildFeatures(db, day), shipping: typicalShipping(db, day) }
      days.set(day, context)
    }
    return context
  }
  return membersFromOutcomes(outcomes, names, contextFor)
}

/** Known outcomes of campaigns with both arms (imported or a plan's own, whose holdout is the control arm). */
export function randomisedOutcomes(outcomes: readonly MemberOutcome[]): MemberOutcome[] {
  const known = outcomes.filter((o) => o.known)
  const arms = new Map<number, Set<string>>()
  for (const o of known) arms.set(o.campaignId, (arms.get(o.campaignId) ?? new Set()).add(o.arm))
  return known.filter((o) => (arms.get(o.campaignId) as Set<string>).size === 2)
}

export function hasMeasurableCampaign(outcomes: readonly MemberOutcome[]): boolean {
  const counts = new Map<number, { treated: number; control: number }>()
  for (const o of outcomes) {
    const c = counts.get(o.campaignId) ?? { treated: 0, control: 0 }
    if (o.arm === 'treatment') c.treated++
    else c.control++
    counts.set(o.campaignId, c)
  }
  return [...counts.values()].some((c) => c.treated >= MIN_TREATED && c.control >= MIN_CONTROL)
}

/** Any sale order with a code or money off: then discount_sensitivity carries information. */
export function shopHasDiscountHistory(db: Database.Database): boolean {
  const row = db.prepare(`SELECT EXISTS (SELECT 1 FROM orders o WHERE ${SALE_ORDER} AND (${ORDER_CODE} IS NOT NULL OR ${ORDER_DISCOUNT} > 0)) AS yes`).get() as { yes: number }
  return row.yes === 1
}

/** Mean shipping paid on sale orders that paid any, before `day` (0 when none did). */
function typicalShipping(db: Database.Database, day: string): number {
  const row = db.prepare(`SELECT AVG(o.shipping) AS shipping FROM orders o WHERE o.ordered_at < @day AND ${SALE_ORDER} AND o.shipping > 0`).get({ day }) as { shipping: number | null }
  return row.shipping ?? 0
}
