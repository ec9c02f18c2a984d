import { afterEach, describe, expect, it } from 'vitest'
import { buildFeatures } from '../../../src-main/engine/features/build-features'
import { FEATURE_NAMES } from '../../../src-main/engine/features/feature-names'
import type { FeatureSet } from '../../../src-main/engine/features/types'
import { Shop } from './shop-fixture'

let shop: Shop
afterEach(() => shop.close())

function value(features: FeatureSet, customerId: number, name: string): number {
  const row = Array.from(features.customerIds).indexOf(customerId)
  if (row < 0) throw new Error(`customer ${customerId} has no row`)
  return features.values[row * features.names.length + features.names.indexOf(name)]
}

/**
 * Cutoff 2024-07-01. Ann: three sales (Jan 1, Mar 1 with SPRING10, Jun 1),
 * a refund and a cancellation. Bob: one sale the evening before the cutoff.
 * Cid: only a cancelled order. A guest buys 500 of mugs.
 */
function annAndBob() {
  shop = new Shop()
  const ann = shop.customer('ann')
  const bob = shop.customer('bob')
  const cid = shop.customer('cid')
  const mug = shop.product('Mug', { category: 'Kitchen' })
  const tea = shop.product('Tea', { category: 'Food' })
  const holder = shop.product('WHITE HANGING HEART T-LIGHT HOLDER')
  const postage = shop.product('POSTAGE', { isProduct: false })
  shop.order({ customer: ann, at: '2024-01-01 10:00:00', lines: [{ product: mug, quantity: 2, unitPrice: 25 }, { product: tea, quantity: 1, unitPrice: 50 }] })
  shop.order({ customer: ann, at: '2024-03-01 09:00:00', code: 'spring10 ', discount: 10, lines: [{ product: mug, quantity: 4, unitPrice: 25 }] })
  shop.order({ customer: ann, at: '2024-06-01 12:00:00', lines: [{ product: tea, quantity: 1, unitPrice: 60 }] })
  shop.order({ customer: ann, at: '2024-06-05 12:00:00', isReturn: true, status: 'refunded', lines: [{ product: tea, quantity: 1, unitPrice: 60 }] })
  shop.order({ customer: ann, at: '2024-06-10 12:00:00', status: 'cancelled', lines: [{ product: mug, quantity: 9, unitPrice: 25 }] })
  shop.order({ customer: bob, at: '2024-06-30 23:59:59', lines: [{ product: holder, quantity: 2, unitPrice: 20 }, { product: postage, quantity: 1, unitPrice: 5, kind: 'shipping' }] })
  shop.order({ customer: cid, at: '2024-05-01 08:00:00', status: 'cancelled', lines: [{ product: tea, quantity: 1, unitPrice: 50 }] })
  shop.order({ customer: null, at: '2024-05-01 08:00:00', lines: [{ product: mug, quantity: 20, unitPrice: 25 }] })
  return { ann, bob, cid }
}

describe('buildFeatures', () => {
  it('has one row per customer with a sale before the cutoff, and the documented columns', () => {
    const { ann, bob } = annAndBob()
    const features = buildFeatures(shop.db, '2024-07-01')
    expect(Array.from(features.customerIds)).toEqual([ann, bob])
    expect(features.names).toEqual(FEATURE_NAMES)
    expect(features.values.length).toBe(2 * FEATURE_NAMES.length)
    expect(features.values.every(Number.isFinite)).toBe(true)
  })

  it('computes recency, frequency, money, gaps and windows by hand', () => {
    const { ann } = annAndBob()
    const f = buildFeatures(shop.db, '2024-07-01')
    // Jan 1 → Jul 1 2024 is 182 days (leap February); Mar 1 → 122; Jun 1 → 30.
    expect(value(f, ann, 'recency_days')).toBe(30)
    expect(value(f, ann, 'tenure_days')).toBe(182)
    expect(value(f, ann, 'frequency')).toBe(3)
    // 100 + (100 − 10) + 60: the refund and the cancellation are not sales.
    expect(value(f, ann, 'monetary')).toBeCloseTo(250, 4)
    expect(value(f, ann, 'aov')).toBeCloseTo(250 / 3, 4)
    // Gaps 60 and 92 days: mean 76, population sd 16.
    expect(value(f, ann, 'gap_mean')).toBeCloseTo(76, 5)
    expect(value(f, ann, 'gap_last')).toBe(92)
    expect(value(f, ann, 'gap_cv')).toBeCloseTo(16 / 76, 5)
    // The 90 days before Jul 1 start on Apr 2: only the Jun 1 order.
    expect(value(f, ann, 'orders_last_90d')).toBe(1)
    expect(value(f, ann, 'spend_last_90d')).toBeCloseTo(60, 4)
    expect(value(f, ann, 'orders_last_365d')).toBe(3)
    // 2 of 5 orders were a refund or a cancellation.
    expect(value(f, ann, 'returns_rate')).toBeCloseTo(0.4, 6)
  })

  it('computes the activity and basket columns by hand', () => {
    const { ann, bob } = annAndBob()
    const f = buildFeatures(shop.db, '2024-07-01')
    // Jun 1 is within 30 days of Jul 1; Jan 1 is 182 days back, outside 180.
    expect(value(f, ann, 'orders_last_30d')).toBe(1)
    expect(value(f, ann, 'orders_last_180d')).toBe(2)
    expect(value(f, ann, 'spend_last_180d')).toBeCloseTo(150, 4)
    expect(value(f, ann, 'visits')).toBe(3)
    expect(value(f, ann, 'active_months')).toBe(3)
    // Mug in two orders, tea in two: 2 products, 4 product lines over 3 orders.
    expect(value(f, ann, 'distinct_products')).toBe(2)
    expect(value(f, ann, 'lines_per_order')).toBeCloseTo(4 / 3, 5)
    expect(value(f, ann, 'recency_gap_ratio')).toBeCloseTo(30 / 77, 5)
    expect(value(f, ann, 'last_order_total')).toBeCloseTo(60, 4)
    // Postage is not a product line.
    expect(value(f, bob, 'distinct_products')).toBe(1)
    expect(value(f, bob, 'lines_per_order')).toBe(1)
  })

  it('gives one-order customers tenure-based gaps and a neutral regularity', () => {
    const { bob } = annAndBob()
    const f = buildFeatures(shop.db, '2024-07-01')
    expect(value(f, bob, 'recency_days')).toBe(1)
    expect(value(f, bob, 'tenure_days')).toBe(1)
    expect(value(f, bob, 'gap_mean')).toBe(1)
    expect(value(f, bob, 'gap_last')).toBe(1)
    expect(value(f, bob, 'gap_cv')).toBe(1)
    expect(value(f, bob, 'returns_rate')).toBe(0)
    // Postage is in the order total but is not a product.
    expect(value(f, bob, 'monetary')).toBeCloseTo(45, 4)
  })

  it('describes discount behaviour, with the sensitivity shrunk towards the shop', () => {
    const { ann, bob } = annAndBob()
    const f = buildFeatures(shop.db, '2024-07-01')
    expect(value(f, ann, 'discount_share')).toBeCloseTo(1 / 3, 6)
    // 10 off a 100 order.
    expect(value(f, ann, 'discount_depth_mean')).toBeCloseTo(0.1, 6)
    expect(value(f, bob, 'discount_share')).toBe(0)
    expect(value(f, ann, 'sale_spend_share')).toBe(0)
    expect(f.context?.saleDays).toEqual([])
    // Shop: 1 discounted of 4 customer sale orders; no sale days, so only the discount part counts.
    expect(f.context?.shopDiscountShare).toBeCloseTo(0.25, 9)
    // Ann: s̃ = (3·⅓ + 3·0.25) / 6 = 0.291667, r = 1.166667, score = r / (1 + r).
    expect(value(f, ann, 'discount_sensitivity')).toBeCloseTo(1.1666667 / 2.1666667, 5)
    // Bob: s̃ = (0 + 0.75) / 4 = 0.1875, r = 0.75.
    expect(value(f, bob, 'discount_sensitivity')).toBeCloseTo(0.75 / 1.75, 5)
  })

  it('shares spend over the shop top categories, deriving categories from names when missing', () => {
    const { ann, bob } = annAndBob()
    const f = buildFeatures(shop.db, '2024-07-01')
    // Kitchen 50 + 100 + guest 500; Food 50 + 60; holder 40. The cancelled mugs do not count.
    expect(f.context?.topCategories).toEqual(['Kitchen', 'Food', 'holder'])
    expect(value(f, ann, 'cat_share_0')).toBeCloseTo(150 / 260, 5)
    expect(value(f, ann, 'cat_share_1')).toBeCloseTo(110 / 260, 5)
    expect(value(f, ann, 'top_category')).toBe(0)
    expect(value(f, bob, 'cat_share_2')).toBe(1)
    expect(value(f, bob, 'top_category')).toBe(2)
    for (const name of ['cat_share_3', 'cat_share_7', 'cat_share_other']) expect(value(f, ann, name)).toBe(0)
  })

  it('is neutral on seasonality with less than a year of history', () => {
    const { ann } = annAndBob()
    const f = buildFeatures(shop.db, '2024-07-01')
    expect(value(f, ann, 'season_index')).toBe(1)
    expect(value(f, ann, 'own_season_share')).toBeCloseTo(90 / 365, 6)
  })

  it('measures last year’s coming 90 days against the year, shop-wide and per customer', () => {
    shop = new Shop()
    const ann = shop.customer('ann')
    const bob = shop.customer('bob')
    const p = shop.product('Mug', { category: 'Kitchen' })
    const line = [{ product: p, quantity: 1, unitPrice: 10 }]
    // Cutoff 2024-07-01: the year is [2023-07-02, 2024-07-01), last year's window [2023-07-02, 2023-09-30).
    shop.order({ customer: ann, at: '2023-01-15 10:00:00', lines: line }) // before the year: ignored
    shop.order({ customer: ann, at: '2023-07-10 10:00:00', lines: line }) // window
    shop.order({ customer: ann, at: '2023-08-10 10:00:00', lines: line }) // window
    shop.order({ customer: ann, at: '2024-02-10 10:00:00', lines: line })
    shop.order({ customer: null, at: '2023-09-01 10:00:00', lines: line }) // window (guests count)
    shop.order({ customer: bob, at: '2023-01-20 10:00:00', lines: line }) // before the year only
    const f = buildFeatures(shop.db, '2024-07-01')
    // 3 of the year's 4 orders in the window: 3 / (4 · 90 / 365).
    expect(value(f, ann, 'season_index')).toBeCloseTo(3 / ((4 * 90) / 365), 5)
    expect(value(f, ann, 'own_season_share')).toBeCloseTo(2 / 3, 6)
    // No order in the past year: the shop's share.
    expect(value(f, bob, 'own_season_share')).toBeCloseTo(3 / 4, 6)
    expect(value(f, bob, 'orders_last_365d')).toBe(0)
  })

  it('refuses a cutoff that is not a YYYY-MM-DD date', () => {
    annAndBob()
    expect(() => buildFeatures(shop.db, '2024-7-1')).toThrow(/YYYY-MM-DD/)
    expect(() => buildFeatures(shop.db, '2024-02-30')).toThrow(/YYYY-MM-DD/)
  })
})
