import type Database from 'better-sqlite3'
import type { CustomerDetail, CustomerScore, CustomerSort } from '../api'
import { EngineError } from '../api-schema'
import type { RunShop } from './run-store'

/** Sales only: returns and cancellations never count as buying. */
const SALES = "is_return = 0 AND status != 'cancelled'"

const ORDER_BY: Record<CustomerSort, string> = {
  'p-buy': 's.p_buy DESC, s.customer_id',
  spend: 'spend DESC, s.customer_id',
  recent: 'last_order_at DESC, s.customer_id',
  'discount-sensitivity': 's.discount_sensitivity DESC, s.customer_id',
}

interface ScoreRow {
  customer_id: number
  external_id: string | null
  name: string | null
  email: string | null
  orders: number | null
  spend: number | null
  last_order_at: string | null
  p_buy: number
  expected_orders: number
  expected_spend: number
  discount_sensitivity: number
  top_categories_json: string
  next_category: string | null
  p_alive: number | null
  clv_3m: number | null
  clv_6m: number | null
  clv_12m: number | null
  churn_risk: CustomerScore['churnRisk']
  next_order_at: string | null
}

const SELECT_SCORES = `
  SELECT s.customer_id, c.external_id, c.name, c.email, agg.orders, agg.spend, agg.last_order_at, s.p_buy, s.expected_orders,
         s.expected_spend, s.discount_sensitivity, s.top_categories_json, s.next_category,
         s.p_alive, s.clv_3m, s.clv_6m, s.clv_12m, s.churn_risk,
         -- A date needs a rhythm: with one order there is no gap to go by, and a guess would read as a promise.
         CASE WHEN s.expected_days_to_next IS NULL OR COALESCE(agg.orders, 0) < 2 THEN NULL
              ELSE date(r.scoring_cutoff, '+' || CAST(ROUND(MAX(1, s.expected_days_to_next)) AS INTEGER) || ' days') END AS next_order_at
  FROM customer_scores s
  JOIN model_runs r ON r.id = s.run_id
  JOIN customers c ON c.id = s.customer_id
  LEFT JOIN (SELECT customer_id, COUNT(*) AS orders, ROUND(SUM(total), 2) AS spend, MAX(ordered_at) AS last_order_at
             FROM orders WHERE ${SALES} AND customer_id IS NOT NULL GROUP BY customer_id) agg ON agg.customer_id = c.id
  WHERE s.run_id = @runId`

/**
 * Categories the shop's own files name. Anything else a model reports was
 * derived from product names (features/derive-category.ts), and the merchant
 * is told so rather than shown "cakestand" as if it were their category.
 */
function statedCategories(db: Database.Database): Set<string> {
  return new Set(db.prepare("SELECT DISTINCT category FROM products WHERE category IS NOT NULL AND category != ''").pluck().all() as string[])
}

function toScore(row: ScoreRow, stated: Set<string>, shop: StoredShop): CustomerScore {
  const categories = JSON.parse(row.top_categories_json) as { name: string; score: number }[]
  const topCategory = categories[0]?.name ?? row.next_category
  return {
    customerId: row.customer_id,
    shopId: row.external_id,
    name: row.name,
    email: row.email,
    orders: row.orders ?? 0,
    spend: row.spend ?? 0,
    lastOrderAt: row.last_order_at,
    pBuy: row.p_buy,
    expectedOrders: row.expected_orders,
    expectedSpend: row.expected_spend,
    discountSensitivity: row.discount_sensitivity,
    topCategory,
    topCategoryDerived: topCategory !== null && !stated.has(topCategory),
    clv12m: row.clv_12m,
    pAlive: row.p_alive,
    churnRisk: row.churn_risk,
    nextOrderAt: row.next_order_at,
    shopHasDiscountData: shop.hasDiscountData ?? true,
  }
}

/** Runs saved before the CLV models lack the newer fields: Partial, with defaults where read. */
type StoredShop = Pick<RunShop, 'discountShare' | 'saleSpendShare'> & Partial<RunShop>

function runShop(db: Database.Database, runId: number): StoredShop {
  return JSON.parse(db.prepare('SELECT shop_json FROM model_runs WHERE id = ?').pluck().get(runId) as string) as StoredShop
}

/** The run whose scores serve: evaluation runs (learn/run-store.ts) never do. */
export function latestRunId(db: Database.Database): number | null {
  return (db.prepare("SELECT MAX(id) FROM model_runs WHERE purpose = 'serving'").pluck().get() as number | null) ?? null
}

/** Scored customers of the latest run, searchable by name, e-mail or shop id. */
export function listCustomers(
  db: Database.Database,
  args: { search: string; sort: CustomerSort; offset: number; limit: number },
): { total: number; rows: CustomerScore[] } {
  const runId = latestRunId(db)
  if (runId === null) return { total: 0, rows: [] }
  const search = args.search.trim()
  const filter = search === '' ? '' : ' AND (c.name LIKE @like OR c.email LIKE @like OR c.external_id LIKE @like)'
  const params = { runId, like: `%${search.replace(/[%_\\]/g, (m) => `\\${m}`)}%` }
  const escaped = filter.replace(/LIKE @like/g, "LIKE @like ESCAPE '\\'")
  const total = db.prepare(`SELECT COUNT(*) FROM (${SELECT_SCORES}${escaped})`).pluck().get(params) as number
  const rows = db
    .prepare(`${SELECT_SCORES}${escaped} ORDER BY ${ORDER_BY[args.sort]} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: args.limit, offset: args.offset }) as ScoreRow[]
  const stated = statedCategories(db)
  const shop = runShop(db, runId)
  return { total, rows: rows.map((row) => toScore(row, stated, shop)) }
}

interface DetailExtras {
  discount_share: number
  discount_depth: number
  sale_spend_share: number
  expected_days_to_next: number | null
  next_category: string | null
  top_categories_json: string
  top_products_json: string
}

/** Everything the customer page shows; discount behaviour comes from the run's stored per-customer facts. */
export function customerDetail(db: Database.Database, customerId: number): CustomerDetail {
  if (!db.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId)) {
    throw new EngineError('customers.not-found', `There is no customer number ${customerId}.`, { customerId })
  }
  const runId = latestRunId(db)
  if (runId === null) throw new EngineError('learn.no-model', 'Train a model first: there are no customer scores yet.')
  const row = db.prepare(`${SELECT_SCORES} AND s.customer_id = @customerId`).get({ runId, customerId }) as ScoreRow | undefined
  if (!row) throw new EngineError('learn.customer-not-scored', `Customer ${customerId} has no scores in the latest run.`, { customerId })
  const extras = db
    .prepare(`SELECT discount_share, discount_depth, sale_spend_share, expected_days_to_next, next_category, top_categories_json,
        top_products_json FROM customer_scores WHERE run_id = ? AND customer_id = ?`)
    .get(runId, customerId) as DetailExtras
  const shop = runShop(db, runId)
  const history = (
    db
      .prepare(`SELECT o.ordered_at AS orderedAt, COALESCE(o.total, 0) AS total, o.discount_code AS discountCode,
                  (o.is_return = 1 OR o.status IN ('refunded', 'cancelled')) AS isReturn,
                  (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) AS items
                FROM orders o WHERE o.customer_id = ? ORDER BY o.ordered_at`)
      .all(customerId) as { orderedAt: string; total: number; discountCode: string | null; isReturn: number; items: number }[]
  ).map((order) => ({ ...order, isReturn: order.isReturn === 1 }))
  const stated = statedCategories(db)
  const score = toScore(row, stated, shop)
  return {
    ...score,
    history,
    nextOrder: {
      probability: score.pBuy,
      expectedDays: extras.expected_days_to_next,
      likelyCategory: extras.next_category,
      likelyCategoryDerived: extras.next_category !== null && !stated.has(extras.next_category),
    },
    topCategories: (JSON.parse(extras.top_categories_json) as { name: string; score: number }[]).map((c) => ({ ...c, derived: !stated.has(c.name) })),
    topProducts: JSON.parse(extras.top_products_json) as CustomerDetail['topProducts'],
    discount: {
      share: extras.discount_share,
      depth: extras.discount_depth,
      saleSpendShare: extras.sale_spend_share,
      sensitivity: score.discountSensitivity,
      shopShare: shop.discountShare,
      shopSaleSpendShare: shop.saleSpendShare,
      shopHasDiscountData: shop.hasDiscountData ?? true,
    },
    lifetimeValue:
      row.clv_3m === null || row.clv_6m === null || row.clv_12m === null || !shop.lifetimeValue
        ? null
        : {
            clv3m: row.clv_3m,
            clv6m: row.clv_6m,
            clv12m: row.clv_12m,
            margin: shop.lifetimeValue.margin,
            marginSource: shop.lifetimeValue.marginSource,
            monthlyDiscountRate: shop.lifetimeValue.monthlyDiscountRate,
          },
  }
}
