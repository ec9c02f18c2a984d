/**
 * Why a customer got this offer, or none, in reason codes with the numbers
 * behind them. Every sentence is built from the plan's own figures; the
 * words live in the i18n catalogue as `plan.reason.<code>`.
 *
 * Param names carry their kind, so every face formats them the same way:
 *   …Money   an amount in the shop's currency     …Share   a 0..1 share
 *   …Chance  a 0..1 probability                   …Days    a whole number of days
 *   …Orders  a (fractional) count of orders        other    text, shown as is
 */
import type { Offer, Reason } from './planner-api'
import type { CustomerFacts } from './customer-facts'
import type { ExclusionRule } from './exclusions'

export const REASON_CODES = [
  'overdue',
  'one-order',
  'uses-discounts',
  'buys-in-sales',
  'favourite-category',
  'favourite-product',
  'expected-gain',
  'deeper-not-worth',
  'locked-offer',
  'holdout',
  'locked-exclude',
  'excluded-manual',
  'excluded-no-consent',
  'excluded-open-coupon',
  'excluded-bought-recently',
  'excluded-serial-returner',
  'excluded-coupon-only',
  'buys-anyway',
  'coupon-puts-off',
  'no-payback',
  'budget-elsewhere',
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

/** The facts an explanation may quote. */
export type ReasonFacts = Pick<
  CustomerFacts,
  'orders' | 'recencyDays' | 'gapMeanDays' | 'discountShare' | 'saleSpendShare' | 'returnsRate' | 'favouriteCategory' | 'favouriteCategoryShare' | 'favouriteProduct'
>

export interface RowNumbers {
  pWithout: number
  pWith: number
  /** Mean expected incremental profit and cost of the chosen offer (or of the best offer, for "none"). */
  profit: number
  cost: number
  /** The best mean profit any feasible offer would earn this customer. */
  bestProfit: number
  /** Whether every feasible offer lowers their chance to buy. */
  allLower: boolean
  /** A deeper offer of the same type earns less: its depth in percent or money. */
  deeperNotWorth: Offer | null
}

function reason(code: ReasonCode, params: Reason['params'] = {}): Reason {
  return { code, params }
}

/** The customer-specific facts that make the case for a coupon (quoted for treated customers). */
function behaviourReasons(f: ReasonFacts, offer: Offer | null): Reason[] {
  const out: Reason[] = []
  if (f.orders >= 2 && f.recencyDays > 1.2 * Math.max(7, f.gapMeanDays)) {
    out.push(reason('overdue', { gapDays: Math.round(f.gapMeanDays), sinceDays: Math.round(f.recencyDays) }))
  } else if (f.orders <= 1) {
    out.push(reason('one-order', { sinceDays: Math.round(f.recencyDays) }))
  }
  if (f.discountShare >= 0.3) out.push(reason('uses-discounts', { ordersShare: f.discountShare }))
  if (f.saleSpendShare >= 0.3) out.push(reason('buys-in-sales', { spendShare: f.saleSpendShare }))
  if (offer?.scope === 'product' && f.favouriteProduct) out.push(reason('favourite-product', { product: f.favouriteProduct.name }))
  else if (f.favouriteCategory && (offer?.scope === 'category' || f.favouriteCategoryShare >= 0.4)) {
    out.push(reason('favourite-category', { category: f.favouriteCategory, spendShare: f.favouriteCategoryShare }))
  }
  return out
}

export function treatedReasons(f: ReasonFacts, offer: Offer, n: RowNumbers, locked: boolean): Reason[] {
  return [
    ...(locked ? [reason('locked-offer')] : []),
    ...behaviourReasons(f, offer),
    reason('expected-gain', { extraOrders: n.pWith - n.pWithout, profitMoney: n.profit, costMoney: n.cost, withoutChance: n.pWithout, withChance: n.pWith }),
    ...(n.deeperNotWorth ? [reason('deeper-not-worth', { deeper: n.deeperNotWorth.id })] : []),
  ]
}

export function holdoutReasons(holdoutShare: number): Reason[] {
  return [reason('holdout', { holdoutShare })]
}

export function excludedReasons(rule: ExclusionRule, f: ReasonFacts, boughtWithinDays: number): Reason[] {
  switch (rule) {
    case 'bought-recently':
      return [reason('excluded-bought-recently', { sinceDays: Math.round(f.recencyDays), limitDays: boughtWithinDays })]
    case 'serial-returner':
      return [reason('excluded-serial-returner', { returnsShare: f.returnsRate })]
    case 'coupon-only':
      return [reason('excluded-coupon-only', { orders: f.orders })]
    default:
      return [reason(`excluded-${rule}`)]
  }
}

/** An eligible customer left without a coupon: the first explanation that fits the numbers. */
export function noCouponReasons(locked: boolean, n: RowNumbers): Reason[] {
  if (locked) return [reason('locked-exclude')]
  if (n.allLower) return [reason('coupon-puts-off', { withoutChance: n.pWithout })]
  if (n.bestProfit <= 0 && n.pWithout >= 0.5) return [reason('buys-anyway', { withoutChance: n.pWithout, profitMoney: n.bestProfit })]
  if (n.bestProfit <= 0) return [reason('no-payback', { withoutChance: n.pWithout, profitMoney: n.bestProfit })]
  return [reason('budget-elsewhere', { profitMoney: n.bestProfit, costMoney: n.cost })]
}
