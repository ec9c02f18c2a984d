/**
 * The loop closed: a plan approved on the sample shop, then "happened" (an
 * order export covering its window, some orders using the plan's codes),
 * has known outcomes, a measured result beside the plan's prediction, and
 * is one of the campaigns the next response model learns from.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memberOutcomes } from '../../../src-main/engine/campaigns/outcomes'
import type { Engine } from '../../../src-main/engine/engine'
import { learnResponse } from '../../../src-main/engine/planner/response/learn-response'
import { importPaths, writeTemp } from '../import/test-engine'
import { tempDir } from '../../support/temp-dir'
import { makePlan, trainedSampleShop } from '../plan/sample-shop-plan'

let engine: Engine
let dbPath: string
let planId: number

beforeAll(async () => {
  ;({ engine, dbPath } = await trainedSampleShop())
  planId = await makePlan(engine)
  await engine.call('plan/approve', { planId })
}, 900_000)

afterAll(async () => engine?.close())

interface Member {
  id: number
  arm: 'treatment' | 'control'
  email: string
  code: string | null
}

describe('an approved plan that happened', () => {
  it('gets known outcomes from the imported orders, a result beside its prediction, and teaches the next response model', async () => {
    const plan = await engine.call('plan/get', { planId })
    const campaign = (await engine.call('campaigns/list', {})).find((c) => c.source === 'plan')!
    expect(campaign).toBeDefined()

    const db = new Database(dbPath)
    let members: Member[]
    let before: number
    try {
      // Codes come from the export; where it has not run, give each treated member one (as it would).
      db.prepare("UPDATE campaign_members SET code = 'OW' || id WHERE campaign_id = ? AND arm = 'treatment' AND code IS NULL").run(campaign.id)
      members = db
        .prepare(`SELECT m.id, m.arm, c.email, m.code FROM campaign_members m JOIN customers c ON c.id = m.customer_id
          WHERE m.campaign_id = ? AND c.email IS NOT NULL ORDER BY m.id`)
        .all(campaign.id) as Member[]
      // The window is after the store's last order: nothing is known yet, and the model has not seen the plan.
      expect(memberOutcomes(db, campaign.id).every((o) => !o.known)).toBe(true)
      before = learnResponse(db, { seed: 1 }).summary.campaigns
    } finally {
      db.close()
    }
    const result0 = await engine.call('results/campaign', { campaignId: campaign.id })
    expect(['outcomes-unknown', 'running']).toContain(result0.status)

    // What happened: a third of the treated bought with their code, a tenth of the holdout bought anyway;
    // one order after the window shows the export covers it.
    const treated = members.filter((m) => m.arm === 'treatment')
    const held = members.filter((m) => m.arm === 'control')
    const buyersT = treated.filter((_, i) => i % 3 === 0)
    const buyersC = held.filter((_, i) => i % 10 === 0)
    const start = plan.startsAt
    const day = (offset: number): string => {
      const d = new Date(`${start}T00:00:00Z`)
      d.setUTCDate(d.getUTCDate() + offset)
      return d.toISOString().slice(0, 10)
    }
    const rows = ['order_id,order_date,email,sku,product,category,qty,price,discount_code,order discount']
    let n = 900_000
    buyersT.forEach((m, i) => rows.push(`${n++},${day(i % 10)} 10:00,${m.email},CANDLE,Candle,Candles,1,40.00,${m.code},4.00`))
    buyersC.forEach((m, i) => rows.push(`${n++},${day(i % 10)} 12:00,${m.email},CANDLE,Candle,Candles,1,40.00,,0`))
    rows.push(`${n++},${day(40)} 09:00,${held[0].email},CANDLE,Candle,Candles,1,40.00,,0`)
    const file = writeTemp(tempDir('ow-feedback-'), 'orders-after-plan.csv', `${rows.join('\n')}\n`)
    const [batch] = (await importPaths(engine, [file])).batches
    expect(batch).toMatchObject({ rejected: 0, imported: rows.length - 1 })

    const db2 = new Database(dbPath)
    try {
      const outcomes = memberOutcomes(db2, campaign.id)
      expect(outcomes.every((o) => o.known)).toBe(true)
      expect(outcomes.filter((o) => o.redeemed).length).toBe(buyersT.length)
      expect(outcomes.filter((o) => o.arm === 'control' && o.converted).length).toBe(buyersC.length)
      const after = learnResponse(db2, { seed: 1 })
      // The plan's own campaign is now training data: one campaign more than before.
      expect(after.summary.kind).toBe('measured')
      expect(after.summary.campaigns).toBe(before + 1)
    } finally {
      db2.close()
    }

    const result = await engine.call('results/campaign', { campaignId: campaign.id })
    expect(result.status).toBe('measured')
    expect(result.margin.source).toBe('plan')
    expect(result.overall?.treatment).toMatchObject({ buyers: buyersT.length })
    expect(result.overall?.treatment.discount).toBeCloseTo(4 * buyersT.length, 6)
    // The plan's stored expectations sit beside the measurement.
    expect(result.predicted?.treated).toBe(campaign.treatment)
    expect(Math.abs(result.predicted!.incrementalProfit - plan.summary.expectedIncrementalProfit)).toBeLessThan(1 + 0.01 * Math.abs(plan.summary.expectedIncrementalProfit))
    expect(Math.abs(result.predicted!.incrementalBuyers - plan.summary.expectedExtraOrders)).toBeLessThan(0.5 + 0.01 * plan.summary.expectedExtraOrders)
    expect(result.levels.every((l) => l.predicted !== null)).toBe(true)
    // Per segment: the segment the plan stored for each member (plan_customers.segment), each against its own holdout.
    expect(result.segmentSource).toBe('plan')
    const stored = new Database(dbPath, { readonly: true })
    try {
      const rows = stored
        .prepare(`SELECT pc.segment, m.arm, COUNT(*) AS n FROM campaign_members m JOIN plan_customers pc ON pc.customer_id = m.customer_id AND pc.plan_id = ?
          WHERE m.campaign_id = ? GROUP BY pc.segment, m.arm`)
        .all(planId, campaign.id) as { segment: string; arm: string; n: number }[]
      const count = (segment: string, arm: string): number => rows.find((r) => r.segment === segment && r.arm === arm)?.n ?? 0
      expect(result.segments.length).toBeGreaterThan(1)
      for (const s of result.segments) {
        expect(s.treatment).toBe(count(s.segment, 'treatment'))
        expect(s.control).toBe(count(s.segment, 'control'))
      }
      expect(result.segments.reduce((n, s) => n + s.treatment + s.control, 0)).toBe(result.members.treatment + result.members.control)
    } finally {
      stored.close()
    }
    console.log(JSON.stringify({ before, verdict: result.verdict, predicted: result.predicted, measured: result.overall?.incrementalProfit }, null, 1))
  }, 900_000)
})
