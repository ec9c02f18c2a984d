/**
 * A synthetic store for the export bench (and the export progress test): n
 * customers, a serving model run and approved plans over them, written
 * straight into the tables the planner writes (plans, plan_customers,
 * plan_matrices), then approved with the planner's own approvePlan. No
 * training: the export reads only what a plan stores, so a seeded matrix like
 * the planner bench's stands in for the learned one.
 */
import type Database from 'better-sqlite3'
import { createRng, deriveSeed } from '../src-main/engine/ml/random'
import { approvePlan } from '../src-main/engine/planner/approve-plan'
import { LoadedPlan } from '../src-main/engine/planner/loaded-plan'
import type { Offer, PlanSettings } from '../src-main/engine/planner/planner-api'

/** Whole-shop offers only: scoped ones need the shop's own ids for some formats. */
export const BENCH_OFFERS: Offer[] = [
  { id: 'percent:10', type: 'percent', value: 10, minSpend: 0, scope: 'all' },
  { id: 'percent:15', type: 'percent', value: 15, minSpend: 0, scope: 'all' },
  { id: 'fixed:5', type: 'fixed', value: 5, minSpend: 0, scope: 'all' },
  { id: 'spend_x_save_y:50:10', type: 'spend_x_save_y', value: 10, minSpend: 50, scope: 'all' },
]

const SETTINGS: PlanSettings = {
  budget: 1e9,
  budgetMode: 'expected',
  offers: { percent: [10, 15], fixed: [5], freeShipping: false, spendSave: [{ minSpend: 50, save: 10 }], scopes: [] },
  startsAt: '2026-12-01',
  days: 14,
  holdoutShare: 0.1,
  defaultMargin: 0.4,
  maxDepth: 0.4,
  exclusions: { boughtWithinDays: 0, maxReturnShare: 1, couponOnly: false, requireConsent: false, openCoupon: false, manual: [] },
  prior: { maxRateMultiplier: 1.5, halfDepth: 0.12 },
  seed: 1,
}

/** n customers (shop ids C1…Cn, e-mails, names) in one import batch. */
export function insertCustomers(db: Database.Database, n: number): void {
  db.transaction(() => {
    const batch = Number(
      db
        .prepare(`INSERT INTO import_batches (file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status, started_at)
          VALUES ('bench.csv', '/bench.csv', 0, 'generic', 'customers', '{}', '{}', 'done', ?)`)
        .run(new Date().toISOString()).lastInsertRowid,
    )
    const insert = db.prepare('INSERT INTO customers (customer_key, external_id, email, name, batch_id) VALUES (?, ?, ?, ?, ?)')
    for (let i = 1; i <= n; i++) insert.run(`id:C${i}`, `C${i}`, `customer${i}@example.com`, `Ann${i} Smith`, batch)
  })()
}

/**
 * An approved plan over the store's first n customers: 10 % holdout, every
 * other customer treated with one of BENCH_OFFERS. Returns the plan id.
 */
export function insertApprovedPlan(db: Database.Database, n: number, seed: number): number {
  const rng = createRng(deriveSeed(seed, 'export bench'))
  const k = BENCH_OFFERS.length
  const planId = db.transaction(() => {
    const runId = Number(
      db
        .prepare(`INSERT INTO model_runs (created_at, evaluation_cutoff, scoring_cutoff, horizon_days, backend, mode, report_json, orders_at_training, lines_at_training, shop_json)
          VALUES (?, '2026-09-01', '2026-11-30', 90, 'cpu', 'fallback', '{}', 0, 0, '{}')`)
        .run(new Date().toISOString()).lastInsertRowid,
    )
    const id = Number(
      db
        .prepare(`INSERT INTO plans (created_at, status, run_id, currency, settings_json, starts_at, expires_at, offers_json, response_model_json,
            response_json, redeem_share, summary_json, frontier_json, breakdown_json)
          VALUES (?, 'draft', ?, 'GBP', ?, '2026-12-01', '2026-12-14', ?, '{}', '{}', 0.8, '{}', '[]', ?)`)
        .run(
          new Date().toISOString(), runId, JSON.stringify(SETTINGS), JSON.stringify(BENCH_OFFERS),
          JSON.stringify({ bySegment: [], byOffer: [], demand: [], exclusionCounts: {} }),
        ).lastInsertRowid,
    )
    const customerIds = db.prepare('SELECT id FROM customers ORDER BY id LIMIT ?').pluck().all(n) as number[]
    const insert = db.prepare(`INSERT INTO plan_customers (plan_id, row_index, customer_id, standing, exclusion, segment, p_without, order_value, margin, facts_json)
      VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 0.4, ?)`)
    const rows = customerIds.length
    const f32 = (): Float32Array => new Float32Array(rows * k)
    const [profit, cost, pWith, face, depth] = [f32(), f32(), f32(), f32(), f32()]
    const feasible = new Uint8Array(rows * k).fill(1)
    const choice = new Int32Array(rows).fill(-1)
    customerIds.forEach((customerId, row) => {
      const holdout = rng.next() < SETTINGS.holdoutShare
      const p0 = 0.05 + 0.3 * rng.next()
      const basket = 20 + 100 * rng.next()
      const facts = {
        recencyDays: Math.round(10 + 200 * rng.next()),
        orders: 1 + Math.floor(6 * rng.next()),
        gapMeanDays: 40,
        discountShare: rng.next() * 0.5,
        saleSpendShare: 0,
        returnsRate: 0,
        favouriteCategory: null,
        favouriteCategoryShare: 0,
        favouriteProduct: null,
        topProducts: [],
        linesPerOrder: 2,
        orderValue: basket,
        margin: 0.4,
      }
      insert.run(id, row, customerId, holdout ? 'holdout' : 'eligible', row % 3 === 0 ? 'loyal' : 'lapsing', p0, basket, JSON.stringify(facts))
      for (let j = 0; j < k; j++) {
        const cell = row * k + j
        pWith[cell] = Math.min(1, p0 * (1.1 + 0.1 * j))
        cost[cell] = 0.8 * pWith[cell] * (j + 1) * 2
        profit[cell] = 1 + 5 * rng.next()
        face[cell] = BENCH_OFFERS[j].value
        depth[cell] = 0.1
      }
      if (!holdout) choice[row] = Math.floor(rng.next() * k)
    })
    const blob = (a: Float32Array | Int32Array | Uint8Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
    db.prepare(`INSERT INTO plan_matrices (plan_id, n, k, profit_cautious, cost_cautious, profit_mean, cost_mean, p_with, face_value, depth, feasible, choice)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, rows, k, blob(profit), blob(cost), blob(profit), blob(cost), blob(pWith), blob(face), blob(depth), blob(feasible), blob(choice))
    return id
  })()
  approvePlan(db, LoadedPlan.load(db, planId))
  return planId
}
