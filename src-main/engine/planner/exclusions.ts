/**
 * Who never gets a coupon, and the first rule that says why. Checked before
 * the holdout is drawn, so the holdout is a random part of the customers who
 * could have received one.
 */
import type { PlanExclusions } from './planner-api'
import type { CustomerFacts } from './customer-facts'

export const EXCLUSION_RULES = ['manual', 'no-consent', 'open-coupon', 'bought-recently', 'serial-returner', 'coupon-only'] as const
export type ExclusionRule = (typeof EXCLUSION_RULES)[number]

/** A coupon-only buyer: every one of at least this many orders used a discount. */
const COUPON_ONLY_MIN_ORDERS = 2

export function exclusionOf(f: CustomerFacts, rules: PlanExclusions, manual: ReadonlySet<string>): ExclusionRule | null {
  if ((f.shopId && manual.has(f.shopId.toLowerCase())) || (f.email && manual.has(f.email.toLowerCase()))) return 'manual'
  // Unknown consent (the files did not say) is not a refusal; an explicit "no" is.
  if (rules.requireConsent && f.acceptsMarketing === 0) return 'no-consent'
  if (rules.openCoupon && f.openCoupon) return 'open-coupon'
  if (rules.boughtWithinDays > 0 && f.recencyDays < rules.boughtWithinDays) return 'bought-recently'
  if (rules.maxReturnShare < 1 && f.orders >= 2 && f.returnsRate > rules.maxReturnShare) return 'serial-returner'
  if (rules.couponOnly && f.orders >= COUPON_ONLY_MIN_ORDERS && f.discountShare >= 0.999) return 'coupon-only'
  return null
}

export function manualSet(list: readonly string[]): Set<string> {
  return new Set(list.map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== ''))
}
