import type Database from 'better-sqlite3'
import type { Ranker } from '../evaluation'
import { customerItems, type CustomerItems } from '../evaluation/baselines/customer-items'
import { cosineNeighbours } from '../evaluation/baselines/item-cosine'
import { fitLogisticRegression, fitStandardiser, predictLogistic, standardise, type LogisticModel } from '../evaluation/baselines/logistic-regression'
import { topK } from '../evaluation/top-k'
import { assertDay, dayNumber } from '../features/calendar'
import { PRODUCT_LINE, SALE_ORDER } from '../features/sql-conditions'
import type { Interactions, WindowPurchases } from '../features/types'

/**
 * "two-tower+repeats": the two-tower score combined with the customer's own
 * purchase history, item-to-item co-purchase and the shop's recent sales by
 * two small logistic regressions — one ranks products the customer already
 * bought (will they re-buy it?), the other the products they have not
 * (candidates: their co-purchase neighbours and the shop's recent
 * best-sellers). Both give probabilities of "bought in the next horizon",
 * so the two lists merge by score.
 *
 * The blend is fitted on a window that ends at or before the cutoff it is
 * used at (the caller's duty: features at c − H, labels [c − H, c)), with a
 * two-tower trained only on purchases before c − H; then applied at c with a
 * two-tower trained before c. Everything here reads orders before the
 * context's cutoff only.
 */

/** Non-owned candidates per customer: co-purchase neighbours and recent best-sellers. */
const COSINE_CANDIDATES = 60
const POPULAR_CANDIDATES = 40
const POPULAR_POOL = 400

/** Columns, in order; `owned` rows use all, discovery rows skip the REPEAT_ONLY ones. */
export const BLEND_COLUMNS = [
  'log_orders_with_product',
  'share_of_orders',
  'log_days_since_bought',
  'log_days_since_first_bought',
  'log_customer_orders',
  'log_customer_products',
  'log_product_buyers',
  'log_product_buyers_30d',
  'log_product_buyers_90d',
  'product_repeat_rate',
  'cosine_share',
  'log_cosine',
  'product_trend',
  'log_customer_recency',
  'log_cosine_rank',
  'log_popularity_rank',
  'two_tower_logit',
] as const
const REPEAT_ONLY = new Set([0, 1, 2, 3])

export interface BlendCandidates {
  interactions: Interactions
  items: CustomerItems
  /** Per candidate: customer row, product index, owned flag, feature row (BLEND_COLUMNS). */
  row: Int32Array
  product: Int32Array
  owned: Uint8Array
  x: Float64Array
  /** Whether the two_tower_logit column was filled (0 otherwise). */
  withTwoTower: boolean
}

export interface BlendModel {
  repeat: { model: LogisticModel; scaler: ReturnType<typeof fitStandardiser>; columns: number[] } | null
  discovery: { model: LogisticModel; scaler: ReturnType<typeof fitStandardiser>; columns: number[] } | null
}

/** Per customer row: the (order, product) purchases before the cutoff as (product index, age in days, order id). */
function loadPurchases(db: Database.Database, interactions: Interactions): { product: number; age: number; order: number }[][] {
  assertDay(interactions.cutoff)
  const cutoffDay = dayNumber(interactions.cutoff)
  const rowOf = new Map<number, number>()
  interactions.customerIds.forEach((id, row) => rowOf.set(id, row))
  const productOf = new Map<number, number>()
  interactions.products.forEach((p, i) => productOf.set(p.id, i))
  const rows = db
    .prepare(
      `SELECT DISTINCT o.customer_id, l.product_id, o.id, substr(o.ordered_at, 1, 10)
       FROM orders o
       JOIN order_lines l ON l.order_id = o.id
       JOIN products p ON p.id = l.product_id
       WHERE o.ordered_at < @cutoff AND o.customer_id IS NOT NULL AND ${SALE_ORDER} AND ${PRODUCT_LINE}`,
    )
    .raw()
    .all({ cutoff: interactions.cutoff }) as [number, number, number, string][]
  const out: { product: number; age: number; order: number }[][] = Array.from(interactions.customerIds, () => [])
  for (const [customerId, productId, orderId, day] of rows) {
    const row = rowOf.get(customerId)
    const product = productOf.get(productId)
    if (row === undefined || product === undefined) continue
    out[row].push({ product, age: cutoffDay - dayNumber(day), order: orderId })
  }
  return out
}

/**
 * Candidates and their features at the interactions' cutoff. `twoTower`
 * gives the model's logit per (row, product) pair, or null to leave it 0.
 */
export function blendCandidates(
  db: Database.Database,
  interactions: Interactions,
  twoTower: ((pairs: { customerRow: Int32Array; productIndex: Int32Array }) => Float32Array) | null,
): BlendCandidates {
  const purchases = loadPurchases(db, interactions)
  const P = interactions.products.length
  const N = interactions.customerIds.length
  const items = customerItems(interactions)
  const cosine = cosineNeighbours(items)
  const buyers = new Float64Array(P)
  const buyers30 = new Float64Array(P)
  const buyers90 = new Float64Array(P)
  const repeaters = new Float64Array(P)
  const perRow: Map<number, { orders: number; last: number; first: number }>[] = []
  const customerOrders = new Float64Array(N)
  const customerRecency = new Float64Array(N)
  for (let r = 0; r < N; r++) {
    const per = new Map<number, { orders: number; last: number; first: number }>()
    const orders = new Set<number>()
    let recency = 10_000
    for (const e of purchases[r]) {
      const s = per.get(e.product) ?? { orders: 0, last: Infinity, first: 0 }
      s.orders++
      s.last = Math.min(s.last, e.age)
      s.first = Math.max(s.first, e.age)
      per.set(e.product, s)
      orders.add(e.order)
      recency = Math.min(recency, e.age)
    }
    for (const [p, s] of per) {
      buyers[p]++
      if (s.last <= 30) buyers30[p]++
      if (s.last <= 90) buyers90[p]++
      if (s.orders >= 2) repeaters[p]++
    }
    perRow.push(per)
    customerOrders[r] = orders.size
    customerRecency[r] = recency
  }
  const popular = topK(buyers90, Math.min(POPULAR_POOL, P), items.popularityRank)
  const popularRank = new Float64Array(P).fill(POPULAR_POOL)
  popular.forEach((p, i) => (popularRank[p] = i))

  const d = BLEND_COLUMNS.length
  const rowList: number[] = []
  const productList: number[] = []
  const ownedList: number[] = []
  const x: number[] = []
  const cos = new Float64Array(P)
  for (let r = 0; r < N; r++) {
    const per = perRow[r]
    cos.fill(0)
    for (const i of per.keys()) {
      for (let a = cosine.start[i]; a < cosine.start[i + 1]; a++) {
        const j = cosine.neighbour[a]
        if (j !== i) cos[j] += cosine.value[a]
      }
    }
    let maxCos = 1e-9
    for (let j = 0; j < P; j++) if (cos[j] > maxCos) maxCos = cos[j]
    const owned = new Set(per.keys())
    const neighbours = topK(cos, COSINE_CANDIDATES, items.popularityRank, owned)
    const cosineRank = new Map(neighbours.map((p, i) => [p, i]))
    const candidates = new Set<number>([...owned, ...neighbours])
    let added = 0
    for (const p of popular) {
      if (added >= POPULAR_CANDIDATES) break
      if (!owned.has(p)) {
        candidates.add(p)
        added++
      }
    }
    for (const p of candidates) {
      const s = per.get(p)
      rowList.push(r)
      productList.push(p)
      ownedList.push(s ? 1 : 0)
      x.push(
        Math.log1p(s?.orders ?? 0),
        (s?.orders ?? 0) / Math.max(1, customerOrders[r]),
        Math.log1p(s ? s.last : 400),
        Math.log1p(s ? s.first : 400),
        Math.log1p(customerOrders[r]),
        Math.log1p(per.size),
        Math.log1p(buyers[p]),
        Math.log1p(buyers30[p]),
        Math.log1p(buyers90[p]),
        repeaters[p] / Math.max(1, buyers[p]),
        cos[p] / maxCos,
        Math.log1p(cos[p]),
        (buyers30[p] + 1) / (buyers90[p] - buyers30[p] + 1),
        Math.log1p(customerRecency[r]),
        Math.log1p(cosineRank.get(p) ?? 500),
        Math.log1p(popularRank[p]),
        0,
      )
    }
  }
  const row = Int32Array.from(rowList)
  const product = Int32Array.from(productList)
  const values = Float64Array.from(x)
  if (twoTower) {
    const logits = twoTower({ customerRow: row, productIndex: product })
    for (let i = 0; i < logits.length; i++) values[i * d + d - 1] = logits[i]
  }
  return { interactions, items, row, product, owned: Uint8Array.from(ownedList), x: values, withTwoTower: twoTower !== null }
}

/** Fits the repeat and discovery regressions on candidates against what was bought in the window after their cutoff. */
export function fitBlend(candidates: BlendCandidates, window: WindowPurchases, l2 = 1e-4): BlendModel {
  if (window.cutoff !== candidates.interactions.cutoff) throw new Error(`window is for ${window.cutoff}, candidates for ${candidates.interactions.cutoff}`)
  const bought = window.items.map((items) => new Set(items))
  const all = BLEND_COLUMNS.map((_, i) => i).filter((i) => candidates.withTwoTower || i !== BLEND_COLUMNS.length - 1)
  const fitPart = (owned: 0 | 1): BlendModel['repeat'] => {
    const columns = owned ? all : all.filter((c) => !REPEAT_ONLY.has(c))
    const picked: number[] = []
    for (let i = 0; i < candidates.row.length; i++) if (candidates.owned[i] === owned) picked.push(i)
    const y = Uint8Array.from(picked, (i) => (bought[candidates.row[i]].has(candidates.product[i]) ? 1 : 0))
    let positives = 0
    for (const v of y) positives += v
    // Too little to learn from: that part ranks by the plain signals instead (see blendRanker).
    if (positives < 20 || picked.length - positives < 20) return null
    const x = select(candidates, picked, columns)
    const scaler = fitStandardiser(x, picked.length, columns.length)
    const model = fitLogisticRegression(standardise(scaler, x, picked.length), picked.length, columns.length, y, { l2 })
    return { model, scaler, columns }
  }
  return { repeat: fitPart(1), discovery: fitPart(0) }
}

/**
 * A Ranker from a fitted blend over candidates at (usually) a later cutoff.
 * Without a fitted part, owned products rank by orders and the rest by
 * co-purchase share; products outside the candidates fill by popularity.
 */
export function blendRanker(candidates: BlendCandidates, model: BlendModel): Ranker {
  const n = candidates.row.length
  const score = new Float64Array(n)
  const d = BLEND_COLUMNS.length
  const apply = (part: BlendModel['repeat'], owned: 0 | 1, fallback: (i: number) => number): void => {
    const picked: number[] = []
    for (let i = 0; i < n; i++) if (candidates.owned[i] === owned) picked.push(i)
    if (!part) {
      for (const i of picked) score[i] = fallback(i)
      return
    }
    const p = predictLogistic(part.model, standardise(part.scaler, select(candidates, picked, part.columns), picked.length), picked.length)
    picked.forEach((i, k) => (score[i] = p[k]))
  }
  // Fallbacks keep owned products first (≥ 1) and order discoveries by co-purchase share (< 1).
  apply(model.repeat, 1, (i) => 1 + candidates.x[i * d])
  apply(model.discovery, 0, (i) => 0.5 * candidates.x[i * d + 10])
  const rows = candidates.interactions.customerIds.length
  const start = new Int32Array(rows + 1)
  for (const r of candidates.row) start[r + 1]++
  for (let r = 0; r < rows; r++) start[r + 1] += start[r]
  const fill = start.slice(0, rows)
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[fill[candidates.row[i]]++] = i
  const rank = candidates.items.popularityRank
  for (let r = 0; r < rows; r++) {
    order.subarray(start[r], start[r + 1]).sort((a, b) => score[b] - score[a] || rank[candidates.product[a]] - rank[candidates.product[b]])
  }
  const byPopularity = topK(candidates.items.buyers, Math.min(candidates.items.products, POPULAR_POOL), rank)
  return (row, k, exclude) => {
    const out: number[] = []
    const taken = new Set<number>()
    for (let a = start[row]; a < start[row + 1] && out.length < k; a++) {
      const p = candidates.product[order[a]]
      if (!exclude?.has(p)) {
        out.push(p)
        taken.add(p)
      }
    }
    for (let j = 0; j < byPopularity.length && out.length < k; j++) {
      const p = byPopularity[j]
      if (!taken.has(p) && !exclude?.has(p)) out.push(p)
    }
    if (out.length < k) for (const p of topK(candidates.items.buyers, k + taken.size + (exclude?.size ?? 0), rank, exclude)) if (out.length < k && !taken.has(p) && !out.includes(p)) out.push(p)
    return out
  }
}

function select(candidates: BlendCandidates, picked: number[], columns: number[]): Float64Array {
  const d = BLEND_COLUMNS.length
  const out = new Float64Array(picked.length * columns.length)
  picked.forEach((i, k) => columns.forEach((c, j) => (out[k * columns.length + j] = candidates.x[i * d + c])))
  return out
}
