import type Database from 'better-sqlite3'
import { bgNbdFeatureColumns } from '../clv/feature-columns'
import { assertDay, dayNumber } from './calendar'
import { categoryShares, topCategories, topCategoryIndex } from './category-shares'
import { loadCustomerProducts } from './customer-products'
import { discountSensitivity } from './discount-sensitivity'
import { FEATURE_NAMES } from './feature-names'
import { orderFeatures, type OrderFeatures } from './order-features'
import { loadProductCatalogue } from './product-catalogue'
import { detectSaleDays } from './sale-periods'
import { loadSaleOrders } from './sale-orders'
import { shopSeasonality } from './seasonality'
import { RETURN_ORDER } from './sql-conditions'
import type { FeatureSet } from './types'

/**
 * Customer features as of `cutoff` ('YYYY-MM-DD'), one row per customer with
 * at least one sale before it, in ascending customer id. Column meanings and
 * defaults: feature-names.ts.
 *
 * No leakage by construction: every query below (and in the loaders it
 * calls) filters `o.ordered_at < @cutoff` on the orders it reads, and every
 * shop-level number (sale days, top categories, seasonality, pooled
 * discount shares) is computed from those same rows.
 */
export function buildFeatures(db: Database.Database, cutoff: string): FeatureSet {
  assertDay(cutoff)
  const cutoffDay = dayNumber(cutoff)
  const orders = loadSaleOrders(db, cutoff)
  const { customerIds } = orders
  const saleDays = detectSaleDays(db, cutoff)
  const season = shopSeasonality(db, cutoff)
  const catalogue = loadProductCatalogue(db, cutoff)
  const top = topCategories(catalogue)
  const customerProducts = loadCustomerProducts(db, cutoff)
  const shares = categoryShares(customerProducts, customerIds, catalogue, top)
  const productLines = productLineCounts(customerProducts)
  const returns = loadReturnsRates(db, cutoff)

  const perCustomer: OrderFeatures[] = []
  const inputs = {
    cutoffDay,
    saleDays: new Set(saleDays.map((d) => dayNumber(d.day))),
    season: season.window
      ? { yearFrom: dayNumber(season.yearFrom), windowFrom: dayNumber(season.window.from), windowTo: dayNumber(season.window.to) }
      : null,
    defaultSeasonShare: season.shopShare,
  }
  for (let row = 0; row < customerIds.length; row++) perCustomer.push(orderFeatures(orders, row, inputs))

  // Pooled over customers' sale orders: the "average customer" of discount_sensitivity.
  let allOrders = 0
  let discounted = 0
  let spend = 0
  let saleSpend = 0
  for (const f of perCustomer) {
    allOrders += f.frequency
    discounted += f.discountedOrders
    spend += Math.max(0, f.monetary)
    saleSpend += Math.max(0, f.saleDaySpend)
  }
  const shop = { discountShare: allOrders > 0 ? discounted / allOrders : 0, saleSpendShare: spend > 0 ? saleSpend / spend : 0 }

  // Fitted on these same pre-cutoff histories, so the columns leak nothing either.
  const bgNbd = bgNbdFeatureColumns(perCustomer)

  const names = [...FEATURE_NAMES]
  const width = names.length
  const values = new Float32Array(customerIds.length * width)
  for (let row = 0; row < customerIds.length; row++) {
    const f = perCustomer[row]
    const cat = shares[row]
    const rowValues = [
      f.recencyDays,
      f.frequency,
      f.monetary,
      f.tenureDays,
      f.aov,
      f.gapMean,
      f.gapLast,
      f.gapCv,
      f.ordersLast90d,
      f.spendLast90d,
      f.ordersLast365d,
      returns.get(customerIds[row]) ?? 0,
      f.discountShare,
      f.discountDepthMean,
      f.saleSpendShare,
      discountSensitivity({ orders: f.frequency, discountShare: f.discountShare, saleSpendShare: f.saleSpendShare }, shop),
      ...cat,
      topCategoryIndex(cat),
      season.index,
      f.ownSeasonShare,
      f.ordersLast30d,
      f.ordersLast180d,
      f.spendLast180d,
      f.visits,
      f.activeMonths,
      productLines.get(customerIds[row])?.products ?? 0,
      (productLines.get(customerIds[row])?.lines ?? 0) / f.frequency,
      f.recencyDays / (f.gapMean + 1),
      f.lastOrderTotal,
      bgNbd.pAlive[row],
      bgNbd.expected[row],
    ]
    if (rowValues.length !== width) throw new Error('feature row does not match FEATURE_NAMES')
    for (let c = 0; c < width; c++) {
      const v = rowValues[c]
      // A non-finite value is a bug in a definition above, not something to hand a model.
      if (!Number.isFinite(v)) throw new Error(`feature ${names[c]} is ${v} for customer ${customerIds[row]}`)
      values[row * width + c] = v
    }
  }
  return {
    cutoff,
    customerIds,
    names,
    values,
    context: { topCategories: top, saleDays, shopDiscountShare: shop.discountShare, shopSaleSpendShare: shop.saleSpendShare, seasonIndex: season.index },
  }
}

/** Per customer id: distinct products bought and product lines (Σ orders per product). */
function productLineCounts(rows: ReturnType<typeof loadCustomerProducts>): Map<number, { products: number; lines: number }> {
  const out = new Map<number, { products: number; lines: number }>()
  for (const [customerId, , orders] of rows) {
    const entry = out.get(customerId) ?? { products: 0, lines: 0 }
    entry.products++
    entry.lines += orders
    out.set(customerId, entry)
  }
  return out
}

/** returns_rate per customer id: return/refund/cancellation orders ÷ all orders, before the cutoff. */
function loadReturnsRates(db: Database.Database, cutoff: string): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT o.customer_id, CAST(SUM(${RETURN_ORDER}) AS REAL) / COUNT(*)
       FROM orders o
       WHERE o.ordered_at < @cutoff AND o.customer_id IS NOT NULL
       GROUP BY o.customer_id`,
    )
    .raw()
    .all({ cutoff }) as [number, number][]
  return new Map(rows)
}

