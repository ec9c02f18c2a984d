import { afterEach, describe, expect, it } from 'vitest'
import { buildFeatures } from '../../../src-main/engine/features/build-features'
import { buildHistories, NO_CATEGORY } from '../../../src-main/engine/features/histories'
import { buildInteractions } from '../../../src-main/engine/features/interactions'
import { buildLabels } from '../../../src-main/engine/features/labels'
import { windowPurchases } from '../../../src-main/engine/features/window-purchases'
import { Shop } from './shop-fixture'

let shop: Shop
afterEach(() => shop.close())

/** Cutoff 2024-03-01, horizon 30 days: the window is [Mar 1, Mar 31). */
function shopWithWindow() {
  shop = new Shop()
  const ann = shop.customer('ann')
  const bob = shop.customer('bob')
  const cid = shop.customer('cid')
  const mug = shop.product('Mug', { category: 'Kitchen' })
  const tea = shop.product('Tea', { category: 'Food' })
  const pot = shop.product('Teapot', { category: 'Kitchen' })
  const post = shop.product('POSTAGE', { isProduct: false })
  const fresh = shop.product('New Gadget', { category: 'Electronics' })
  const l = (product: number, quantity = 1, unitPrice = 10) => ({ product, quantity, unitPrice })
  shop.order({ customer: ann, at: '2024-01-05 10:00:00', lines: [l(mug, 2), l(tea), l(post, 1, 5)] })
  shop.order({ customer: ann, at: '2024-02-05 10:00:00', lines: [l(mug, 3)] })
  shop.order({ customer: ann, at: '2024-02-06 10:00:00', status: 'cancelled', lines: [l(pot)] })
  shop.order({ customer: bob, at: '2024-02-20 10:00:00', code: 'HI', lines: [l(tea, 1, 30), l(pot, 1, 20)] })
  shop.order({ customer: null, at: '2024-02-21 10:00:00', lines: [l(pot, 5)] })
  // Window.
  shop.order({ customer: ann, at: '2024-03-01 00:00:00', lines: [l(mug), l(pot), l(fresh), l(post, 1, 5)] })
  shop.order({ customer: ann, at: '2024-03-20 10:00:00', lines: [l(mug)] })
  shop.order({ customer: bob, at: '2024-03-10 10:00:00', status: 'cancelled', lines: [l(mug)] })
  shop.order({ customer: bob, at: '2024-03-11 10:00:00', isReturn: true, lines: [l(tea)] })
  shop.order({ customer: cid, at: '2024-03-12 10:00:00', lines: [l(mug)] })
  // After the window.
  shop.order({ customer: bob, at: '2024-03-31 00:00:00', lines: [l(mug)] })
  return { ann, bob, cid, mug, tea, pot, fresh }
}

describe('labels', () => {
  it('count sale orders in [cutoff, cutoff + horizon) only', () => {
    const { ann, bob } = shopWithWindow()
    const ids = Int32Array.from([ann, bob])
    const labels = buildLabels(shop.db, '2024-03-01', 30, ids)
    expect(Array.from(labels.bought)).toEqual([1, 0])
    expect(Array.from(labels.orders)).toEqual([2, 0])
    // Mug, pot, gadget and postage (35), then a mug (10).
    expect(labels.spend[0]).toBeCloseTo(35 + 10, 4)
    expect(labels.spend[1]).toBe(0)
  })
})

describe('interactions', () => {
  it('hold product lines of sale orders before the cutoff, weighted by orders', () => {
    const { ann, bob, mug, tea, pot } = shopWithWindow()
    const interactions = buildInteractions(shop.db, '2024-03-01')
    expect(Array.from(interactions.customerIds)).toEqual([ann, bob])
    // The catalogue includes the pot bought by a guest; not postage, not the window's gadget.
    expect(interactions.products.map((p) => p.id)).toEqual([mug, tea, pot])
    expect(interactions.products.map((p) => p.category)).toEqual(['Kitchen', 'Food', 'Kitchen'])
    const pairs = Array.from(interactions.customerRow, (row, i) => [row, interactions.products[interactions.productIndex[i]].id, interactions.weight[i]])
    // Ann: mug in 2 orders, tea in 1 (the cancelled pot is not a purchase); Bob: tea and pot.
    expect(pairs).toEqual([[0, mug, 2], [0, tea, 1], [1, tea, 1], [1, pot, 1]])
  })

  it('list window purchases, new-to-customer products, and new-to-shop products after the vocabulary', () => {
    const { ann, bob, cid, mug, pot, fresh } = shopWithWindow()
    const interactions = buildInteractions(shop.db, '2024-03-01')
    const window = windowPurchases(shop.db, '2024-03-01', 30, interactions.customerIds, interactions)
    expect(window.knownProducts).toBe(3)
    expect(window.products.map((p) => p.id)).toEqual([...interactions.products.map((p) => p.id), fresh])
    const ids = (list: Int32Array) => Array.from(list, (i) => window.products[i].id)
    expect(ids(window.items[0])).toEqual([mug, pot, fresh])
    expect(ids(window.newItems[0])).toEqual([pot, fresh])
    // Bob's window orders were cancelled or returned.
    expect(ids(window.items[1])).toEqual([])
    // Rows follow the ids passed, including customers the interactions do not know.
    const other = windowPurchases(shop.db, '2024-03-01', 30, Int32Array.from([cid, ann]), interactions)
    expect(ids(other.items[0])).toEqual([mug])
    expect(ids(other.newItems[0])).toEqual([mug])
    expect(bob).toBeGreaterThan(0)
  })
})

describe('histories', () => {
  it('give each customer their last orders, oldest first, with gaps and the biggest line’s category', () => {
    const { ann, bob } = shopWithWindow()
    const histories = buildHistories(shop.db, '2024-03-01')
    expect(Array.from(histories.customerIds)).toEqual(Array.from(buildFeatures(shop.db, '2024-03-01').customerIds))
    expect(Array.from(histories.customerIds)).toEqual([ann, bob])
    // Kitchen sold 20 + 30 + 20 + 50 = 120, Food 10 + 30 = 40.
    expect(histories.categories).toEqual([NO_CATEGORY, 'Kitchen', 'Food'])
    expect(histories.steps[0]).toEqual([
      { gapDays: 0, category: 1, amount: 35, discounted: false },
      { gapDays: 31, category: 1, amount: 30, discounted: false },
    ])
    // Bob's biggest line is the 30 tea.
    expect(histories.steps[1]).toEqual([{ gapDays: 0, category: 2, amount: 50, discounted: true }])
  })

  it('keeps the last maxSteps orders, with the real gap before the first one kept', () => {
    const { ann } = shopWithWindow()
    const histories = buildHistories(shop.db, '2024-03-01', 1, 1)
    expect(histories.customerIds[0]).toBe(ann)
    expect(histories.steps[0]).toEqual([{ gapDays: 31, category: 1, amount: 30, discounted: false }])
    // Food is beyond maxCategories = 1.
    expect(histories.categories).toEqual([NO_CATEGORY, 'Kitchen', '(other)'])
    expect(histories.steps[1][0].category).toBe(2)
  })
})
