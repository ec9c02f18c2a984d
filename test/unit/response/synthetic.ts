import { createRng, deriveSeed, type Rng } from '../../../src-main/engine/ml/random'
import type { MemberWithFeatures } from '../../../src-main/engine/planner/response'

/**
 * Campaign members drawn from a known response law, for tests: three
 * groups by discount_sensitivity — below 0.35 a coupon harms (θ = −0.8),
 * 0.35..0.65 it does nothing, above 0.65 it works (θ = +1.2) — with depths
 * 5/10/15/20 % at κ = 0.08 and a base chance driven by frequency and
 * recency. Two noise columns the model should leave alone.
 */
export const SYNTHETIC_NAMES = ['discount_sensitivity', 'frequency', 'recency_days', 'aov', 'noise_a', 'noise_b']
export const TRUE_KAPPA = 0.08
export const DEPTHS = [0.05, 0.1, 0.15, 0.2]

export function trueTheta(sensitivity: number): number {
  return sensitivity < 0.35 ? -0.8 : sensitivity > 0.65 ? 1.2 : 0
}

export interface SyntheticOptions {
  seed: number
  customers: number
  campaigns?: number
  controlShare?: number
  /** Multiplies every θ (0 = coupons do nothing for anyone). */
  effectScale?: number
}

export function syntheticMembers(options: SyntheticOptions): MemberWithFeatures[] {
  const rng = createRng(deriveSeed(options.seed, 'synthetic'))
  const campaigns = options.campaigns ?? 2
  const members: MemberWithFeatures[] = []
  for (let i = 0; i < options.customers; i++) {
    const campaignId = 1 + (i % campaigns)
    const sensitivity = rng.next()
    const frequency = 1 + Math.floor(-Math.log(1 - rng.next()) * 4)
    const recency = 1 + Math.floor(rng.next() * 300)
    const aov = 20 + rng.next() * 80
    const features = [sensitivity, frequency, recency, aov, normal(rng), normal(rng)]
    // Campaign 2 ran in a busier season: a higher base chance for everyone.
    const eta = -1.6 + 0.25 * Math.log(frequency) - 0.004 * (recency - 150) + (campaignId === 2 ? 0.4 : 0)
    const p0 = 1 / (1 + Math.exp(-eta))
    const treated = rng.next() >= (options.controlShare ?? 0.3)
    const depth = treated ? DEPTHS[rng.int(DEPTHS.length)] : 0
    const tau = (options.effectScale ?? 1) * trueTheta(sensitivity) * (1 - Math.exp(-depth / TRUE_KAPPA))
    const p = 1 - Math.pow(1 - p0, Math.exp(tau))
    const converted = rng.next() < p
    members.push({
      campaignId,
      customerId: i + 1,
      arm: treated ? 'treatment' : 'control',
      depth,
      windowDays: 14,
      converted,
      redeemed: treated && converted ? rng.next() < 0.8 : false,
      features,
    })
  }
  return members
}

function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next())
}
