import { afterEach, describe, expect, it } from 'vitest'
import { buildFeatures } from '../../../src-main/engine/features/build-features'
import { buildHistories } from '../../../src-main/engine/features/histories'
import { buildInteractions } from '../../../src-main/engine/features/interactions'
import { detectSaleDays } from '../../../src-main/engine/features/sale-periods'
import { Shop } from './shop-fixture'

/**
 * THE LEAKAGE TEST. Everything built at a cutoff must be a function of the
 * orders before it. We build, then add orders at and after the cutoff that
 * would move every feature if it could see them, rebuild, and require
 * identical output.
 *
 * Why this fails when any query forgets (or loosens) its cutoff — each
 * query has an addition below that changes its result if read:
 *  - sale orders (recency … orders_last_*, discount_*, own_season_share, the
 *    customer set): Ann orders at exactly 2024-07-01 00:00:00 and noon, with
 *    a huge total and a code; a NEW customer orders after the cutoff.
 *    An order AT the cutoff instant is the sharpest probe: a bound written
 *    `date(ordered_at) <= cutoff`, `< cutoff + 1 day` or on a timestamp
 *    rounded up would include it and change Ann's recency to 0.
 *  - returns: Bob returns an order at the cutoff instant and cancels one after (returns_rate).
 *  - sale days: 30 orders share code FLASH50 on the cutoff day and 40% off
 *    after it (context.saleDays, and the median behind the code threshold).
 *  - product catalogue / top categories: a new category sells 10,000 after
 *    the cutoff, more than all old categories together (context.topCategories
 *    and every cat_share; interactions' vocabulary).
 *  - customer products: Ann buys 50 of an OLD product, Tea, at the cutoff instant (her cat
 *    shares, interaction weights). A product first sold after the cutoff would not do: it is
 *    not in the catalogue, so the join drops it even from a leaking query.
 *  - seasonality: the shop has more than a year of history, and the orders
 *    after the cutoff would raise "orders in the past year" if counted.
 *  - histories: Ann's extra orders would become her last steps.
 *
 * Checked by mutation: removing the bound from any one query, or loosening it
 * to `date(o.ordered_at) <= @cutoff`, makes the first test fail.
 */
let shop: Shop
afterEach(() => shop.close())

const CUTOFF = '2024-07-01'

function history() {
  shop = new Shop()
  const ann = shop.customer('ann')
  const bob = shop.customer('bob')
  const mug = shop.product('Mug', { category: 'Kitchen' })
  const tea = shop.product('Tea', { category: 'Food' })
  const bag = shop.product('JUMBO BAG RED RETROSPOT')
  const line = (product: number, quantity: number, unitPrice: number) => [{ product, quantity, unitPrice }]
  shop.order({ customer: ann, at: '2023-03-01 10:00:00', lines: line(mug, 2, 10) })
  shop.order({ customer: ann, at: '2023-08-01 10:00:00', code: 'WELCOME', discount: 2, lines: line(tea, 1, 20) })
  shop.order({ customer: ann, at: '2024-05-20 10:00:00', lines: line(bag, 3, 2) })
  shop.order({ customer: bob, at: '2023-12-24 18:00:00', lines: line(mug, 1, 10) })
  shop.order({ customer: bob, at: '2024-06-30 23:59:59', lines: line(tea, 2, 20) })
  shop.order({ customer: bob, at: '2024-02-01 10:00:00', isReturn: true, lines: line(mug, 1, 10) })
  // Sale day before the cutoff: 6 orders with SUMMER on one day (guests), so saleDays is not trivially empty.
  for (let i = 0; i < 6; i++) shop.order({ customer: i === 0 ? ann : null, at: `2024-06-15 1${i}:00:00`, code: 'SUMMER', discount: 2, lines: line(mug, 1, 10) })
  return { ann, bob, mug, tea }
}

function after(ids: { ann: number; bob: number; mug: number; tea: number }) {
  const gadget = shop.product('Gadget', { category: 'Electronics' })
  const newcomer = shop.customer('newcomer')
  shop.order({ customer: ids.ann, at: `${CUTOFF} 00:00:00`, total: 1_000_000, code: 'VIP', discount: 500, lines: [{ product: gadget, quantity: 100, unitPrice: 100 }, { product: ids.tea, quantity: 50, unitPrice: 20 }] })
  shop.order({ customer: ids.ann, at: `${CUTOFF} 12:00:00`, lines: [{ product: gadget, quantity: 1, unitPrice: 100 }] })
  shop.order({ customer: newcomer, at: `${CUTOFF} 00:00:00`, lines: [{ product: ids.mug, quantity: 1, unitPrice: 10 }] })
  shop.order({ customer: newcomer, at: '2024-08-01 09:00:00', lines: [{ product: gadget, quantity: 1, unitPrice: 100 }] })
  shop.order({ customer: ids.bob, at: `${CUTOFF} 00:00:00`, isReturn: true, status: 'refunded', lines: [{ product: ids.mug, quantity: 1, unitPrice: 10 }] })
  shop.order({ customer: ids.bob, at: '2024-07-03 10:00:00', status: 'cancelled', lines: [{ product: ids.mug, quantity: 1, unitPrice: 10 }] })
  for (let i = 0; i < 30; i++) shop.order({ customer: null, at: `${CUTOFF} 0${i % 10}:${10 + i}:00`, code: 'FLASH50', discount: 5, lines: [{ product: ids.mug, quantity: 1, unitPrice: 10 }] })
  for (let i = 0; i < 10; i++) shop.order({ customer: null, at: '2024-09-01 10:00:00', discount: 4, lines: [{ product: ids.mug, quantity: 1, unitPrice: 10 }] })
}

function snapshot() {
  const features = buildFeatures(shop.db, CUTOFF)
  const interactions = buildInteractions(shop.db, CUTOFF)
  return {
    customers: Array.from(features.customerIds),
    names: features.names,
    values: Array.from(features.values),
    context: features.context,
    saleDays: detectSaleDays(shop.db, CUTOFF),
    interactions: {
      customers: Array.from(interactions.customerIds),
      products: interactions.products,
      rows: Array.from(interactions.customerRow),
      items: Array.from(interactions.productIndex),
      weights: Array.from(interactions.weight),
    },
    histories: buildHistories(shop.db, CUTOFF),
  }
}

describe('features at a cutoff', () => {
  it('do not change when orders at or after the cutoff are added', () => {
    const ids = history()
    const before = snapshot()
    // The probe history is rich enough to be meaningful: a sale day, >1 year, both customers.
    expect(before.customers).toEqual([ids.ann, ids.bob])
    expect(before.saleDays.map((d) => [d.day, d.code])).toEqual([['2024-06-15', 'SUMMER']])
    expect(before.context?.seasonIndex).not.toBe(1)
    after(ids)
    const later = snapshot()
    expect(later).toEqual(before)
  })

  it('do see the same orders once the cutoff moves past them (the probe is not inert)', () => {
    const ids = history()
    const before = snapshot()
    after(ids)
    const features = buildFeatures(shop.db, '2024-09-02')
    expect(Array.from(features.customerIds)).toContain(ids.ann)
    expect(features.customerIds.length).toBe(3)
    expect(features.context?.topCategories[0]).toBe('Electronics')
    expect(detectSaleDays(shop.db, '2024-09-02').map((d) => d.day)).toEqual(['2024-06-15', '2024-07-01', '2024-09-01'])
    expect(before.customers.length).toBe(2)
  })
})
