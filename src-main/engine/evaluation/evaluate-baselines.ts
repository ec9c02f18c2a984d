import type Database from 'better-sqlite3'
import { ITEM_COSINE_BASELINE } from './baselines/item-cosine'
import { OWN_REPEATS_BASELINE } from './baselines/own-repeats'
import { POPULARITY_BASELINE } from './baselines/popularity'
import { PURCHASE_BASELINES } from './baselines/purchase-baselines'
import { buildAffinitySplit, buildPurchaseSplit, evaluateAffinityModel, evaluatePurchaseModel, type EvaluationTask } from './protocol'

export const AFFINITY_BASELINES = [POPULARITY_BASELINE, OWN_REPEATS_BASELINE, ITEM_COSINE_BASELINE] as const

export interface BaselineReport {
  cutoff: string
  horizonDays: number
  /** Customers with a sale before the cutoff (the rows evaluated). */
  customers: number
  /** Of whom ordered in the window. */
  buyers: number
  /** Of whom bought a product in the window (the customers the ranking metrics average over). */
  productBuyers: number
  purchase: { name: string; auc: number; logLoss: number; ece: number }[]
  affinity: { name: string; recallAt10: number; ndcgAt10: number; hitAt10: number; newRecallAt10: number }[]
}

/** Every baseline on one task, in one run, through the same protocol the learned models use. */
export function evaluateBaselines(db: Database.Database, task: EvaluationTask): BaselineReport {
  const split = buildPurchaseSplit(db, task)
  const purchase = PURCHASE_BASELINES.map((model) => {
    const m = evaluatePurchaseModel(model, split)
    return { name: m.name, auc: m.auc, logLoss: m.logLoss, ece: m.ece }
  })
  const affinitySplit = buildAffinitySplit(db, task, split.test.features)
  let productBuyers = 0
  const affinity = AFFINITY_BASELINES.map((model) => {
    const m = evaluateAffinityModel(model, affinitySplit, 10)
    productBuyers = m.customers
    return { name: m.name, recallAt10: m.recallAtK, ndcgAt10: m.ndcgAtK, hitAt10: m.hitAtK, newRecallAt10: m.newRecallAtK }
  })
  return {
    cutoff: task.cutoff,
    horizonDays: task.horizonDays,
    customers: split.test.features.customerIds.length,
    buyers: split.test.labels.bought.reduce((a, b) => a + b, 0),
    productBuyers,
    purchase,
    affinity,
  }
}
