/**
 * The effect law the response model and the planner share. An offer of
 * effective depth d (0..1, discount ÷ order value) multiplies a customer's
 * purchase rate over the offer window by exp(τ), with
 *
 *   τ(d) = θ · (1 − exp(−d / κ))
 *
 * θ is the customer's saturation effect (negative = the coupon harms, 0 =
 * it does nothing), κ the depth at which 63 % of it is reached. Treating
 * "buys in the window" as a Poisson count with rate r, P(order) = 1 − e^(−r),
 * so scaling the rate gives P(order | offer) = 1 − (1 − p0)^exp(τ).
 */
import type { ResponsePrior } from '../planner-api'

/** Conservative default (docs/planning.md, "Response model"): at most +30 % purchase rate, 63 % of it by 8 % off. */
export const DEFAULT_PRIOR: ResponsePrior = { maxRateMultiplier: 1.3, halfDepth: 0.08 }

/** κ candidates for the measured fit: from "any coupon is the whole effect" to "only deep ones work". */
export const KAPPA_GRID: readonly number[] = [0.02, 0.04, 0.08, 0.15, 0.3]

/** Share of the saturation effect reached at depth d. */
export function depthShare(depth: number, kappa: number): number {
  return depth > 0 ? -Math.expm1(-Math.min(1, depth) / kappa) : 0
}

export function effect(theta: number, depth: number, kappa: number): number {
  return theta * depthShare(depth, kappa)
}

/** P(order | offer) from the base chance p0 and the effect τ. */
export function purchaseWithOffer(p0: number, tau: number): number {
  if (!(p0 > 0)) return 0
  if (p0 >= 1) return 1
  return -Math.expm1(Math.exp(tau) * Math.log1p(-p0))
}
