/**
 * The planner against the truth: on the sample shop, whose simulation knows
 * every customer's real response to a coupon (resources/sample-shop/truth.json,
 * scripts/sample-shop/oracle.ts), the plan Offerwise makes is scored by the
 * oracle beside the oracle's own best plan and the simple rules merchants use,
 * at the same budgets. The table it prints is the one in docs/planning.md.
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
let truth: Truth

beforeAll(async () => {
  truth = loadTruth(join(ROOT, 'resources/sample-shop/truth.json'))
  ;({ engine } = await trainedSampleShop())
  planId = await makePlan(engine, { holdoutShare: 0.1 })
}, 900_000)

afterAll(async () => engine?.close())

async function treatedRows(budget: number): Promise<PlanRow[]> {
  const plan = await engine.call('plan/resolve', { planId, budget })
  const rows: PlanRow[] = []
  for (let offset = 0; offset < plan.summary.coupons; offset += 1000) {
    rows.push(...(await engine.call('plan/rows', { planId, filter: { group: 'treatment' }, sort: 'profit', offset, limit: 1000 })).rows)
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
  // Measured (seed 7, docs/planning.md): 28 / 41 / 45 % of the oracle's best at $100 / $250 / $500,
  // against 20 / 28 / 39 % for random customers at 10 %. The response model can only learn a
  // shop-wide effect from the sample shop's 1,750 campaign members (docs/planning.md), so the plan
  // does not yet recover *most* of the oracle's profit; these floors hold what it does achieve.
  it('beats random targeting at every budget and keeps a floor of the best possible profit', async () => {
    const plan = await engine.call('plan/get', { planId })
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
        expect(ours.incrementalProfit).toBeGreaterThan(best.incrementalProfit / 4)
        expect(ours.incrementalProfit).toBeGreaterThan(random.incrementalProfit * 1.1)
        expect(ours.incrementalProfit).toBeGreaterThan(lapsed.incrementalProfit)
      })
    }
    const everyone = scorePlan(truth, everyonePlan(truth, 10, { startsAt: plan.startsAt }))
    console.log(JSON.stringify({ response: plan.response.kind, qini: plan.response.evaluation?.qiniCoefficient, table, everyone10: { profit: Math.round(everyone.incrementalProfit), cost: Math.round(everyone.discountCost) } }, null, 1))
    for (const check of checks) check()
  })
})
