import { afterEach, describe, expect, it } from 'vitest'
import { memberOutcomes, orderCodes } from '../../../src-main/engine/campaigns/outcomes'
import { Shop } from '../features/shop-fixture'
import { addCampaign, addMember } from './member-fixture'

let shop: Shop | null = null
afterEach(() => {
  shop?.close()
  shop = null
})

/** A shop whose orders run from 1 Jan to 31 Mar 2024, and a campaign in March. */
function setup() {
  shop = new Shop()
  const mug = shop.product('Mug')
  const [ann, bob, cat, dan, eve] = ['ann', 'bob', 'cat', 'dan', 'eve'].map((k) => shop!.customer(k))
  shop.order({ customer: eve, at: '2024-01-01 09:00:00', lines: [{ product: mug, quantity: 1, unitPrice: 5 }] })
  // Ann: two sales in the window, one with her code in lower case, and one just after it.
  shop.order({ customer: ann, at: '2024-03-02 10:00:00', code: 'ann-10', lines: [{ product: mug, quantity: 2, unitPrice: 10 }] })
  shop.order({ customer: ann, at: '2024-03-05 10:00:00', lines: [{ product: mug, quantity: 1, unitPrice: 7.5 }] })
  shop.order({ customer: ann, at: '2024-03-20 10:00:00', lines: [{ product: mug, quantity: 1, unitPrice: 100 }] })
  // Bob: only a cancelled order and a return in the window: not a conversion.
  shop.order({ customer: bob, at: '2024-03-03 10:00:00', status: 'cancelled', lines: [{ product: mug, quantity: 1, unitPrice: 10 }] })
  shop.order({ customer: bob, at: '2024-03-04 10:00:00', isReturn: true, lines: [{ product: mug, quantity: 1, unitPrice: 10 }] })
  // Cat uses a shared campaign code that Dan also holds.
  shop.order({ customer: cat, at: '2024-03-06 10:00:00', code: 'SPRING, SHARED', lines: [{ product: mug, quantity: 3, unitPrice: 4 }] })
  shop.order({ customer: eve, at: '2024-03-31 23:00:00', lines: [{ product: mug, quantity: 1, unitPrice: 5 }] })
  const march = addCampaign(shop.db, 'march', '2024-03-01 00:00:00', '2024-03-15 23:59:59')
  return { db: shop.db, march, ann, bob, cat, dan, eve }
}

describe('memberOutcomes', () => {
  it('derives conversion, redemption and revenue from the sale orders in the window', () => {
    const { db, march, ann, bob, cat, dan } = setup()
    addMember(db, march, { customer: ann, code: 'ANN-10' })
    addMember(db, march, { customer: bob, code: 'BOB-10' })
    addMember(db, march, { customer: cat, code: 'shared' })
    addMember(db, march, { customer: dan, arm: 'control', type: 'none', value: 0, code: 'SHARED' })
    const out = memberOutcomes(db, march)
    const by = new Map(out.map((o) => [o.customerId, o]))
    // Ann: 20 + 7.5 in the window; the 100 on 20 March is after expiry.
    expect(by.get(ann)).toMatchObject({ converted: true, redeemed: true, revenue: 27.5, source: 'orders', known: true })
    expect(by.get(bob)).toMatchObject({ converted: false, redeemed: false, revenue: 0, known: true })
    expect(by.get(cat)).toMatchObject({ converted: true, redeemed: true, revenue: 12, known: true })
    // Dan holds the shared code but placed no order: Cat's use of it is not his.
    expect(by.get(dan)).toMatchObject({ arm: 'control', discountType: 'none', converted: false, redeemed: false, known: true })
  })

  it('lets stated outcomes win over the orders', () => {
    const { db, march, ann, bob } = setup()
    addMember(db, march, { customer: ann, code: 'ANN-10', converted: false, redeemed: false, revenue: 3 })
    addMember(db, march, { customer: bob, orderKey: 'X-1' })
    const by = new Map(memberOutcomes(db).map((o) => [o.customerId, o]))
    expect(by.get(ann)).toMatchObject({ converted: false, redeemed: false, revenue: 3, source: 'stated', known: true })
    // A stated order id is a redemption, hence a conversion.
    expect(by.get(bob)).toMatchObject({ converted: true, redeemed: true, source: 'stated', known: true })
  })

  it('marks outcomes unknown, not zero, when the store has no orders for the window', () => {
    const { db, ann, bob } = setup()
    const april = addCampaign(db, 'april', '2024-04-01 00:00:00', '2024-04-14 23:59:59')
    addMember(db, april, { customer: ann })
    addMember(db, april, { customer: bob, converted: true, revenue: 40 })
    // A campaign ending after the last order (31 March 23:00) is not covered either.
    const late = addCampaign(db, 'late', '2024-03-25 00:00:00', '2024-04-02 00:00:00')
    addMember(db, late, { customer: ann })
    const out = memberOutcomes(db)
    const april1 = out.filter((o) => o.campaignId === april)
    expect(april1.find((o) => o.customerId === ann)).toMatchObject({ known: false, converted: false, revenue: 0, source: 'orders' })
    expect(april1.find((o) => o.customerId === bob)).toMatchObject({ known: true, converted: true, revenue: 40, source: 'stated' })
    expect(out.find((o) => o.campaignId === late)).toMatchObject({ known: false })
  })

  it('reads each code of a multi-code cell', () => {
    expect(orderCodes(' spring, Vip-5 ;x ')).toEqual(['SPRING', 'VIP-5', 'X'])
    expect(orderCodes(null)).toEqual([])
  })
})
