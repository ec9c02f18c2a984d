import type Database from 'better-sqlite3'
import { PRODUCT_LINE, SALE_ORDER } from '../features/sql-conditions'
import { DEFAULT_MARGIN } from './settings'

export interface ShopMargin {
  /** 0..1, profit ÷ revenue used for CLV. */
  margin: number
  /** Share of product revenue whose products have a cost in the shop's files (0 = the default margin alone). */
  costCoverage: number
  source: 'costs' | 'default' | 'costs+default'
}

/**
 * The shop's margin before the cutoff: 1 − cost ÷ revenue over product lines
 * whose product has a known cost, blended with the default margin for the
 * revenue without one. Shop-wide rather than per customer: CLV is a
 * forecast, and one customer's basket mix is too noisy a guide to the margin
 * on orders they have not placed yet.
 */
export function shopMargin(db: Database.Database, cutoff: string, defaultMargin = DEFAULT_MARGIN): ShopMargin {
  const row = db
    .prepare(
      `SELECT COALESCE(SUM(l.amount), 0) AS revenue,
              COALESCE(SUM(CASE WHEN p.cost IS NOT NULL AND p.cost >= 0 THEN l.amount END), 0) AS covered,
              COALESCE(SUM(CASE WHEN p.cost IS NOT NULL AND p.cost >= 0 THEN l.quantity * p.cost END), 0) AS cost
       FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
       WHERE ${SALE_ORDER} AND ${PRODUCT_LINE} AND o.ordered_at < @cutoff`,
    )
    .get({ cutoff }) as { revenue: number; covered: number; cost: number }
  const coverage = row.revenue > 0 ? Math.min(1, Math.max(0, row.covered / row.revenue)) : 0
  if (coverage === 0 || row.covered <= 0) return { margin: defaultMargin, costCoverage: 0, source: 'default' }
  const known = Math.min(1, Math.max(0, 1 - row.cost / row.covered))
  const margin = coverage * known + (1 - coverage) * defaultMargin
  return { margin, costCoverage: coverage, source: coverage >= 0.999 ? 'costs' : 'costs+default' }
}
