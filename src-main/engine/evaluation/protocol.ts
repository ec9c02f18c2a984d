import type Database from 'better-sqlite3'
import { addDays } from '../features/calendar'
import { buildFeatures } from '../features/build-features'
import { buildInteractions } from '../features/interactions'
import { buildLabels } from '../features/labels'
import type { FeatureSet, Interactions, PurchaseLabels, WindowPurchases } from '../features/types'
import { windowPurchases } from '../features/window-purchases'
import { auc } from './auc'
import { expectedCalibrationError, reliabilityBins, type ReliabilityBin } from './calibration'
import { gainsCurve, type GainsPoint } from './gains'
import { logLoss } from './log-loss'
import { hitAtK, ndcgAtK, recallAtK } from './ranking-metrics'

/**
 * The evaluation protocol every model goes through, baselines and learned
 * models alike, so their figures are comparable.
 *
 * Purchase ("will this customer order in the next H days?"): a model is
 * fitted on features at cutoff − H with labels from [cutoff − H, cutoff) —
 * entirely in the past at the evaluation cutoff — then scores the features
 * at the cutoff and is judged on [cutoff, cutoff + H). Never fitted on the
 * window it is judged on.
 *
 * Affinity ("what will they buy?"): a model sees the Interactions (and
 * features) before the cutoff and ranks the known products for each
 * customer; judged on the products bought in [cutoff, cutoff + H).
 */

/** Purchase probabilities (0..1), one per FeatureSet row. */
export type PurchaseScorer = (features: FeatureSet) => Float32Array

export interface PurchaseModel {
  name: string
  fit(train: FeatureSet, labels: PurchaseLabels): PurchaseScorer
}

export interface AffinityContext {
  cutoff: string
  interactions: Interactions
  /** Features at the same cutoff, same rows as interactions. */
  features: FeatureSet
}

/**
 * Top-k product indices (into interactions.products) for a customer row,
 * best first, never including an index in `exclude` (used to ask "which
 * products they have not bought yet?").
 */
export type Ranker = (row: number, k: number, exclude?: ReadonlySet<number>) => number[]
export type AffinityScorer = (context: AffinityContext) => Ranker

export interface AffinityModel {
  name: string
  scorer: AffinityScorer
}

export interface EvaluationTask {
  /** 'YYYY-MM-DD'. */
  cutoff: string
  horizonDays: number
}

export interface PurchaseSplit {
  train: { features: FeatureSet; labels: PurchaseLabels }
  test: { features: FeatureSet; labels: PurchaseLabels }
}

/** Features and labels for the honest time split (see above). */
export function buildPurchaseSplit(db: Database.Database, task: EvaluationTask): PurchaseSplit {
  const trainCutoff = addDays(task.cutoff, -task.horizonDays)
  const trainFeatures = buildFeatures(db, trainCutoff)
  const testFeatures = buildFeatures(db, task.cutoff)
  return {
    train: { features: trainFeatures, labels: buildLabels(db, trainCutoff, task.horizonDays, trainFeatures.customerIds) },
    test: { features: testFeatures, labels: buildLabels(db, task.cutoff, task.horizonDays, testFeatures.customerIds) },
  }
}

export interface PurchaseMetrics {
  auc: number
  logLoss: number
  ece: number
  /** Share of customers who bought. */
  baseRate: number
  reliability: ReliabilityBin[]
  gains: GainsPoint[]
}

export function evaluatePurchaseScores(probabilities: ArrayLike<number>, labels: PurchaseLabels | ArrayLike<number>): PurchaseMetrics {
  const y = 'bought' in labels ? labels.bought : labels
  let buyers = 0
  for (let i = 0; i < y.length; i++) buyers += y[i] > 0 ? 1 : 0
  return {
    auc: auc(probabilities, y),
    logLoss: logLoss(probabilities, y),
    ece: expectedCalibrationError(probabilities, y),
    baseRate: y.length > 0 ? buyers / y.length : Number.NaN,
    reliability: reliabilityBins(probabilities, y),
    gains: gainsCurve(probabilities, y, 20),
  }
}

/** Fits on the split's past, scores its present. */
export function evaluatePurchaseModel(model: PurchaseModel, split: PurchaseSplit): PurchaseMetrics & { name: string } {
  const scorer = model.fit(split.train.features, split.train.labels)
  const scores = scorer(split.test.features)
  if (scores.length !== split.test.features.customerIds.length) throw new Error(`${model.name} scored ${scores.length} of ${split.test.features.customerIds.length} customers`)
  return { name: model.name, ...evaluatePurchaseScores(scores, split.test.labels) }
}

export interface RankingMetrics {
  k: number
  /** Mean over customers with ≥ 1 window product (ranking-metrics.ts for the normalisation). */
  recallAtK: number
  ndcgAtK: number
  hitAtK: number
  /**
   * Discovery: the ranker is asked for k products the customer has NOT
   * bought before the cutoff, scored against the window products new to
   * them; mean over customers with ≥ 1 such product.
   */
  newRecallAtK: number
  customers: number
  newProductCustomers: number
}

/**
 * Top-k metrics of a ranker against the window. Rows of `window`,
 * `interactions` and the ranker must be the same customers (buildAffinitySplit
 * makes them so). Products new to the shop are in the denominators and can
 * never be hit.
 */
export function evaluateRankings(window: WindowPurchases, interactions: Interactions, rank: Ranker, k = 10): RankingMetrics {
  if (window.customerIds.length !== interactions.customerIds.length || window.customerIds.some((id, row) => interactions.customerIds[row] !== id)) {
    throw new Error('window purchases and interactions have different customer rows')
  }
  const owned: Set<number>[] = Array.from(interactions.customerIds, () => new Set<number>())
  for (let i = 0; i < interactions.customerRow.length; i++) owned[interactions.customerRow[i]].add(interactions.productIndex[i])
  let customers = 0
  let newCustomers = 0
  let recall = 0
  let ndcg = 0
  let hit = 0
  let newRecall = 0
  for (let row = 0; row < window.items.length; row++) {
    const items = window.items[row]
    if (items.length === 0) continue
    const ranked = rank(row, k)
    customers++
    recall += recallAtK(ranked, items, k)
    ndcg += ndcgAtK(ranked, items, k)
    hit += hitAtK(ranked, items, k)
    const fresh = window.newItems[row]
    if (fresh.length > 0) {
      const discovery = rank(row, k, owned[row])
      // A ranker that ignores `exclude` would score repeats as discoveries.
      if (discovery.some((p) => owned[row].has(p))) throw new Error(`ranker returned an excluded product for row ${row}`)
      newCustomers++
      newRecall += recallAtK(discovery, fresh, k)
    }
  }
  return {
    k,
    recallAtK: customers > 0 ? recall / customers : Number.NaN,
    ndcgAtK: customers > 0 ? ndcg / customers : Number.NaN,
    hitAtK: customers > 0 ? hit / customers : Number.NaN,
    newRecallAtK: newCustomers > 0 ? newRecall / newCustomers : Number.NaN,
    customers,
    newProductCustomers: newCustomers,
  }
}

export interface AffinitySplit {
  context: AffinityContext
  window: WindowPurchases
}

/** Everything an affinity model needs before the cutoff, and the window it is judged on, rows aligned. */
export function buildAffinitySplit(db: Database.Database, task: EvaluationTask, features?: FeatureSet): AffinitySplit {
  const interactions = buildInteractions(db, task.cutoff)
  const f = features ?? buildFeatures(db, task.cutoff)
  if (f.cutoff !== task.cutoff) throw new Error(`features are for ${f.cutoff}, not ${task.cutoff}`)
  return {
    context: { cutoff: task.cutoff, interactions, features: f },
    window: windowPurchases(db, task.cutoff, task.horizonDays, interactions.customerIds, interactions),
  }
}

export function evaluateAffinityModel(model: AffinityModel, split: AffinitySplit, k = 10): RankingMetrics & { name: string } {
  return { name: model.name, ...evaluateRankings(split.window, split.context.interactions, model.scorer(split.context), k) }
}
