import { afterEach, describe, expect, test } from 'vitest'
import { buildFeatures } from '../../../src-main/engine/features/build-features'
import { createRng } from '../../../src-main/engine/ml/random'
import { learnResponse, responseEffects } from '../../../src-main/engine/planner/response'
import { Shop } from '../features/shop-fixture'

/**
 * A hand-made store: customers with past orders (half of them used codes),
 * and one campaign sent 2024-03-01 with stated outcomes drawn from a law in
 * which code users respond and the others do not.
 */
function shopWithCampaign(options: { members: number; codes: boolean; controlArm?: boolean }): Shop {
  const shop = new Shop()
  const rng = createRng(21)
  const tea = shop.product('Tea', { category: 'Tea' })
  const total = options.members
  const customers: { id: number; couponUser: boolean }[] = []
  for (let c = 0; c < total; c++) {
    const id = shop.customer(`c${c}`)
    const couponUser = options.codes && c % 2 === 0
    for (let k = 0; k < 1 + (c % 4); k++) {
      const day = String(1 + ((c * 7 + k * 11) % 27)).padStart(2, '0')
      shop.order({ customer: id, at: `2024-0${1 + (k % 2)}-${day} 12:00:00`, code: couponUser ? 'SAVE10' : undefined, discount: couponUser ? 4 : 0, lines: [{ product: tea, quantity: 2, unitPrice: 20 }] })
    }
    customers.push({ id, couponUser })
  }
  shop.db.prepare(`INSERT INTO campaigns (id, campaign_key, name, source, sent_at, expires_at) VALUES (1, 'file:spring', 'spring', 'imported', '2024-03-01 09:00:00', '2024-03-15 09:00:00')`).run()
  const insert = shop.db.prepare(`INSERT INTO campaign_members (campaign_id, customer_id, arm, discount_type, discount_value, sent_at, expires_at, converted, redeemed)
    VALUES (1, ?, ?, ?, ?, '2024-03-01 09:00:00', '2024-03-15 09:00:00', ?, ?)`)
  customers.forEach((c, i) => {
    // Every third member held out as control (none when the campaign had no control arm).
    const treated = options.controlArm === false || i % 3 !== 0
    const arm = treated ? 'treatment' : 'control'
    const level = [5, 10, 15, 20][i % 4]
    const p = treated && c.couponUser ? 0.55 : 0.2
    const converted = rng.next() < p ? 1 : 0
    insert.run(c.id, arm, treated ? 'percent' : 'none', treated ? level : 0, converted, treated && converted ? 1 : 0)
  })
  return shop
}

let shop: Shop | null = null
afterEach(() => {
  shop?.close()
  shop = null
})

describe('learnResponse', () => {
  test('a randomised campaign with enough members in both arms gives a measured model, judged on held-out members', () => {
    shop = shopWithCampaign({ members: 400, codes: true })
    const counts = shop.db.prepare(`SELECT arm, COUNT(*) AS n FROM campaign_members GROUP BY arm ORDER BY arm`).all() as { arm: string; n: number }[]
    expect(counts.find((c) => c.arm === 'control')?.n).toBeGreaterThanOrEqual(20)
    expect(counts.find((c) => c.arm === 'treatment')?.n).toBeGreaterThanOrEqual(50)
    const { model, summary } = learnResponse(shop.db, { seed: 3 })
    expect(model.kind).toBe('measured')
    expect(summary.kind).toBe('measured')
    expect(summary.campaigns).toBe(1)
    expect(summary.prior).toBeNull()
    expect(summary.evaluation?.heldOutMembers).toBeGreaterThan(50)
    expect(model.featureNames).toContain('discount_share')
    expect(model.featureNames).not.toContain('top_category')
    expect(model.redeemShare).toBe(1)
    // Plan-day features: same column names, mapped by name.
    const features = buildFeatures(shop.db, '2024-04-01')
    const n = features.customerIds.length
    const effects = responseEffects(model, features, new Float32Array(n * 2).fill(0.1), 2)
    expect(effects.length).toBe(n * 2 * model.samples.length)
    // Coupon users responded in the law: on average they get the larger effects.
    const share = features.names.indexOf('discount_share')
    const S = model.samples.length
    let users = 0, others = 0, nu = 0, no = 0
    for (let i = 0; i < n; i++) {
      const e = effects[i * 2 * S]
      if (features.values[i * features.names.length + share] > 0.5) { users += e; nu++ } else { others += e; no++ }
    }
    expect(users / nu).toBeGreaterThan(others / no)
    expect(learnResponse(shop.db, { seed: 3 }).model).toEqual(model)
  })

  test('too few members (40 treated): assumed, with discount_sensitivity scaling when the shop has codes', () => {
    shop = shopWithCampaign({ members: 60, codes: true })
    const { model, summary } = learnResponse(shop.db, { seed: 3, prior: { maxRateMultiplier: 1.2, halfDepth: 0.1 } })
    expect(model.kind).toBe('assumed')
    expect(model.featureNames).toEqual(['discount_sensitivity'])
    expect(summary).toEqual({ kind: 'assumed', campaigns: 0, evaluation: null, prior: { maxRateMultiplier: 1.2, halfDepth: 0.1 } })
  })

  test('no discount history: assumed with the flat 0.5 scaling', () => {
    shop = shopWithCampaign({ members: 60, codes: false })
    const { model } = learnResponse(shop.db, { seed: 3 })
    expect(model.kind).toBe('assumed')
    expect(model.featureNames).toEqual([])
  })

  test('a campaign without a control arm measures nothing', () => {
    shop = shopWithCampaign({ members: 400, codes: true, controlArm: false })
    const arms = shop.db.prepare(`SELECT DISTINCT arm FROM campaign_members`).all()
    expect(arms).toEqual([{ arm: 'treatment' }])
    expect(learnResponse(shop.db, { seed: 3 }).model.kind).toBe('assumed')
  })
})
