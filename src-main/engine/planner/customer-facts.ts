/**
 * Everything the planner knows about each customer at the plan's start day,
 * in one pass over the store: who they are (the shop's own id, name, e-mail,
 * consent), how they buy (from the learn step's features at that day), what
 * their orders are worth and cost, and the serving model's chance to buy.
 * Only customers with a sale before the start day AND a score in the serving
 * run are planned for; the others are counted, not silently dropped.
 */
import type Database from 'better-sqlite3'
import { buildFeatures } from '../features/build-features'
import { featureColumn } from '../features/feature-names'
import { SALE_ORDER } from '../features/sql-conditions'
import type { FeatureSet } from '../features/types'

export interface CustomerFacts {
  customerId: number
  shopId: string | null
  name: string | null
  email: string | null
  /** 1 / 0 as the shop's files say; null = they did not say. */
  acceptsMarketing: number | null
  /** The serving run's chance of ≥ 1 order within its horizon. */
  pBuyHorizon: number
  recencyDays: number
  orders: number
  gapMeanDays: number
  aov: number
  returnsRate: number
  discountShare: number
  saleSpendShare: number
  discountSensitivity: number
  linesPerOrder: number
  /** Typical order value used for offers: the customer's average, shrunk to the shop's (2 pseudo-orders). */
  orderValue: number
  /** Mean shipping paid on their sale orders (0 = free or unknown). */
  shipping: number
  /** Profit margin on their orders: from product costs where known, else the default margin. */
  margin: number
  /** Share of their product spend covered by known costs (0 = margin is the default). */
  costCoverage: number
  /** Their own biggest category and its share of their product spend. */
  favouriteCategory: string | null
  favouriteCategoryShare: number
  /** The affinity model's top product for them, and its share of their spend (0 = never bought). */
  favouriteProduct: { productId: number; name: string } | null
  favouriteProductShare: number
  /** The affinity model's top products (for the demand forecast). */
  topProducts: { productId: number; name: string; score: number }[]
  /** Holds a code of a campaign still running at the start day. */
  openCoupon: boolean
}

export interface FactsResult {
  facts: CustomerFacts[]
  /** The FeatureSet at the start day, rows aligned with `facts` (the response model reads it). */
  features: FeatureSet
  /** Customers with a sale before the start day but no score in the serving run (imported after training). */
  unscored: number
  shopAov: number
}

interface ScoreRow {
  customer_id: number
  p_buy: number
  top_products_json: string
}

interface CustomerRow {
  id: number
  external_id: string | null
  name: string | null
  email: string | null
  accepts_marketing: number | null
}

export function loadCustomerFacts(db: Database.Database, runId: number, startsAt: string, defaultMargin: number): FactsResult {
  const all = buildFeatures(db, startsAt)
  const scores = new Map((db.prepare('SELECT customer_id, p_buy, top_products_json FROM customer_scores WHERE run_id = ?').all(runId) as ScoreRow[]).map((r) => [r.customer_id, r]))
  const keep: number[] = []
  for (let row = 0; row < all.customerIds.length; row++) if (scores.has(all.customerIds[row])) keep.push(row)
  const features = subsetFeatures(all, keep)

  const customers = new Map((db.prepare('SELECT id, external_id, name, email, accepts_marketing FROM customers').all() as CustomerRow[]).map((c) => [c.id, c]))
  const shipping = perCustomer(db, `SELECT o.customer_id AS id, AVG(o.shipping) AS v FROM orders o WHERE ${SALE_ORDER} AND o.ordered_at < @day AND o.customer_id IS NOT NULL GROUP BY o.customer_id`, startsAt)
  const costs = costFacts(db, startsAt)
  const productSpend = productSpendShares(db, startsAt)
  const open = new Set(
    db
      .prepare(`SELECT DISTINCT customer_id FROM campaign_members WHERE arm = 'treatment' AND code IS NOT NULL AND code != ''
        AND sent_at <= @day AND expires_at >= @day`)
      .pluck()
      .all({ day: startsAt }) as number[],
  )
  const col = (name: string): number => featureColumn(features.names, name)
  const c = {
    recency: col('recency_days'), frequency: col('frequency'), monetary: col('monetary'), aov: col('aov'), gap: col('gap_mean'),
    returns: col('returns_rate'), discount: col('discount_share'), sale: col('sale_spend_share'), sensitivity: col('discount_sensitivity'),
    lines: col('lines_per_order'), top: col('top_category'),
  }
  const width = features.names.length
  let spend = 0
  let orders = 0
  for (let row = 0; row < features.customerIds.length; row++) {
    spend += Math.max(0, features.values[row * width + c.monetary])
    orders += features.values[row * width + c.frequency]
  }
  const shopAov = orders > 0 ? spend / orders : 0
  const topCategories = features.context?.topCategories ?? []

  const facts: CustomerFacts[] = []
  for (let row = 0; row < features.customerIds.length; row++) {
    const id = features.customerIds[row]
    const v = (j: number): number => features.values[row * width + j]
    const customer = customers.get(id)
    const score = scores.get(id) as ScoreRow
    const frequency = v(c.frequency)
    const topIndex = Math.round(v(c.top))
    const favouriteCategory = topIndex >= 0 && topIndex < topCategories.length ? topCategories[topIndex] : null
    const favouriteCategoryShare = favouriteCategory ? v(featureColumn(features.names, `cat_share_${topIndex}`)) : 0
    const topProducts = (JSON.parse(score.top_products_json) as { productId: number; name: string; score: number }[]).slice(0, 5)
    const favourite = topProducts[0] ?? null
    const cost = costs.get(id)
    const coverage = cost ? cost.coverage : 0
    const knownMargin = cost && cost.coveredSpend > 0 ? 1 - cost.cost / cost.coveredSpend : defaultMargin
    facts.push({
      customerId: id,
      shopId: customer?.external_id ?? null,
      name: customer?.name ?? null,
      email: customer?.email ?? null,
      acceptsMarketing: customer?.accepts_marketing ?? null,
      pBuyHorizon: score.p_buy,
      recencyDays: v(c.recency),
      orders: frequency,
      gapMeanDays: v(c.gap),
      aov: v(c.aov),
      returnsRate: v(c.returns),
      discountShare: v(c.discount),
      saleSpendShare: v(c.sale),
      discountSensitivity: v(c.sensitivity),
      linesPerOrder: v(c.lines),
      orderValue: shrunkOrderValue(v(c.aov), frequency, shopAov),
      shipping: shipping.get(id) ?? 0,
      // Costs known for part of the basket: the rest at the default margin.
      margin: clamp01(coverage * knownMargin + (1 - coverage) * defaultMargin),
      costCoverage: coverage,
      favouriteCategory,
      favouriteCategoryShare,
      favouriteProduct: favourite ? { productId: favourite.productId, name: favourite.name } : null,
      favouriteProductShare: favourite ? productSpend.get(`${id}:${favourite.productId}`) ?? 0 : 0,
      topProducts,
      openCoupon: open.has(id),
    })
  }
  return { facts, features, unscored: all.customerIds.length - keep.length, shopAov }
}

/** A customer's average order, pulled towards the shop's by two pseudo-orders: one big order says little. */
export function shrunkOrderValue(aov: number, orders: number, shopAov: number): number {
  if (!(shopAov > 0)) return Math.max(0, aov)
  return (Math.max(0, aov) * orders + shopAov * 2) / (orders + 2)
}

function subsetFeatures(set: FeatureSet, rows: number[]): FeatureSet {
  const width = set.names.length
  const values = new Float32Array(rows.length * width)
  const ids = new Int32Array(rows.length)
  rows.forEach((row, i) => {
    ids[i] = set.customerIds[row]
    values.set(set.values.subarray(row * width, row * width + width), i * width)
  })
  return { ...set, customerIds: ids, values }
}

function perCustomer(db: Database.Database, sql: string, day: string): Map<number, number> {
  return new Map((db.prepare(sql).all({ day }) as { id: number; v: number | null }[]).map((r) => [r.id, r.v ?? 0]))
}

/** Per customer: product spend, the part of it whose product cost is known, and that cost. */
function costFacts(db: Database.Database, day: string): Map<number, { cost: number; coveredSpend: number; coverage: number }> {
  const rows = db
    .prepare(`SELECT o.customer_id AS id, SUM(l.amount) AS spend,
        SUM(CASE WHEN p.cost IS NOT NULL THEN l.amount ELSE 0 END) AS covered,
        SUM(CASE WHEN p.cost IS NOT NULL THEN l.quantity * p.cost ELSE 0 END) AS cost
      FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
      WHERE ${SALE_ORDER} AND o.ordered_at < @day AND o.customer_id IS NOT NULL AND l.line_kind = 'product' AND l.is_return = 0 AND l.quantity > 0
      GROUP BY o.customer_id`)
    .all({ day }) as { id: number; spend: number; covered: number; cost: number }[]
  return new Map(rows.map((r) => [r.id, { cost: r.cost, coveredSpend: r.covered, coverage: r.spend > 0 ? clamp01(r.covered / r.spend) : 0 }]))
}

/** Share of each customer's product spend per product, keyed "customer:product". */
function productSpendShares(db: Database.Database, day: string): Map<string, number> {
  const rows = db
    .prepare(`SELECT o.customer_id AS id, l.product_id AS product, SUM(l.amount) AS spend,
        SUM(SUM(l.amount)) OVER (PARTITION BY o.customer_id) AS total
      FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE ${SALE_ORDER} AND o.ordered_at < @day AND o.customer_id IS NOT NULL AND l.line_kind = 'product' AND l.is_return = 0 AND l.quantity > 0
      GROUP BY o.customer_id, l.product_id`)
    .all({ day }) as { id: number; product: number; spend: number; total: number }[]
  return new Map(rows.map((r) => [`${r.id}:${r.product}`, r.total > 0 ? clamp01(r.spend / r.total) : 0]))
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0
}
