/**
 * The discount-response law: how a coupon changes a customer's purchase
 * hazard. The simulation and the oracle both use these functions, so the
 * oracle scores plans by exactly the law that made the data.
 *
 * While an offer of depth d (fraction off, 0.15 = 15 %) applies, the daily
 * purchase hazard is multiplied by exp(τ · (1 − exp(−d / κ))): nothing at
 * d = 0, saturating with depth, and below 1 for negative τ (a coupon that
 * cheapens the brand). τ is a hidden per-customer trait.
 *
 * No imports with side effects: vitest loads this through oracle.ts.
 */

export const RESPONSE_TYPES = ['sure-thing', 'persuadable', 'strong', 'sleeping-dog', 'lost-cause'] as const
export type ResponseType = (typeof RESPONSE_TYPES)[number]

/** Depth at which the response reaches 63 % of its ceiling. */
export const KAPPA = 0.08
/** Share of a treated customer's orders in the window that use the code (the rest forget it). */
export const REDEEM_SHARE = 0.9
/** No one buys with more than this chance on a single day. */
export const MAX_DAILY_CHANCE = 0.9
/** A customer who went quiet keeps this share of their hazard (they may still remember the shop). */
export const QUIET_FACTOR = 0.05
/** Days after an order over which the urge to reorder recovers. */
export const REFRACTORY_DAYS = 12

/** Multiplier of the purchase hazard while an offer of `depth` (fraction off) applies. */
export function responseMultiplier(tau: number, depth: number): number {
  if (depth <= 0) return 1
  return Math.exp(tau * (1 - Math.exp(-depth / KAPPA)))
}

/** Days since the last order dampen the urge to buy again (nobody reorders the next morning). */
export function refractory(daysSince: number): number {
  return 1 - Math.exp(-daysSince / REFRACTORY_DAYS)
}

/** The chance of an order on one day at a given hazard, as the simulation draws it. */
export function dailyChance(hazard: number): number {
  return Math.min(MAX_DAILY_CHANCE, hazard)
}

/** Mean τ per type; each customer's τ is drawn around it (see customers.ts). */
export const TAU_MEAN: Record<ResponseType, number> = {
  'sure-thing': 0,
  persuadable: 1.0,
  strong: 2.0,
  'sleeping-dog': -0.5,
  'lost-cause': 0,
}
