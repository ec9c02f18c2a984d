import { existsSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { auc } from '../../../src-main/engine/evaluation/auc'
import { evaluateBaselines, type BaselineReport } from '../../../src-main/engine/evaluation/evaluate-baselines'
import { buildFeatures } from '../../../src-main/engine/features/build-features'
import { featureColumn } from '../../../src-main/engine/features/feature-names'
import { buildLabels } from '../../../src-main/engine/features/labels'
import { openStore, type Store } from '../../../src-main/engine/store/open-store'
import { importPaths, ROOT, testEngine } from '../import/test-engine'

/**
 * The reference task on the real UCI Online Retail file: customers with a
 * sale before 2011-09-10, will they order in the next 90 days, and which
 * products (product lines only: no cancellations, postage or fees)?
 * Published baseline figures on this task, which ours must land near:
 *   purchase AUC  recency 0.69, frequency 0.72, RFM logistic 0.74
 *   recall@10     popularity 0.11, own repeats 0.36, item cosine 0.22
 *   new recall@10 popularity 0.05, item cosine 0.09
 */
const SHARED_DATA = process.env.OFFERWISE_SHARED_DATA ?? resolve(ROOT, '../shared/data')
const RETAIL_GZ = join(SHARED_DATA, 'online-retail/online_retail_2010-12-01_2011-12-09.csv.gz')
const TASK = { cutoff: '2011-09-10', horizonDays: 90 }
const TOLERANCE = 0.04

let engine: Engine
let store: Store
let tempDir = ''
let report: BaselineReport

beforeAll(async () => {
  if (!existsSync(RETAIL_GZ)) throw new Error(`The real data is missing at ${RETAIL_GZ}; set OFFERWISE_SHARED_DATA to the folder holding online-retail/.`)
  const made = testEngine()
  engine = made.engine
  tempDir = made.dir
  const { outcome } = await importPaths(engine, [RETAIL_GZ])
  expect(outcome.status).toBe('done')
  store = openStore(made.dbPath)
  report = evaluateBaselines(store.db, TASK)
  const f = (x: number) => x.toFixed(3)
  console.log(
    [
      `Online Retail reference task, cutoff ${TASK.cutoff}, horizon ${TASK.horizonDays} d: ${report.customers} customers, ${report.buyers} bought, ${report.productBuyers} bought products`,
      ...report.purchase.map((p) => `  purchase ${p.name.padEnd(13)} AUC ${f(p.auc)}  log loss ${f(p.logLoss)}  ECE ${f(p.ece)}`),
      ...report.affinity.map((a) => `  affinity ${a.name.padEnd(13)} recall@10 ${f(a.recallAt10)}  NDCG@10 ${f(a.ndcgAt10)}  hit@10 ${f(a.hitAt10)}  new recall@10 ${f(a.newRecallAt10)}`),
    ].join('\n'),
  )
}, 180_000)

afterAll(async () => {
  store?.close()
  await engine?.close()
  // The imported store is ~100 MB: do not leave one behind per run.
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
})

describe('Online Retail reference task', () => {
  it('has the task’s population', () => {
    // 3,370 customers with a sale before the cutoff; a little over half order again in 90 days.
    expect(report.customers).toBeGreaterThan(3_300)
    expect(report.customers).toBeLessThan(3_450)
    expect(report.buyers / report.customers).toBeGreaterThan(0.5)
    expect(report.buyers / report.customers).toBeLessThan(0.62)
  })

  it('reproduces the published purchase baselines', () => {
    const byName = Object.fromEntries(report.purchase.map((p) => [p.name, p]))
    expect(Math.abs(byName.recency.auc - 0.69)).toBeLessThan(TOLERANCE)
    expect(Math.abs(byName.frequency.auc - 0.72)).toBeLessThan(TOLERANCE)
    expect(Math.abs(byName['rfm-logistic'].auc - 0.74)).toBeLessThan(TOLERANCE)
    for (const p of report.purchase) {
      expect(p.logLoss).toBeLessThan(Math.log(2))
      expect(p.ece).toBeLessThan(0.2)
    }
  })

  it('reproduces the published affinity baselines', () => {
    const byName = Object.fromEntries(report.affinity.map((a) => [a.name, a]))
    expect(Math.abs(byName.popularity.recallAt10 - 0.11)).toBeLessThan(TOLERANCE)
    expect(Math.abs(byName['own-repeats'].recallAt10 - 0.36)).toBeLessThan(TOLERANCE)
    expect(Math.abs(byName['item-cosine'].recallAt10 - 0.22)).toBeLessThan(TOLERANCE)
    expect(Math.abs(byName.popularity.newRecallAt10 - 0.05)).toBeLessThan(TOLERANCE)
    expect(Math.abs(byName['item-cosine'].newRecallAt10 - 0.09)).toBeLessThan(TOLERANCE)
  })

  it('ranks by −recency_days exactly as the one-column recency model does', () => {
    const started = performance.now()
    const features = buildFeatures(store.db, TASK.cutoff)
    // Reported, not asserted: timing depends on the machine.
    console.log(`buildFeatures on the full file: ${Math.round(performance.now() - started)} ms for ${features.customerIds.length} customers`)
    const labels = buildLabels(store.db, TASK.cutoff, TASK.horizonDays, features.customerIds)
    const column = featureColumn(features.names, 'recency_days')
    const width = features.names.length
    const score = Array.from(features.customerIds, (_, row) => -features.values[row * width + column])
    expect(auc(score, labels.bought)).toBeCloseTo(report.purchase[0].auc, 9)
  })
})
