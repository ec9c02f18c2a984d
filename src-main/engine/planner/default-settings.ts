import { DEFAULT_PRIOR } from './response/effect-law'
import type { PlanSettings } from './planner-api'

/**
 * What a plan assumes unless the merchant says otherwise (issue 7 §3–4):
 * percent offers at 5/10/15/20 % on the whole shop, 14 days, 10 % held out,
 * a 40 % margin where product costs are unknown, never more than 30 % off,
 * and customers holding a coupon that is still running left out.
 */
export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  budget: 500,
  budgetMode: 'expected',
  offers: { percent: [5, 10, 15, 20], fixed: [], freeShipping: false, spendSave: [], scopes: ['all'] },
  days: 14,
  holdoutShare: 0.1,
  defaultMargin: 0.4,
  maxDepth: 0.3,
  exclusions: { boughtWithinDays: 0, maxReturnShare: 1, couponOnly: false, requireConsent: true, openCoupon: true, manual: [] },
  prior: DEFAULT_PRIOR,
  seed: 20240101,
}
