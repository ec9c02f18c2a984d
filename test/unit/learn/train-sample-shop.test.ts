import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobProgress, ModelReport } from '../../../src-main/engine/api'
import { createEngine, type Engine } from '../../../src-main/engine/engine'
import { ROOT } from '../import/test-engine'
import { tempDir } from '../../support/temp-dir'

let engine: Engine
let dbPath: string
let report: ModelReport
const progress: JobProgress[] = []

beforeAll(async () => {
  dbPath = join(tempDir('ow-learn-'), 'offerwise.sqlite')
  engine = createEngine({ dbPath, resourcesDir: join(ROOT, 'resources'), shell: 'web-bridge', workerScript: null, trainDefaults: { epochs: { purchase: 20, sequence: 4, affinity: 3 } } })
  const sample = await engine.call('import/sample', {})
  expect((await engine.waitForJob(sample.jobId))?.status).toBe('done')
  engine.on('job/progress', (p) => progress.push(p))
  const { jobId } = await engine.call('model/train', { horizonDays: 90 })
  const outcome = await engine.waitForJob(jobId)
  expect(outcome?.status).toBe('trained')
  report = (await engine.call('model/report', {}))!
}, 600_000)

afterAll(async () => engine?.close())

describe('training on the sample shop', () => {
  it('reports every model beside its baselines on a held-out window', () => {
    console.log(JSON.stringify({ purchase: report.purchase, affinity: report.affinity, sequence: report.sequence, chosen: report.chosen, seconds: report.trainingSeconds, backend: report.backend }, null, 1))
    expect(report.scoringCutoff).toBe('2025-01-01')
    expect(report.evaluationCutoff).toBe('2024-10-03')
    expect(report.purchase.map((m) => m.name).sort()).toEqual(['bg-nbd', 'frequency', 'purchase-mlp', 'recency', 'rfm-logistic'])
    expect(report.affinity.map((m) => m.name)).toEqual(expect.arrayContaining(['popularity', 'own-repeats', 'item-cosine', 'two-tower', 'two-tower+repeats']))
    expect(report.sequence.map((m) => m.name)).toEqual(expect.arrayContaining(['history-average', 'purchase-mlp', 'sequence-gru']))
    expect(report.fallback).toBeNull()
    expect(['wasm', 'cpu', 'tensorflow']).toContain(report.backend.name)
    for (const m of report.purchase) expect(m.auc).toBeGreaterThan(0.5)
  })

  it('reports progress through every step', () => {
    const steps = new Set(progress.filter((p) => p.kind === 'train').map((p) => p.step))
    expect([...steps]).toEqual(expect.arrayContaining(['features', 'baselines', 'training-purchase', 'training-sequence', 'training-affinity', 'evaluating', 'scoring']))
  })

  it('stores the models with their metadata and scores customers', async () => {
    const db = new Database(dbPath, { readonly: true })
    const models = db.prepare('SELECT kind, role, cutoff, metadata_json FROM models ORDER BY id').all() as { kind: string; role: string; cutoff: string; metadata_json: string }[]
    db.close()
    expect(models.map((m) => `${m.kind}/${m.role}`)).toEqual(
      expect.arrayContaining(['purchase/evaluation', 'sequence/evaluation', 'affinity/evaluation', 'purchase/scoring', 'sequence/scoring', 'affinity/scoring']),
    )
    const metadata = JSON.parse(models[0].metadata_json) as { backend: string; featureNames: string[]; trainingSeconds: number }
    expect(metadata.featureNames.length).toBeGreaterThan(10)
    const list = await engine.call('customers/list', { search: '', sort: 'p-buy', offset: 0, limit: 20 })
    expect(list.total).toBeGreaterThan(1000)
    expect(list.rows[0].pBuy).toBeGreaterThanOrEqual(list.rows[19].pBuy)
    const detail = await engine.call('customers/detail', { customerId: list.rows[0].customerId })
    expect(detail.history.length).toBeGreaterThan(0)
    expect(detail.topProducts.length).toBeGreaterThan(0)
    // BG/NBD + Gamma-Gamma on the sample shop: CLV rises with the horizon, every figure is filled.
    const value = detail.lifetimeValue!
    expect(value).not.toBeNull()
    expect(value.clv3m).toBeGreaterThan(0)
    expect(value.clv3m).toBeLessThan(value.clv6m)
    expect(value.clv6m).toBeLessThan(value.clv12m)
    expect(value.clv12m).toBe(detail.clv12m)
    expect(value.monthlyDiscountRate).toBe(0.01)
    expect(['low', 'medium', 'high', 'one-order']).toContain(detail.churnRisk)
    expect(detail.nextOrderAt).toMatch(/^2025-\d\d-\d\d$/)
    // The sample shop runs codes and sales: its sensitivity scores carry information.
    expect(detail.discount.shopHasDiscountData).toBe(true)
    expect(list.rows.every((row) => row.clv12m !== null && row.pAlive !== null)).toBe(true)
    console.log(JSON.stringify(detail, null, 1).slice(0, 2500))
  })
})

describe('customers are named by the shop, never by the store', () => {
  it("shows the shop's own customer id, and searching that id finds the customer with it", async () => {
    const db = new Database(dbPath, { readonly: true })
    const known = db.prepare("SELECT external_id FROM customers WHERE external_id IS NOT NULL AND id IN (SELECT customer_id FROM customer_scores) ORDER BY id DESC LIMIT 1").pluck().get() as string
    db.close()
    const list = await engine.call('customers/list', { search: '', sort: 'p-buy', offset: 0, limit: 50 })
    expect(list.rows.some((row) => row.shopId !== null && row.shopId !== String(row.customerId))).toBe(true)
    const found = await engine.call('customers/list', { search: known, sort: 'p-buy', offset: 0, limit: 10 })
    expect(found.rows.map((row) => row.shopId)).toContain(known)
    for (const row of found.rows) expect(`${row.shopId} ${row.name} ${row.email}`).toContain(known)
  })
})
