import type Database from 'better-sqlite3'
import type { DataOverview, MonthRevenue } from '../api'
import { shopCurrency } from './shop-currency'

/**
 * The Data step's health check. Sales are orders that are not returns and not
 * cancelled; their value is the stated total or, for line exports, the sum of
 * product lines. Returns are counted and valued separately, never netted
 * silently into "revenue".
 */
export function dataOverview(db: Database.Database): DataOverview {
  const counts = db
    .prepare(`SELECT
        (SELECT COUNT(*) FROM customers) AS customers,
        (SELECT COUNT(*) FROM products WHERE is_product = 1) AS products,
        (SELECT COUNT(*) FROM order_lines) AS lines,
        (SELECT COUNT(*) FROM import_batches WHERE status = 'done') AS batches`)
    .get() as { customers: number; products: number; lines: number; batches: number }

  const orders = db
    .prepare(`SELECT
        COUNT(*) AS orders,
        SUM(customer_id IS NULL) AS guestOrders,
        SUM(is_return = 0 AND status != 'cancelled') AS salesOrders,
        SUM(customer_id IS NULL AND is_return = 0 AND status != 'cancelled') AS guestSalesOrders,
        SUM(is_return = 1 OR status IN ('refunded', 'partially_refunded', 'cancelled')) AS returnOrders,
        SUM(is_return = 0 AND status != 'cancelled' AND (discount_code IS NOT NULL OR discount_amount > 0)) AS discountedOrders,
        MIN(ordered_at) AS firstOrderAt,
        MAX(ordered_at) AS lastOrderAt,
        SUM(CASE WHEN is_return = 0 AND status != 'cancelled' THEN COALESCE(total, 0) ELSE 0 END) AS revenue,
        SUM(CASE WHEN is_return = 1 THEN -COALESCE(total, 0) ELSE refunded_amount END) AS returnedValue,
        SUM(CASE WHEN is_return = 0 THEN discount_amount ELSE 0 END) AS orderDiscounts
      FROM orders`)
    .get() as {
    orders: number
    guestOrders: number | null
    salesOrders: number | null
    guestSalesOrders: number | null
    returnOrders: number | null
    discountedOrders: number | null
    firstOrderAt: string | null
    lastOrderAt: string | null
    revenue: number | null
    returnedValue: number | null
    orderDiscounts: number | null
  }

  const lineDiscounts = (db.prepare("SELECT COALESCE(SUM(ABS(discount)), 0) - COALESCE(SUM(CASE WHEN line_kind = 'discount' THEN amount ELSE 0 END), 0) FROM order_lines WHERE is_return = 0").pluck().get() as number) ?? 0

  const returnLines = db.prepare('SELECT COUNT(*) FROM order_lines WHERE is_return = 1').pluck().get() as number

  const repeatCustomers = db
    .prepare('SELECT COUNT(*) FROM (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL AND is_return = 0 GROUP BY customer_id HAVING COUNT(*) > 1)')
    .pluck()
    .get() as number

  const revenueByMonth = db
    .prepare(`SELECT substr(ordered_at, 1, 7) AS month,
        ROUND(SUM(CASE WHEN is_return = 0 AND status != 'cancelled' THEN COALESCE(total, 0) ELSE 0 END), 2) AS revenue,
        SUM(is_return = 0 AND status != 'cancelled') AS orders,
        SUM(is_return = 1 OR status IN ('refunded', 'partially_refunded', 'cancelled')) AS returns
      FROM orders GROUP BY month ORDER BY month`)
    .all() as MonthRevenue[]

  const topDiscountCodes = db
    .prepare(`SELECT discount_code AS code, COUNT(*) AS orders FROM orders
      WHERE discount_code IS NOT NULL AND discount_code != '' GROUP BY discount_code ORDER BY orders DESC, code LIMIT 10`)
    .all() as { code: string; orders: number }[]

  const salesOrders = orders.salesOrders ?? 0
  const currency = shopCurrency(db)
  return {
    ...counts,
    orders: orders.orders,
    guestOrders: orders.guestOrders ?? 0,
    returnOrders: orders.returnOrders ?? 0,
    discountedOrders: orders.discountedOrders ?? 0,
    firstOrderAt: orders.firstOrderAt,
    lastOrderAt: orders.lastOrderAt,
    revenue: round2(orders.revenue ?? 0),
    returnedValue: round2(Math.abs(orders.returnedValue ?? 0)),
    discountValue: round2((orders.orderDiscounts ?? 0) + Math.abs(lineDiscounts)),
    repeatCustomers,
    salesOrders,
    guestSalesOrders: orders.guestSalesOrders ?? 0,
    averageOrderValue: salesOrders > 0 ? round2((orders.revenue ?? 0) / salesOrders) : 0,
    returnLines,
    currency: currency.code,
    currencySource: currency.source,
    currenciesInData: currency.inData,
    revenueByMonth,
    topDiscountCodes,
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}
