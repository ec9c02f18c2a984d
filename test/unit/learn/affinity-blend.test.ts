import { afterEach, describe, expect, it } from 'vitest'
import { buildInteractions, windowPurchases } from '../../../src-main/engine/features'
import { BLEND_COLUMNS, blendCandidates, blendRanker, fitBlend } from '../../../src-main/engine/learn/affinity-blend'
import { Shop } from '../features/shop-fixture'

let shop: Shop
afterEach(() => shop.close())

/** Ann re-buys mugs, Bob once bought tea and a mug; one tea order after the cutoff is the window. */
function smallShop() {
  shop = new Shop()
  const ann = shop.customer('ann')
  const bob = shop.customer('bob')
  const mug = shop.product('Blue mug', { category: 'Kitchen' })
  const tea = shop.product('Green tea', { category: 'Food' })
  const pot = shop.product('Blue tea pot', { category: 'Kitchen' })
  shop.order({ customer: ann, at: '2024-01-05 10:00:00', lines: [{ product: mug, quantity: 1, unitPrice: 10 }, { product: pot, quantity: 1, unitPrice: 30 }] })
  shop.order({ customer: ann, at: '2024-02-05 10:00:00', lines: [{ product: mug, quantity: 1, unitPrice: 10 }] })
  shop.order({ customer: bob, at: '2024-02-10 10:00:00', lines: [{ product: tea, quantity: 1, unitPrice: 5 }, { product: mug, quantity: 1, unitPrice: 10 }] })
  shop.order({ customer: ann, at: '2024-03-10 10:00:00', lines: [{ product: tea, quantity: 1, unitPrice: 5 }] })
  return { ann, bob, mug, tea, pot }
}

describe('the two-tower+repeats blend', () => {
  it('builds candidates from what was bought before the cutoff only, with one feature row each', () => {
    const { pot } = smallShop()
    const interactions = buildInteractions(shop.db, '2024-03-01')
    const candidates = blendCandidates(shop.db, interactions, null)
    expect(candidates.x.length).toBe(candidates.row.length * BLEND_COLUMNS.length)
    expect(candidates.x.every(Number.isFinite)).toBe(true)
    // Ann owns mug and pot; Bob owns tea and mug; the pot is a discovery candidate for Bob.
    const bobRow = 1
    const potIndex = interactions.products.findIndex((p) => p.id === pot)
    const bobPot = Array.from(candidates.row).findIndex((r, i) => r === bobRow && candidates.product[i] === potIndex)
    expect(bobPot).toBeGreaterThanOrEqual(0)
    expect(candidates.owned[bobPot]).toBe(0)
  })

  it('falls back to plain signals when a shop is too small to fit, and honours exclude', () => {
    smallShop()
    const interactions = buildInteractions(shop.db, '2024-03-01')
    const candidates = blendCandidates(shop.db, interactions, () => new Float32Array(candidates0(interactions)))
    const model = fitBlend(candidates, windowPurchases(shop.db, '2024-03-01', 30, interactions.customerIds, interactions))
    expect(model.repeat).toBeNull()
    expect(model.discovery).toBeNull()
    const rank = blendRanker(candidates, model)
    const annRow = 0
    const mugIndex = interactions.products.findIndex((p) => p.name === 'Blue mug')
    // Ann bought the mug in two orders: first.
    expect(rank(annRow, 3)[0]).toBe(mugIndex)
    expect(new Set(rank(annRow, 3)).size).toBe(3)
    const owned = new Set(rank(annRow, 2))
    expect(rank(annRow, 3, owned).some((p) => owned.has(p))).toBe(false)
  })
})

function candidates0(interactions: ReturnType<typeof buildInteractions>): number {
  return blendCandidates(shop.db, interactions, null).row.length
}
