import { afterEach, describe, expect, it } from 'vitest'
import { addDays, buildFeatures, buildLabels } from '../../../src-main/engine/features'
import { featureColumn } from '../../../src-main/engine/features/feature-names'
import { earlierWindows, stackedCutoffs, stackedRows } from '../../../src-main/engine/learn/stacked-rows'
import { Shop } from '../features/shop-fixture'

const H = 30
const FIRST = '2024-01-01'
const TRAINING = '2024-06-28'
const EVALUATION = addDays(TRAINING, H)

let shop: Shop | undefined
afterEach(() => {
  shop?.close()
  shop = undefined
})

/** The open shop of the running test. */
function current(): Shop {
  if (!shop) throw new Error('no shop')
  return shop
}

/** Two customers buying every 9 and 16 days from FIRST to the end of the year. */
function steadyShop(): { ann: number; bob: number; mug: number } {
  const s = new Shop()
  shop = s
  const ann = s.customer('ann')
  const bob = s.customer('bob')
  const mug = s.product('Mug', { category: 'Kitchen' })
  for (let d = 0; d < 365; d += 9) s.order({ customer: ann, at: `${addDays(FIRST, d)} 10:00:00`, lines: [{ product: mug, quantity: 1, unitPrice: 10 }] })
  for (let d = 5; d < 365; d += 16) s.order({ customer: bob, at: `${addDays(FIRST, d)} 11:00:00`, lines: [{ product: mug, quantity: 2, unitPrice: 10 }] })
  return { ann, bob, mug }
}

describe('stacked training rows', () => {
  it('uses the latest cutoff and up to three earlier ones, one horizon apart, each with a horizon of history', () => {
    expect(stackedCutoffs(TRAINING, H, FIRST)).toEqual([TRAINING, '2024-05-29', '2024-04-29', '2024-03-30'])
    // 2024-01-31 is exactly one horizon after the first order: allowed; 2024-01-01 is not.
    expect(stackedCutoffs('2024-03-01', H, FIRST)).toEqual(['2024-03-01', '2024-01-31'])
    expect(stackedCutoffs('2024-01-20', H, FIRST)).toEqual(['2024-01-20'])
  })

  it('gives each row features strictly before its cutoff and the label of [cutoff, cutoff + H): no row sees its own label window', () => {
    steadyShop()
    const stack = stackedRows(current().db, TRAINING, H, FIRST)
    const width = stack.features.names.length
    const recency = featureColumn(stack.features.names, 'recency_days')
    const orders = featureColumn(stack.features.names, 'frequency')
    expect(stack.cutoffs).toHaveLength(4)
    for (let c = 0; c < stack.cutoffs.length; c++) {
      const cutoff = stack.cutoffs[c]
      // The rows of cutoff c are exactly buildFeatures / buildLabels at c.
      const rows = Array.from(stack.cutoffOf.keys()).filter((r) => stack.cutoffOf[r] === c)
      const features = buildFeatures(current().db, cutoff)
      const labels = buildLabels(current().db, cutoff, H, features.customerIds)
      expect(rows.map((r) => stack.features.customerIds[r])).toEqual(Array.from(features.customerIds))
      rows.forEach((r, i) => {
        expect(Array.from(stack.features.values.subarray(r * width, (r + 1) * width))).toEqual(Array.from(features.values.subarray(i * width, (i + 1) * width)))
        expect(stack.labels.orders[r]).toBe(labels.orders[i])
        // Features end before the cutoff (recency ≥ 1 day), and the label counts only the window after it.
        expect(stack.features.values[r * width + recency]).toBeGreaterThanOrEqual(1)
        const labelOrders = current().db
          .prepare(`SELECT COUNT(*) AS n FROM orders WHERE customer_id = ? AND ordered_at >= ? AND ordered_at < ?`)
          .get(stack.features.customerIds[r], cutoff, addDays(cutoff, H)) as { n: number }
        expect(stack.labels.orders[r]).toBe(labelOrders.n)
        const featureOrders = current().db.prepare(`SELECT COUNT(*) AS n FROM orders WHERE customer_id = ? AND ordered_at < ?`).get(stack.features.customerIds[r], cutoff) as { n: number }
        expect(stack.features.values[r * width + orders]).toBe(featureOrders.n)
      })
    }
    // The steady buyers bought in every window: the labels are real, not zeros.
    expect(Array.from(stack.labels.bought).every((b) => b === 1)).toBe(true)
  })

  it('never lets the evaluation window into training: orders in [evaluation, evaluation + H) change nothing', () => {
    const ids = steadyShop()
    const snapshot = () => {
      const s = stackedRows(current().db, TRAINING, H, FIRST)
      return { cutoffs: s.cutoffs, ids: Array.from(s.features.customerIds), values: Array.from(s.features.values), bought: Array.from(s.labels.bought), orders: Array.from(s.labels.orders), spend: Array.from(s.labels.spend) }
    }
    const before = snapshot()
    const carol = current().customer('carol')
    // A big spender at the evaluation instant and inside the window, and a newcomer: any leak moves a label, a feature or the rows.
    for (const at of [`${EVALUATION} 00:00:00`, `${addDays(EVALUATION, 3)} 12:00:00`, `${addDays(EVALUATION, H - 1)} 23:59:59`]) {
      current().order({ customer: ids.ann, at, total: 10_000, lines: [{ product: ids.mug, quantity: 1000, unitPrice: 10 }] })
      current().order({ customer: carol, at, lines: [{ product: ids.mug, quantity: 1, unitPrice: 10 }] })
    }
    expect(snapshot()).toEqual(before)
    // The last row's label window ends exactly at the evaluation cutoff, so the probe sat right after it.
    expect(addDays(before.cutoffs[0], H)).toBe(EVALUATION)
  })

  it('hands the earlier windows to calibration without the latest one, all labels ending by the latest cutoff', () => {
    steadyShop()
    const stack = stackedRows(current().db, TRAINING, H, FIRST)
    const earlier = earlierWindows(stack)
    if (!earlier) throw new Error('expected earlier windows')
    const latestRows = stack.parts[0].features.customerIds.length
    expect(earlier.features.customerIds.length).toBe(stack.features.customerIds.length - latestRows)
    expect(Array.from(earlier.features.values)).toEqual(Array.from(stack.features.values.subarray(latestRows * stack.features.names.length)))
    // Its newest label window is [latest − H, latest): it ends where the model's own training labels begin.
    expect(earlier.labels.cutoff).toBe(addDays(TRAINING, -H))
    expect(addDays(earlier.labels.cutoff, H)).toBe(TRAINING)
    // A shop without a horizon of history before the latest cutoff has no earlier window.
    expect(earlierWindows(stackedRows(current().db, '2024-01-20', H, FIRST))).toBeNull()
  })

  it('reuses rows it is given for a cutoff, and refuses rows whose labels are for another day or horizon', () => {
    steadyShop()
    const features = buildFeatures(current().db, TRAINING)
    const labels = buildLabels(current().db, TRAINING, H, features.customerIds)
    const stack = stackedRows(current().db, TRAINING, H, FIRST, [{ features, labels }])
    expect(stack.parts[0].features).toBe(features)
    expect(Array.from(stack.features.values)).toEqual(Array.from(stackedRows(current().db, TRAINING, H, FIRST).features.values))
    expect(() => stackedRows(current().db, TRAINING, H, FIRST, [{ features, labels: buildLabels(current().db, EVALUATION, H, features.customerIds) }])).toThrow(/do not match/)
    expect(() => stackedRows(current().db, TRAINING, H, FIRST, [{ features, labels: buildLabels(current().db, TRAINING, H + 1, features.customerIds) }])).toThrow(/do not match/)
  })
})
