import { describe, expect, test } from 'vitest'
import type { MemberOutcome } from '../../../src-main/engine/campaigns/outcomes'
import type { FeatureSet } from '../../../src-main/engine/features/types'
import { membersFromOutcomes, pastOfferDepth, scoringDepths, windowDays } from '../../../src-main/engine/planner/response'

const noShare = (): null => null

describe('effective depth of past offers (via offerTerms)', () => {
  const offer = (discountType: MemberOutcome['discountType'], discountValue: number, minSpend = 0, appliesTo = 'all') => ({ discountType, discountValue, minSpend, appliesTo })
  test('percent, fixed, spend-X-save-Y, free shipping, none', () => {
    expect(pastOfferDepth(offer('percent', 10), 50, 0, noShare)).toBeCloseTo(0.1, 12)
    expect(pastOfferDepth(offer('fixed', 5), 50, 0, noShare)).toBeCloseTo(0.1, 12)
    // Must spend 50 to save 10: their 40 order grows to 50.
    expect(pastOfferDepth(offer('spend_x_save_y', 10, 50), 40, 0, noShare)).toBeCloseTo(0.2, 12)
    expect(pastOfferDepth(offer('free_shipping', 0), 45, 5, noShare)).toBeCloseTo(5 / 45, 12)
    expect(pastOfferDepth(offer('free_shipping', 0), 45, 0, noShare)).toBe(0)
    expect(pastOfferDepth(offer('none', 10), 45, 5, noShare)).toBe(0)
  })
  test('a category offer counts the customer’s share in that category when known', () => {
    expect(pastOfferDepth(offer('percent', 20, 0, 'category:Tea'), 50, 0, (c) => (c === 'Tea' ? 0.5 : null))).toBeCloseTo(0.1, 12)
    expect(pastOfferDepth(offer('percent', 20, 0, 'category:Mugs'), 50, 0, () => null)).toBeCloseTo(0.2, 12)
  })
})

test('window length in whole days', () => {
  expect(windowDays('2024-03-01 09:00:00', '2024-03-15 09:00:00')).toBe(14)
  expect(windowDays('2024-03-01 09:00:00', '2024-03-01 10:00:00')).toBe(1)
})

describe('members from outcomes', () => {
  const features: FeatureSet = {
    cutoff: '2024-03-01',
    customerIds: Int32Array.from([10, 11, 12]),
    names: ['aov', 'frequency', 'discount_sensitivity', 'gap_cv'],
    values: Float32Array.from([40, 2, 0.7, 0.3, 60, 5, 0.2, 0.5, 100, 1, 0.5, 1]),
  }
  const outcome = (customerId: number, arm: 'treatment' | 'control', over: Partial<MemberOutcome> = {}): MemberOutcome => ({
    memberId: customerId, campaignId: 1, customerId, arm, discountType: arm === 'treatment' ? 'fixed' : 'none', discountValue: arm === 'treatment' ? 6 : 0,
    minSpend: 0, appliesTo: 'all', sentAt: '2024-03-01 10:00:00', expiresAt: '2024-03-15 10:00:00', converted: true, redeemed: false, revenue: 0,
    source: 'stated', known: true, ...over,
  })
  const names = ['frequency', 'discount_sensitivity', 'gap_cv', 'orders_last_30d']
  const days: string[] = []
  const members = membersFromOutcomes([outcome(11, 'treatment'), outcome(99, 'treatment'), outcome(10, 'control')], names, (day) => {
    days.push(day)
    return { features, shipping: 0 }
  })

  test('features at the sent_at day, by name; missing columns and unknown customers get the documented defaults', () => {
    expect(days[0]).toBe('2024-03-01')
    expect(Array.from(members[0].features)).toEqual([5, Math.fround(0.2), 0.5, 0])
    // No order before sent_at: frequency 0, sensitivity 0.5, gap_cv 1.
    expect(Array.from(members[1].features)).toEqual([0, 0.5, 1, 0])
  })

  test('depth from the customer’s typical order (the day’s median for a customer without one)', () => {
    expect(members[0].depth).toBeCloseTo(6 / 60, 6)
    expect(members[1].depth).toBeCloseTo(6 / 60, 6)
    expect(members[2].depth).toBe(0)
    expect(members[0].windowDays).toBe(14)
  })

  test('control members are scored at their campaign’s median treated depth', () => {
    const depths = scoringDepths(members)
    expect(depths[2]).toBeCloseTo(0.1, 6)
    expect(depths[0]).toBeCloseTo(members[0].depth, 12)
  })
})
