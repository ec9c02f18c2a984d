import { describe, expect, it } from 'vitest'
import { discountSensitivity, explainDiscountSensitivity } from '../../../src-main/engine/features/discount-sensitivity'

const shop = { discountShare: 0.2, saleSpendShare: 0.1 }

describe('discount_sensitivity', () => {
  it('is 0.5 for a customer exactly like the shop average', () => {
    expect(discountSensitivity({ orders: 10, discountShare: 0.2, saleSpendShare: 0.1 }, shop)).toBeCloseTo(0.5, 12)
  })

  it('follows the written formula', () => {
    // n = 7, k = 3: s̃ = (7·0.6 + 3·0.2)/10 = 0.48 → 2.4×; p̃ = (7·0.5 + 3·0.1)/10 = 0.38 → 3.8×; r = 3.1.
    const explained = explainDiscountSensitivity({ orders: 7, discountShare: 0.6, saleSpendShare: 0.5 }, shop)
    expect(explained.shrunkDiscountShare).toBeCloseTo(0.48, 12)
    expect(explained.discountRatio).toBeCloseTo(2.4, 12)
    expect(explained.saleSpendRatio).toBeCloseTo(3.8, 12)
    expect(explained.score).toBeCloseTo(3.1 / 4.1, 12)
    expect(explained.text).toContain('3.10× the average customer')
  })

  it('moves a one-order bargain hunter less than a ten-order one', () => {
    const one = discountSensitivity({ orders: 1, discountShare: 1, saleSpendShare: 1 }, shop)
    const ten = discountSensitivity({ orders: 10, discountShare: 1, saleSpendShare: 1 }, shop)
    const never = discountSensitivity({ orders: 10, discountShare: 0, saleSpendShare: 0 }, shop)
    expect(one).toBeGreaterThan(0.5)
    expect(ten).toBeGreaterThan(one)
    expect(never).toBeLessThan(0.5)
    expect(never).toBeGreaterThan(0)
  })

  it('leaves out a behaviour the shop never shows, and is 0.5 when it shows neither', () => {
    expect(discountSensitivity({ orders: 3, discountShare: 1, saleSpendShare: 0 }, { discountShare: 0.5, saleSpendShare: 0 })).toBeCloseTo(0.75 / 0.5 / (1 + 0.75 / 0.5), 12)
    const none = explainDiscountSensitivity({ orders: 4, discountShare: 0, saleSpendShare: 0 }, { discountShare: 0, saleSpendShare: 0 })
    expect(none.score).toBe(0.5)
    expect(none.text).toMatch(/no discounted orders/)
  })
})
