/**
 * Plans on the sample shop, imported and trained once for the file: the plan's
 * behaviour (budget, holdout, locks, reasons, approval), then the planner
 * against the truth — the simulation knows every customer's real response to a
 * coupon (resources/sample-shop/truth.json, scripts/sample-shop/oracle.ts), so
 * the plan Offerwise makes is scored beside the oracle's own best plan and the
 * simple rules merchants use, at the same budgets (the table in docs/planning.md).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import type { PlanRow } from '../../../src-main/engine/planner/planner-api'
import { everyonePlan, lapsedBigSpendersPlan, loadTruth, oraclePlanBest, randomPlan, scorePlan, type PlanEntry, type Truth } from '../../../scripts/sample-shop/oracle'
import { ROOT } from '../import/test-engine'
import { makePlan, trainedSampleShop } from './sample-shop-plan'

const BUDGETS = [100, 250, 500]
let engine: Engine
let planId: number
let oraclePlanId: number
let truth: Truth

beforeAll(async () => {
  truth = loadTruth(join(ROOT, 'resources/sample-shop/truth.json'))
  ;({ engine } = await trainedSampleShop())
  planId = await makePlan(engine)
  oraclePlanId = await makePlan(engine, { holdoutShare: 0.1 })
}, 900_000)

afterAll(async () => engine?.close())

describe('a plan on the sample shop', () => {
  it('gives coupons within the budget, keeps a holdout, and names customers by the shop', async () => {
    const plan = await engine.call('plan/get', { planId })
    console.log(JSON.stringify({ summary: plan.summary, response: { kind: plan.response.kind, q: plan.response.evaluation?.qiniCoefficient }, byOffer: plan.byOffer.map((o) => [o.offerId, o.coupons]), bySegment: plan.bySegment }, null, 1))
    expect(plan.status).toBe('draft')
    expect(plan.currency).toBe('USD')
    expect(plan.summary.coupons).toBeGreaterThan(0)
    expect(plan.summary.expectedCost).toBeLessThanOrEqual(250)
    expect(plan.summary.holdout).toBeGreaterThan(0)
    const rows = await engine.call('plan/rows', { planId, filter: { group: 'treatment' }, sort: 'profit', offset: 0, limit: 20 })
    expect(rows.total).toBe(plan.summary.coupons)
    for (const row of rows.rows) {
      expect(row.offer).not.toBeNull()
      expect(row.shopId ?? row.email).toBeTruthy()
      expect(row.reasons.map((r) => r.code)).toContain('expected-gain')
      expect(row.pBuyWith).toBeGreaterThan(row.pBuyWithout)
    }
    console.log(JSON.stringify(rows.rows.slice(0, 3), null, 1))
  })

  it('never spends more than the budget, at any budget', async () => {
    for (const budget of [0, 20, 100, 400, 5000]) {
      const plan = await engine.call('plan/resolve', { planId, budget })
      expect(plan.summary.expectedCost).toBeLessThanOrEqual(budget + 1e-6)
      if (budget === 0) expect(plan.summary.coupons).toBe(0)
    }
    const face = await engine.call('plan/resolve', { planId, budget: 100, budgetMode: 'face-value' })
    expect(face.summary.faceValue).toBeLessThanOrEqual(100 + 1e-6)
  })

  it('keeps locks through re-planning, and explains every holdout and left-out customer', async () => {
    await engine.call('plan/resolve', { planId, budget: 250 })
    const none = await engine.call('plan/rows', { planId, filter: { group: 'none' }, sort: 'p-buy', offset: 0, limit: 1 })
    const target = none.rows[0]
    await engine.call('plan/lock', { planId, customerId: target.customerId, lock: { kind: 'offer', offerId: 'percent:10' } })
    for (const budget of [50, 500]) {
      await engine.call('plan/resolve', { planId, budget })
      const found = await engine.call('plan/rows', { planId, filter: { search: target.shopId ?? target.email ?? '' }, sort: 'profit', offset: 0, limit: 5 })
      const row = found.rows.find((r) => r.customerId === target.customerId)
      expect(row?.lock).toBe('offer')
      expect(row?.offer?.id).toBe('percent:10')
      expect(row?.reasons[0].code).toBe('locked-offer')
    }
    const holdout = await engine.call('plan/rows', { planId, filter: { group: 'holdout' }, sort: 'p-buy', offset: 0, limit: 5 })
    for (const row of holdout.rows) expect(row.reasons.map((r) => r.code)).toEqual(['holdout'])
    const left = await engine.call('plan/rows', { planId, filter: { group: 'none' }, sort: 'p-buy', offset: 0, limit: 50 })
    for (const row of left.rows) expect(row.reasons.length).toBeGreaterThan(0)
  })

  it('approves into a campaign whose control arm is the holdout', async () => {
    const plan = await engine.call('plan/approve', { planId })
    expect(plan.status).toBe('approved')
    const campaigns = await engine.call('campaigns/list', {})
    const own = campaigns.find((c) => c.source === 'plan')
    expect(own?.treatment).toBe(plan.summary.coupons)
    expect(own?.control).toBe(plan.summary.holdout)
    await expect(engine.call('plan/resolve', { planId, budget: 10 })).rejects.toMatchObject({ code: 'plan.approved' })
  })
})

async function treatedRows(budget: number): Promise<PlanRow[]> {
  const plan = await engine.call('plan/resolve', { planId: oraclePlanId, budget })
  const rows: PlanRow[] = []
  for (let offset = 0; offset < plan.summary.coupons; offset += 1000) {
    rows.push(...(await engine.call('plan/rows', { planId: oraclePlanId, filter: { group: 'treatment' }, sort: 'profit', offset, limit: 1000 })).rows)
  }
  return rows
}

function asOracleEntries(rows: PlanRow[], startsAt: string, days: number): PlanEntry[] {
  return rows.map((row) => ({
    customerId: row.shopId ?? row.email ?? '',
    discountType: row.offer!.type === 'percent' ? 'percent' : row.offer!.type === 'fixed' ? 'fixed' : 'free_shipping',
    discountValue: row.offer!.value,
    startsAt,
    days,
  }))
}

describe('the planner against the oracle on the sample shop', () => {
  // Measured (seed 7, docs/planning.md): 54 / 55 / 57 % of the oracle's best at $100 / $250 / $500,
  // against 20 / 28 / 39 % for random customers at 10 % and 15 / 9 / 6 % for lapsed big spenders.
  // The floors leave room for a different backend's rounding, not for a different planner.
  it('recovers most of the best possible incremental profit, where random targeting and the rules do not', async () => {
    const plan = await engine.call('plan/get', { planId: oraclePlanId })
    const table: Record<string, string | number>[] = []
    const checks: (() => void)[] = []
    for (const budget of BUDGETS) {
      const rows = await treatedRows(budget)
      const ours = scorePlan(truth, asOracleEntries(rows, plan.startsAt, plan.settings.days))
      const best = oraclePlanBest(truth, budget, [5, 10, 15, 20], { startsAt: plan.startsAt, days: plan.settings.days })
      const random = scorePlan(truth, randomPlan(truth, budget, 10, 1, { startsAt: plan.startsAt }))
      const lapsed = scorePlan(truth, lapsedBigSpendersPlan(truth, budget, 15, { startsAt: plan.startsAt }))
      table.push({
        budget,
        offerwise: Math.round(ours.incrementalProfit),
        offerwiseCost: Math.round(ours.discountCost),
        oracle: Math.round(best.incrementalProfit),
        recovered: Math.round((ours.incrementalProfit / best.incrementalProfit) * 100),
        random10: Math.round(random.incrementalProfit),
        lapsedBigSpenders15: Math.round(lapsed.incrementalProfit),
      })
      checks.push(() => {
        expect(ours.unknown).toBe(0)
        expect(ours.incrementalProfit).toBeGreaterThan(best.incrementalProfit * 0.45)
        expect(random.incrementalProfit).toBeLessThan(best.incrementalProfit * 0.45)
        expect(ours.incrementalProfit).toBeGreaterThan(random.incrementalProfit * 1.25)
        expect(ours.incrementalProfit).toBeGreaterThan(lapsed.incrementalProfit)
      })
    }
    const everyone = scorePlan(truth, everyonePlan(truth, 10, { startsAt: plan.startsAt }))
    console.log(JSON.stringify({ response: plan.response.kind, qini: plan.response.evaluation?.qiniCoefficient, table, everyone10: { profit: Math.round(everyone.incrementalProfit), cost: Math.round(everyone.discountCost) } }, null, 1))
    for (const check of checks) check()
  })
})
