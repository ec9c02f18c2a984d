import { describe, expect, it } from 'vitest'
import { expandOfferMenu, offerTerms, parseOfferSpec } from '../../../src-main/engine/planner/offer-terms'
import type { Offer } from '../../../src-main/engine/planner/offer-types'
import type { OfferMenu } from '../../../src-main/engine/planner/planner-api'

const offer = (type: Offer['type'], value: number, minSpend = 0, scope: Offer['scope'] = 'all'): Offer => ({ id: 'x', type, value, minSpend, scope })

describe('offerTerms', () => {
  it('percent off is a share of the typical order', () => {
    expect(offerTerms(offer('percent', 10), 60, 4)).toEqual({ orderValue: 60, discount: 6, depth: 0.1, applies: true })
  })
  it('fixed off never exceeds the order', () => {
    expect(offerTerms(offer('fixed', 5), 40, 0)).toEqual({ orderValue: 40, discount: 5, depth: 0.125, applies: true })
    expect(offerTerms(offer('fixed', 50), 20, 0)).toEqual({ orderValue: 20, discount: 20, depth: 1, applies: true })
  })
  it('free shipping is worth the shipping they pay, and nothing without shipping', () => {
    expect(offerTerms(offer('free_shipping', 0), 50, 4.5)).toEqual({ orderValue: 50, discount: 4.5, depth: 0.09, applies: true })
    expect(offerTerms(offer('free_shipping', 0), 50, 0).applies).toBe(false)
  })
  it('spend X save Y tops the order up to X', () => {
    expect(offerTerms(offer('spend_x_save_y', 10, 50), 30, 0)).toEqual({ orderValue: 50, discount: 10, depth: 0.2, applies: true })
    expect(offerTerms(offer('spend_x_save_y', 10, 50), 80, 0)).toEqual({ orderValue: 80, discount: 10, depth: 0.125, applies: true })
  })
  it('scoped percent scales with the in-scope share of the basket', () => {
    const t = offerTerms(offer('percent', 20, 0, 'category'), 50, 0, 0.4)
    expect(t.discount).toBeCloseTo(4)
    expect(t.depth).toBeCloseTo(0.08)
    // Whole-shop offers ignore the share.
    expect(offerTerms(offer('percent', 20), 50, 0, 0.4).discount).toBeCloseTo(10)
  })
  it('scoped fixed is capped by in-scope spend; scoped spend-X is reached in scope', () => {
    expect(offerTerms(offer('fixed', 5, 0, 'product'), 50, 0, 0.06).discount).toBeCloseTo(3)
    expect(offerTerms(offer('fixed', 5, 0, 'product'), 50, 0, 0.5).discount).toBeCloseTo(5)
    // 40 % of 60 = 24 in scope; reaching 50 in scope adds 26.
    const t = offerTerms(offer('spend_x_save_y', 10, 50, 'category'), 60, 0, 0.4)
    expect(t.orderValue).toBeCloseTo(86)
    expect(t.discount).toBeCloseTo(10)
    expect(t.depth).toBeCloseTo(10 / 86)
  })
  it('does not apply with nothing in scope or no typical order', () => {
    expect(offerTerms(offer('percent', 10, 0, 'category'), 50, 0, 0).applies).toBe(false)
    expect(offerTerms(offer('percent', 10), 0, 0).applies).toBe(false)
  })
})

describe('expandOfferMenu', () => {
  const menu: OfferMenu = { percent: [20, 5, 10, 10, 30], fixed: [5], freeShipping: true, spendSave: [{ minSpend: 50, save: 10 }], scopes: ['category'] }
  it('gives stable ids, no duplicates, percent levels above max depth left out', () => {
    const ids = expandOfferMenu(menu, 0.25).map((o) => o.id)
    expect(ids).toEqual([
      'percent:5', 'percent:10', 'percent:20',
      'percent:5@category', 'percent:10@category', 'percent:20@category',
      'fixed:5', 'fixed:5@category',
      'free_shipping',
      'spend_x_save_y:50:10', 'spend_x_save_y:50:10@category',
    ])
    expect(new Set(ids).size).toBe(ids.length)
  })
  it('carries type, value, min spend and scope', () => {
    const tier = expandOfferMenu(menu, 1).find((o) => o.id === 'spend_x_save_y:50:10@category')
    expect(tier).toEqual({ id: 'spend_x_save_y:50:10@category', type: 'spend_x_save_y', value: 10, minSpend: 50, scope: 'category' })
  })
})

describe('parseOfferSpec', () => {
  it('reads the CLI syntax', () => {
    expect(parseOfferSpec('percent:5,10,15,20;fixed:5;free_shipping;spend_x_save_y:50/10')).toEqual({
      percent: [5, 10, 15, 20], fixed: [5], freeShipping: true, spendSave: [{ minSpend: 50, save: 10 }], scopes: [],
    })
    expect(parseOfferSpec(' percent: 10 ; scope:category,product ').scopes).toEqual(['category', 'product'])
  })
  it.each([
    ['', /empty/],
    ['percent:', /percent:.*list of values/],
    ['percent:5,x', /"x" is not a positive number/],
    ['percent:120', /not below 100/],
    ['fixed:-5', /"-5"/],
    ['bogus:3', /unknown offer type "bogus"/],
    ['spend_x_save_y:50-10', /"50-10" is not MIN\/SAVE/],
    ['spend_x_save_y:10/20', /gives the order away/],
    ['free_shipping:3', /takes no values/],
    ['percent:5;percent:10', /given twice/],
    ['scope:shop', /"shop" is not all, category or product/],
  ])('rejects %j with a message naming the part', (spec, message) => {
    expect(() => parseOfferSpec(spec)).toThrow(message)
  })
})
