/**
 * Tiny synthetic shops for the ML tests: seeded, with a planted signal so a
 * model that learns anything beats chance.
 */
import type { FeatureSet, HistoryStep, Interactions, ProductInfo, PurchaseLabels } from '../../../src-main/engine/features/types'
import { createRng, type Rng } from '../../../src-main/engine/ml/random'

function normal(rng: Rng): number {
  // Box–Muller
  const u = Math.max(rng.next(), 1e-12)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next())
}

/** Customers whose chance of buying rises with frequency and falls with recency. */
export function syntheticPurchases(
  customers: number,
  seed = 7,
  options: { baseLogit?: number; noiseColumns?: number } = {},
): { features: FeatureSet; labels: PurchaseLabels; trueP: Float32Array } {
  const rng = createRng(seed)
  const names = ['recency_days', 'frequency_orders', 'monetary_total']
  const noise = options.noiseColumns ?? 3
  for (let j = 0; j < noise; j++) names.push(`noise_${j}`)
  const values = new Float32Array(customers * names.length)
  const bought = new Uint8Array(customers)
  const orders = new Float32Array(customers)
  const spend = new Float32Array(customers)
  const trueP = new Float32Array(customers)
  for (let i = 0; i < customers; i++) {
    const recency = Math.floor(rng.next() * 365)
    const frequency = 1 + Math.floor(-Math.log(Math.max(rng.next(), 1e-9)) * 3)
    const monetary = frequency * (20 + rng.next() * 60)
    const row = [recency, frequency, monetary]
    for (let j = 0; j < noise; j++) row.push(normal(rng))
    values.set(row, i * names.length)
    const z = (options.baseLogit ?? -1) + 0.6 * (frequency - 3) - 0.012 * (recency - 180)
    const p = 1 / (1 + Math.exp(-z))
    trueP[i] = p
    if (rng.next() < p) {
      bought[i] = 1
      orders[i] = 1 + (rng.next() < 0.3 ? 1 : 0)
      spend[i] = orders[i] * (25 + rng.next() * 30)
    }
  }
  const customerIds = Int32Array.from({ length: customers }, (_, i) => 1000 + i)
  return {
    features: { cutoff: '2024-06-01', customerIds, names, values },
    labels: { cutoff: '2024-06-01', horizonDays: 60, bought, orders, spend },
    trueP,
  }
}

/**
 * Histories where the category cycles 0 → 1 → 2 → ... (mod categories) and
 * the gap before an order in category c is about 10·(c+1) days: both heads
 * have something to learn.
 */
export function syntheticHistories(customers: number, categories: number, seed = 11): HistoryStep[][] {
  const rng = createRng(seed)
  const histories: HistoryStep[][] = []
  for (let i = 0; i < customers; i++) {
    const length = 2 + rng.int(10)
    let category = rng.int(categories)
    const steps: HistoryStep[] = []
    for (let s = 0; s < length; s++) {
      steps.push({
        gapDays: s === 0 ? 0 : 10 * (category + 1) * (0.8 + 0.4 * rng.next()),
        category,
        amount: 20 + rng.next() * 80,
        discounted: rng.next() < 0.3,
      })
      category = (category + 1) % categories
    }
    histories.push(steps)
  }
  return histories
}

/**
 * Customers in `groups` taste groups; each group buys from "its" products
 * (products are assigned to groups round-robin, with a category per group
 * and a group word in the name), so held-out pairs are predictable.
 */
export function syntheticInteractions(
  customers: number,
  products: number,
  perCustomer: number,
  seed = 13,
  groups = 4,
): Interactions {
  const rng = createRng(seed)
  const words = ['linen', 'steel', 'amber', 'cedar', 'velvet', 'cobalt', 'maple', 'onyx']
  const productList: ProductInfo[] = Array.from({ length: products }, (_, p) => {
    const group = p % groups
    const name = `${words[group % words.length]} item ${p}`
    return { id: 500 + p, name, category: `cat-${group}`, tokens: name.toLowerCase().split(' ') }
  })
  const customerRow: number[] = []
  const productIndex: number[] = []
  for (let c = 0; c < customers; c++) {
    const group = c % groups
    for (let k = 0; k < perCustomer; k++) {
      // 90% in the customer's group, 10% anywhere
      const p = rng.next() < 0.9 ? group + groups * rng.int(Math.floor(products / groups)) : rng.int(products)
      customerRow.push(c)
      productIndex.push(p)
    }
  }
  return {
    cutoff: '2024-06-01',
    customerIds: Int32Array.from({ length: customers }, (_, i) => 1000 + i),
    products: productList,
    customerRow: Int32Array.from(customerRow),
    productIndex: Int32Array.from(productIndex),
    weight: new Float32Array(customerRow.length).fill(1),
  }
}
