/**
 * The assumed response, for shops without a randomised campaign: a
 * documented prior (docs/planning.md, "Response model") in the same shape as
 * a measured model, so the planner treats both alike.
 *
 *   θ_i = ln(maxRateMultiplier) × s_i,  κ = halfDepth
 *
 * s_i is the customer's discount_sensitivity (0..1, 0.5 = the shop's average)
 * when the shop has discount history, a flat 0.5 otherwise (sensitivity is
 * then 0.5 for everyone anyway, and nothing else tells customers apart).
 * The ensemble spreads θ evenly from 0.5× to 1.5× its value, so the
 * planner's lower quantile assumes about half the prior's effect.
 */
import type { ResponsePrior } from '../planner-api'
import { DEFAULT_SAMPLES } from './fit-measured'
import type { ResponseModel } from './types'

export const ASSUMED_SPREAD = 0.5

export function assumedResponse(prior: ResponsePrior, shopHasDiscountHistory: boolean, samples = DEFAULT_SAMPLES): ResponseModel {
  if (!(prior.maxRateMultiplier > 0)) throw new Error('prior.maxRateMultiplier must be > 0')
  if (!(prior.halfDepth > 0)) throw new Error('prior.halfDepth must be > 0')
  const scale = Math.log(prior.maxRateMultiplier)
  const factors = Array.from({ length: samples }, (_, s) => (samples === 1 ? 1 : 1 - ASSUMED_SPREAD + (2 * ASSUMED_SPREAD * s) / (samples - 1)))
  // Identity standardisation: θ reads the raw 0..1 score, w = [intercept, slope].
  return {
    kind: 'assumed',
    featureNames: shopHasDiscountHistory ? ['discount_sensitivity'] : [],
    standardisation: shopHasDiscountHistory ? { means: [0], stds: [1], log: [false] } : { means: [], stds: [], log: [] },
    kappa: prior.halfDepth,
    samples: factors.map((f) => ({ w: shopHasDiscountHistory ? [0, scale * f] : [0.5 * scale * f] })),
    redeemShare: 0.9,
    campaigns: 0,
    campaignIds: [],
    prior: { ...prior },
  }
}
