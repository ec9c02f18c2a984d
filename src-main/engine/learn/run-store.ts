import type Database from 'better-sqlite3'
import type { ModelReport } from '../api'
import { EngineError } from '../api-schema'
import type { ChurnBand } from '../clv/churn'
import type { SavedModel } from '../ml/persistence'

/** One customer's scores from a run, as the Learn step and (later) the planner read them. */
export interface CustomerScoreRecord {
  customerId: number
  pBuy: number
  expectedOrders: number
  expectedSpend: number
  discountSensitivity: number
  discountShare: number
  discountDepth: number
  saleSpendShare: number
  expectedDaysToNext: number | null
  nextCategory: string | null
  topCategories: { name: string; score: number }[]
  topProducts: { productId: number; name: string; score: number; boughtBefore: boolean }[]
  /** BG/NBD and Gamma-Gamma at the scoring cutoff (clv/); null when the shop is too small to fit them. */
  pAlive: number | null
  clv3m: number | null
  clv6m: number | null
  clv12m: number | null
  churnRisk: ChurnBand | null
}

/** Shop-level facts a run was scored against, kept as model_runs.shop_json. */
export interface RunShop {
  discountShare: number
  saleSpendShare: number
  /** False when the shop's history has no discount code, no money off and no sale day (older runs: absent = true). */
  hasDiscountData: boolean
  lifetimeValue: {
    bgNbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; customers: number } | null
    gammaGamma: { p: number; q: number; v: number; customers: number } | null
    margin: number
    marginSource: 'costs' | 'default' | 'costs+default'
    monthlyDiscountRate: number
  }
}

/**
 * 'serving' runs make the customer scores everything reads; 'evaluation' runs
 * (`offerwise evaluate`) keep only their report and models, so judging the
 * models on a past window never changes what serves.
 */
export type RunPurpose = 'serving' | 'evaluation'

export interface RunRecord {
  report: Omit<ModelReport, 'runId' | 'createdAt'>
  mode: 'learned' | 'fallback'
  shop: RunShop
  models: { role: 'evaluation' | 'scoring'; saved: SavedModel }[]
  scores: CustomerScoreRecord[]
}

/**
 * Saves a whole training run in one transaction: the report, every model with
 * its metadata (kind, cutoff, horizon, features, backend, metrics, time), and
 * the customer scores. A run is either complete in the store or absent.
 */
export function saveRun(db: Database.Database, run: RunRecord, purpose: RunPurpose = 'serving'): number {
  const createdAt = new Date().toISOString()
  return db.transaction(() => {
    const counts = db.prepare('SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM order_lines) AS lines').get() as { orders: number; lines: number }
    const runId = Number(
      db
        .prepare(`INSERT INTO model_runs (created_at, evaluation_cutoff, scoring_cutoff, horizon_days, backend, mode, report_json,
            orders_at_training, lines_at_training, shop_json, purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          createdAt, run.report.evaluationCutoff, run.report.scoringCutoff, run.report.horizonDays, run.report.backend.name, run.mode,
          JSON.stringify(run.report), counts.orders, counts.lines, JSON.stringify(run.shop), purpose,
        ).lastInsertRowid,
    )
    const insertModel = db.prepare(`INSERT INTO models (run_id, kind, role, cutoff, horizon_days, metadata_json, topology_json, weight_specs_json, weights, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    for (const { role, saved } of run.models) {
      insertModel.run(
        runId, saved.metadata.kind, role, saved.metadata.cutoff, saved.metadata.horizonDays ?? run.report.horizonDays,
        JSON.stringify(saved.metadata), JSON.stringify(saved.modelTopology), JSON.stringify(saved.weightSpecs), saved.weightData, createdAt,
      )
    }
    const insertScore = db.prepare(`INSERT INTO customer_scores (run_id, customer_id, p_buy, expected_orders, expected_spend, discount_sensitivity,
        discount_share, discount_depth, sale_spend_share, expected_days_to_next, next_category, top_categories_json, top_products_json,
        p_alive, clv_3m, clv_6m, clv_12m, churn_risk)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    // An evaluation run's scores are as of a past day and never serve: not kept.
    for (const s of purpose === 'serving' ? run.scores : []) {
      insertScore.run(
        runId, s.customerId, s.pBuy, s.expectedOrders, s.expectedSpend, s.discountSensitivity, s.discountShare, s.discountDepth,
        s.saleSpendShare, s.expectedDaysToNext, s.nextCategory, JSON.stringify(s.topCategories), JSON.stringify(s.topProducts),
        s.pAlive, s.clv3m, s.clv6m, s.clv12m, s.churnRisk,
      )
    }
    return runId
  })()
}

/** The report of the run that serves the customer scores (evaluation runs never do). */
export function latestReport(db: Database.Database): ModelReport | null {
  const id = db.prepare("SELECT MAX(id) FROM model_runs WHERE purpose = 'serving'").pluck().get() as number | null
  return id === null ? null : runReport(db, id)
}

/** Any run's report, serving or evaluation (`offerwise evaluate` prints its own run's). */
export function runReport(db: Database.Database, runId: number): ModelReport {
  const row = db.prepare('SELECT id, created_at AS createdAt, report_json AS reportJson FROM model_runs WHERE id = ?').get(runId) as
    | { id: number; createdAt: string; reportJson: string }
    | undefined
  if (!row) throw new EngineError('learn.run-not-found', `There is no training run number ${runId}.`, { runId })
  return { ...(JSON.parse(row.reportJson) as Omit<ModelReport, 'runId' | 'createdAt'>), runId: row.id, createdAt: row.createdAt }
}

/** The saved models of a run, for warm starts and for scoring later without retraining. */
export function loadRunModels(db: Database.Database, runId: number, role: 'evaluation' | 'scoring'): SavedModel[] {
  const rows = db
    .prepare('SELECT metadata_json, topology_json, weight_specs_json, weights FROM models WHERE run_id = ? AND role = ? ORDER BY id')
    .all(runId, role) as { metadata_json: string; topology_json: string; weight_specs_json: string; weights: Buffer }[]
  return rows.map((row) => ({
    metadata: JSON.parse(row.metadata_json) as SavedModel['metadata'],
    modelTopology: JSON.parse(row.topology_json) as object,
    weightSpecs: JSON.parse(row.weight_specs_json) as SavedModel['weightSpecs'],
    weightData: row.weights,
  }))
}
