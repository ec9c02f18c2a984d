import { afterEach, describe, expect, it } from 'vitest'
import { ITEM_COSINE_BASELINE } from '../../../src-main/engine/evaluation/baselines/item-cosine'
import { OWN_REPEATS_BASELINE } from '../../../src-main/engine/evaluation/baselines/own-repeats'
import { POPULARITY_BASELINE } from '../../../src-main/engine/evaluation/baselines/popularity'
import { RFM_BASELINE } from '../../../src-main/engine/evaluation/baselines/purchase-baselines'
import { evaluateBaselines } from '../../../src-main/engine/evaluation/evaluate-baselines'
import { buildAffinitySplit, buildPurchaseSplit, evaluateRankings, type AffinitySplit } from '../../../src-main/engine/evaluation/protocol'
import { Shop } from '../features/shop-fixture'

let shop: Shop
afterEach(() => shop.close())

/**
 * Before 2024-03-01: u0 {A, B}, u1 {A, B, C, C again}, u2 {C}, u3 {A}.
 * Buyers: A 3, B 2, C 2, so cos(A,B) = 2/√6, cos(A,C) = 1/√6, cos(B,C) = 1/2.
 * Window (30 days): u0 buys C; u3 buys B and D, a product new to the shop.
 */
function tinyShop() {
  shop = new Shop()
  const [u0, u1, u2, u3] = ['u0', 'u1', 'u2', 'u3'].map((k) => shop.customer(k))
  const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((n) => shop.product(n, { category: 'x' }))
  const buy = (customer: number, at: string, ...products: number[]) =>
    shop.order({ customer, at, lines: products.map((product) => ({ product, quantity: 1, unitPrice: 10 })) })
  buy(u0, '2024-01-01 10:00:00', a, b)
  buy(u1, '2024-01-02 10:00:00', a, b, c)
  buy(u1, '2024-02-02 10:00:00', c)
  buy(u2, '2024-01-03 10:00:00', c)
  buy(u3, '2024-01-04 10:00:00', a)
  buy(u0, '2024-03-05 10:00:00', c)
  buy(u3, '2024-03-06 10:00:00', b, d)
  return { a, b, c, d }
}

function names(split: AffinitySplit, indices: number[]): string[] {
  return indices.map((i) => split.window.products[i].name)
}

describe('affinity baselines', () => {
  it('popularity ranks by distinct buyers, ties by store order', () => {
    tinyShop()
    const split = buildAffinitySplit(shop.db, { cutoff: '2024-03-01', horizonDays: 30 })
    const rank = POPULARITY_BASELINE.scorer(split.context)
    expect(names(split, rank(0, 3))).toEqual(['A', 'B', 'C'])
    expect(names(split, rank(3, 3, new Set([0])))).toEqual(['B', 'C'])
  })

  it('own repeats lists the customer’s most-ordered products, then popular ones', () => {
    tinyShop()
    const split = buildAffinitySplit(shop.db, { cutoff: '2024-03-01', horizonDays: 30 })
    const rank = OWN_REPEATS_BASELINE.scorer(split.context)
    // u1: C in 2 orders, then A and B (A more popular).
    expect(names(split, rank(1, 3))).toEqual(['C', 'A', 'B'])
    expect(names(split, rank(2, 3))).toEqual(['C', 'A', 'B'])
    expect(names(split, rank(3, 2))).toEqual(['A', 'B'])
  })

  it('item cosine sums similarities to the customer’s other products', () => {
    tinyShop()
    const split = buildAffinitySplit(shop.db, { cutoff: '2024-03-01', horizonDays: 30 })
    const rank = ITEM_COSINE_BASELINE.scorer(split.context)
    // u3 {A}: B 0.816, C 0.408, A itself 0.
    expect(names(split, rank(3, 3))).toEqual(['B', 'C', 'A'])
    // u2 {C}: B 0.5, A 0.408.
    expect(names(split, rank(2, 3))).toEqual(['B', 'A', 'C'])
    // u0 {A, B}: C 0.408 + 0.5 = 0.908; A and B 0.816 each, tie to the more popular A.
    expect(names(split, rank(0, 3))).toEqual(['C', 'A', 'B'])
  })

  it('are scored on the window, with new-to-shop products as misses and discovery on unowned products', () => {
    tinyShop()
    const split = buildAffinitySplit(shop.db, { cutoff: '2024-03-01', horizonDays: 30 })
    expect(split.window.knownProducts).toBe(3)
    const popularity = evaluateRankings(split.window, split.context.interactions, POPULARITY_BASELINE.scorer(split.context), 2)
    // Top 2 = [A, B]: u0 wanted {C} → 0; u3 wanted {B, D} → 1 / min(2, 2).
    expect(popularity.customers).toBe(2)
    expect(popularity.recallAtK).toBeCloseTo(0.25, 12)
    expect(popularity.hitAtK).toBeCloseTo(0.5, 12)
    expect(popularity.ndcgAtK).toBeCloseTo(((1 / Math.log2(3)) / (1 + 1 / Math.log2(3))) / 2, 12)
    // Discovery: u0 (owns A, B) is offered [C] → 1; u3 (owns A) [B, C] → ½ of {B, D}.
    expect(popularity.newProductCustomers).toBe(2)
    expect(popularity.newRecallAtK).toBeCloseTo(0.75, 12)
    const cosine = evaluateRankings(split.window, split.context.interactions, ITEM_COSINE_BASELINE.scorer(split.context), 2)
    // u0 [C, A] → 1; u3 [B, C] → ½.
    expect(cosine.recallAtK).toBeCloseTo(0.75, 12)
  })

  it('refuses a ranker that ignores the exclusion', () => {
    tinyShop()
    const split = buildAffinitySplit(shop.db, { cutoff: '2024-03-01', horizonDays: 30 })
    expect(() => evaluateRankings(split.window, split.context.interactions, () => [0, 1], 2)).toThrow(/excluded/)
  })
})

describe('purchase protocol', () => {
  it('fits on the earlier cutoff with its own window, and scores the evaluation cutoff', () => {
    tinyShop()
    const split = buildPurchaseSplit(shop.db, { cutoff: '2024-03-01', horizonDays: 30 })
    expect(split.train.features.cutoff).toBe('2024-01-31')
    expect(split.train.labels.cutoff).toBe('2024-01-31')
    // Before Jan 31 all four had bought; in [Jan 31, Mar 1) only u1 did.
    expect(Array.from(split.train.labels.bought)).toEqual([0, 1, 0, 0])
    expect(Array.from(split.test.labels.bought)).toEqual([1, 0, 0, 1])
    const scores = RFM_BASELINE.fit(split.train.features, split.train.labels)(split.test.features)
    expect(scores).toHaveLength(4)
    for (const p of scores) expect(p > 0 && p < 1).toBe(true)
  })

  it('evaluateBaselines reports every baseline on one task', () => {
    tinyShop()
    const report = evaluateBaselines(shop.db, { cutoff: '2024-03-01', horizonDays: 30 })
    expect(report).toMatchObject({ customers: 4, buyers: 2, productBuyers: 2 })
    expect(report.purchase.map((p) => p.name)).toEqual(['recency', 'frequency', 'rfm-logistic'])
    expect(report.affinity.map((a) => a.name)).toEqual(['popularity', 'own-repeats', 'item-cosine'])
    expect(report.affinity[0].recallAt10).toBeCloseTo((1 + 0.5) / 2, 12)
  })
})
