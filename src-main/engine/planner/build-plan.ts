/**
 * A new plan from the store: base rates from the serving purchase model at
 * the plan's own window and season, the response model (measured from
 * randomised campaigns, or the documented prior), the decision matrix, the
 * exclusions and the random holdout. Pure with respect to the store: it reads,
 * and returns what plan-store.ts saves.
 */
import type Database from 'better-sqlite3'
import { EngineError } from '../api-schema'
import { addDays } from '../features/calendar'
import { latestRunId } from '../learn/customer-queries'
import { learnResponse } from './response'
import { responseEffects } from './response/effects'
import type { ResponseModel } from './response/types'
import { windowChance, seasonFactor, type SeasonFactor } from './base-rate'
import { buildCandidates, type CandidateMatrix } from './candidates'
import { loadCustomerFacts, type CustomerFacts } from './customer-facts'
import { exclusionOf, manualSet, type ExclusionRule } from './exclusions'
import { assignHoldout } from './holdout'
import { expandOfferMenu, offerTerms } from './offer-terms'
import type { Offer, PlanSettings, ResponseSummary } from './planner-api'
import { segmentOf, type Segment } from './segments'

/** Cautious estimates: the optimiser maximises the 20th percentile of profit over the response ensemble. */
export const CAUTIOUS_QUANTILE = 0.2

export interface PlannedCustomer {
  facts: CustomerFacts
  standing: 'eligible' | 'holdout' | 'excluded'
  exclusion: ExclusionRule | null
  segment: Segment
  pWithout: number
}

export interface BuiltPlan {
  runId: number
  startsAt: string
  expiresAt: string
  offers: Offer[]
  customers: PlannedCustomer[]
  matrix: CandidateMatrix
  response: { model: ResponseModel; summary: ResponseSummary }
  season: SeasonFactor
  /** Customers with orders but no score in the serving run (imported after training). */
  unscored: number
}

export interface BuildProgress {
  (step: 'plan-inputs' | 'plan-response' | 'plan-candidates', fraction: number): void
}

export function buildPlan(db: Database.Database, settings: PlanSettings, progress: BuildProgress = () => {}, isCancelled: () => boolean = () => false): BuiltPlan {
  const runId = latestRunId(db)
  if (runId === null) throw new EngineError('plan.no-model', 'Train a model first (the Learn step): a plan needs each customer\'s chance to buy.')
  const run = db.prepare('SELECT scoring_cutoff AS scoringCutoff, horizon_days AS horizonDays FROM model_runs WHERE id = ?').get(runId) as {
    scoringCutoff: string
    horizonDays: number
  }
  const lastOrder = db.prepare('SELECT MAX(substr(ordered_at, 1, 10)) FROM orders').pluck().get() as string | null
  if (lastOrder === null) throw new EngineError('plan.no-orders', 'There are no orders to plan from yet.')
  const startsAt = settings.startsAt ?? addDays(lastOrder, 1)
  // Scores are "as of" the scoring cutoff: a plan that started earlier would be planned with hindsight.
  if (startsAt < run.scoringCutoff) {
    throw new EngineError('plan.start-in-past', `A plan starts after the model's scores (${run.scoringCutoff}); ${startsAt} is before them.`, { startsAt, scoringCutoff: run.scoringCutoff })
  }
  // The last day the coupon is valid (a 14-day offer starting on the 1st runs to the 14th).
  const expiresAt = addDays(startsAt, settings.days - 1)
  const offers = expandOfferMenu(settings.offers, settings.maxDepth)
  if (offers.length === 0) throw new EngineError('plan.no-offers', 'Choose at least one kind of offer to consider.')

  progress('plan-inputs', 0)
  const { facts, features, unscored } = loadCustomerFacts(db, runId, startsAt, settings.defaultMargin)
  if (facts.length === 0) throw new EngineError('plan.no-customers', 'No customer with an order and a score can be planned for.')
  const season = seasonFactor(db, startsAt, settings.days, run.horizonDays)
  const n = facts.length
  const pWithout = new Float64Array(n)
  for (let i = 0; i < n; i++) pWithout[i] = windowChance(facts[i].pBuyHorizon, run.horizonDays, settings.days, season.factor)

  progress('plan-response', 0)
  // Learning the response fits several models: it reports its own progress and stops between fits on cancel.
  const response = learnResponse(db, { seed: settings.seed, prior: settings.prior, onProgress: (f) => progress('plan-response', f), isCancelled })

  progress('plan-candidates', 0)
  const K = offers.length
  const orderValue = new Float64Array(n)
  const margin = new Float64Array(n)
  const shipping = new Float64Array(n)
  const costFloor = new Float64Array(n)
  const category = new Float64Array(n)
  const product = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const f = facts[i]
    orderValue[i] = f.orderValue
    margin[i] = f.margin
    shipping[i] = f.shipping
    // Never below cost: the discount may take at most the order's margin.
    costFloor[i] = f.orderValue * f.margin
    category[i] = f.favouriteCategory ? f.favouriteCategoryShare : 0
    product[i] = f.favouriteProduct ? f.favouriteProductShare : 0
  }
  const depth = new Float32Array(n * K)
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      const offer = offers[k]
      const share = offer.scope === 'category' ? category[i] : offer.scope === 'product' ? product[i] : 1
      const terms = offerTerms(offer, orderValue[i], shipping[i], share)
      depth[i * K + k] = terms.applies ? terms.depth : 0
    }
  }
  const effect = responseEffects(response.model, features, depth, K)
  const matrix = buildCandidates({
    offers,
    pWithout,
    orderValue,
    margin,
    shipping,
    scopeShare: { category, product },
    effect,
    samples: response.model.samples.length,
    redeemShare: response.model.redeemShare,
    costFloor,
    quantile: CAUTIOUS_QUANTILE,
    maxDepth: settings.maxDepth,
  })

  const manual = manualSet(settings.exclusions.manual)
  const exclusions = facts.map((f) => exclusionOf(f, settings.exclusions, manual))
  const eligible = new Uint8Array(n)
  for (let i = 0; i < n; i++) eligible[i] = exclusions[i] === null ? 1 : 0
  const holdout = assignHoldout(pWithout, eligible, settings.holdoutShare, settings.seed)
  const customers: PlannedCustomer[] = facts.map((f, i) => ({
    facts: f,
    standing: exclusions[i] !== null ? 'excluded' : holdout[i] === 1 ? 'holdout' : 'eligible',
    exclusion: exclusions[i],
    segment: segmentOf(f),
    pWithout: pWithout[i],
  }))
  return { runId, startsAt, expiresAt, offers, customers, matrix, response, season, unscored }
}
