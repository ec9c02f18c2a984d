/**
 * The plan as one CSV row per customer planned for (holdout included), in the
 * columns `offerwise plan --out` documents. Customers by the shop's own id and
 * e-mail; every cell through the formula-safe writer.
 */
import type { Locale } from '../api'
import { toCsv } from '../export/csv-text'
import type { Plan, PlanRow } from './planner-api'
import { reasonsText } from './reason-text'

export const PLAN_CSV_COLUMNS = [
  'customer_id', 'email', 'group', 'discount_type', 'discount_value', 'min_spend', 'applies_to', 'starts_at', 'expires_at',
  'p_buy_without', 'p_buy_with', 'expected_cost', 'expected_incremental_profit', 'reason',
] as const

export function planCsv(plan: Plan, rows: readonly PlanRow[], locale: Locale): string {
  const lines: (string | number)[][] = []
  for (const row of rows) {
    const o = row.offer
    lines.push(
      [
        row.shopId ?? '',
        row.email ?? '',
        row.group,
        o ? o.type : 'none',
        o ? String(o.value) : '0',
        o ? String(o.minSpend) : '0',
        o ? o.scope : '',
        o ? plan.startsAt : '',
        o ? plan.expiresAt : '',
        row.pBuyWithout.toFixed(4),
        row.pBuyWith.toFixed(4),
        row.expectedCost.toFixed(2),
        row.expectedIncrementalProfit.toFixed(2),
        reasonsText(row.reasons, locale, plan.currency, plan.offers),
      ],
    )
  }
  return toCsv(PLAN_CSV_COLUMNS, lines)
}
