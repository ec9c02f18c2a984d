import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { makePlan, trainedSampleShop } from './sample-shop-plan'

let engine: Engine
let planId: number

beforeAll(async () => {
  ;({ engine } = await trainedSampleShop())
  planId = await makePlan(engine)
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
