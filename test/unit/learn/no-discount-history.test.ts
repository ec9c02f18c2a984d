import { afterEach, describe, expect, it } from 'vitest'
import { buildFeatures } from '../../../src-main/engine/features/build-features'
import { customerDetail, listCustomers } from '../../../src-main/engine/learn/customer-queries'
import { shopHasDiscountData } from '../../../src-main/engine/learn/customer-score-records'
import { saveRun, type CustomerScoreRecord, type RunRecord } from '../../../src-main/engine/learn/run-store'
import { Shop } from '../features/shop-fixture'

let shop: Shop
afterEach(() => shop?.close())

function plainShop(): { shop: Shop; ann: number } {
  shop = new Shop()
  const ann = shop.customer('ann')
  const bob = shop.customer('bob')
  const mug = shop.product('Mug')
  shop.order({ customer: ann, at: '2024-01-05 10:00:00', lines: [{ product: mug, quantity: 1, unitPrice: 12 }] })
  shop.order({ customer: ann, at: '2024-02-05 10:00:00', lines: [{ product: mug, quantity: 2, unitPrice: 12 }] })
  shop.order({ customer: bob, at: '2024-02-10 10:00:00', lines: [{ product: mug, quantity: 1, unitPrice: 12 }] })
  return { shop, ann }
}

function score(customerId: number): CustomerScoreRecord {
  return {
    customerId, pBuy: 0.3, expectedOrders: 0.4, expectedSpend: 5, discountSensitivity: 0.5, discountShare: 0, discountDepth: 0, saleSpendShare: 0,
    expectedDaysToNext: 20, nextCategory: null, topCategories: [], topProducts: [], pAlive: 0.8, clv3m: 1, clv6m: 2, clv12m: 3, churnRisk: 'medium',
  }
}

function run(customerId: number, shopFacts: RunRecord['shop'] | Record<string, unknown>): RunRecord {
  return {
    report: { evaluationCutoff: '2024-02-01', scoringCutoff: '2024-03-01', horizonDays: 30, backend: { name: 'cpu' } } as unknown as RunRecord['report'],
    mode: 'learned',
    shop: shopFacts as RunRecord['shop'],
    models: [],
    scores: [score(customerId)],
  }
}

describe('a shop without any discount history', () => {
  it('is recognised from its features, and one coded order or a sale changes that', () => {
    const { shop, ann } = plainShop()
    expect(shopHasDiscountData(buildFeatures(shop.db, '2024-03-01'))).toBe(false)
    shop.order({ customer: ann, at: '2024-02-20 10:00:00', code: 'HELLO', discount: 2, lines: [{ product: 1, quantity: 1, unitPrice: 12 }] })
    expect(shopHasDiscountData(buildFeatures(shop.db, '2024-03-01'))).toBe(true)
  })

  it('flags the customer detail and list so the page gives no coupon advice; runs from before the flag keep the old reading', () => {
    const { shop, ann } = plainShop()
    const lifetimeValue = { bgNbd: null, gammaGamma: null, margin: 0.4, marginSource: 'default' as const, monthlyDiscountRate: 0.01 }
    saveRun(shop.db, run(ann, { discountShare: 0, saleSpendShare: 0, hasDiscountData: false, lifetimeValue }))
    const detail = customerDetail(shop.db, ann)
    expect(detail.discount.shopHasDiscountData).toBe(false)
    expect(listCustomers(shop.db, { search: '', sort: 'p-buy', offset: 0, limit: 10 }).rows[0].shopHasDiscountData).toBe(false)
    // CLV, churn band and the next-order date (scoring day + 20 days) come back as stored.
    expect(detail.lifetimeValue).toEqual({ clv3m: 1, clv6m: 2, clv12m: 3, margin: 0.4, marginSource: 'default', monthlyDiscountRate: 0.01 })
    expect(detail.churnRisk).toBe('medium')
    expect(detail.nextOrderAt).toBe('2024-03-21')

    saveRun(shop.db, run(ann, { discountShare: 0, saleSpendShare: 0 }))
    const older = customerDetail(shop.db, ann)
    expect(older.discount.shopHasDiscountData).toBe(true)
    expect(older.lifetimeValue).toBeNull()
  })
})
