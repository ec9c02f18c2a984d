/**
 * Predictions for campaign members from a measured model's own base fit:
 * what evaluation compares with the members' outcomes. (The planner takes
 * p0 from the purchase model instead; see ResponseSample.base.)
 */
import { applyStandardisation } from '../../ml/standardise'
import { depthShare, purchaseWithOffer } from './effect-law'
import { modelMultipliers } from './heterogeneity'
import type { MemberWithFeatures, ResponseModel } from './types'

export interface MemberPrediction {
  /** P(order) without the offer, mean over samples. */
  without: number
  /** P(order) with the offer at the given depth, mean over samples. */
  with: number
}

export function predictMembers(model: ResponseModel, members: readonly MemberWithFeatures[], depths: ArrayLike<number>): MemberPrediction[] {
  const p = model.featureNames.length
  const raw = new Float64Array(members.length * p)
  members.forEach((m, i) => {
    for (let j = 0; j < p; j++) raw[i * p + j] = m.features[j]
  })
  const z = applyStandardisation(raw, model.standardisation)
  const campaignIndex = new Map(model.campaignIds.map((id, c) => [id, c]))
  const S = model.samples.length
  const multiplier = modelMultipliers(model, z, members.length)
  return members.map((m, i) => {
    let without = 0
    let withOffer = 0
    for (const sample of model.samples) {
      const base = sample.base
      if (!base) throw new Error('predictMembers needs a measured model (samples with a base fit)')
      const c = campaignIndex.get(m.campaignId)
      // A campaign the fit never saw: the average campaign's intercept.
      let eta = c === undefined ? mean(base.campaign) : base.campaign[c]
      eta += base.window * Math.log(Math.max(1, m.windowDays) / 14)
      let theta = sample.w[0]
      for (let j = 0; j < p; j++) {
        eta += base.beta[j] * z[i * p + j]
        theta += sample.w[j + 1] * z[i * p + j]
      }
      const p0 = 1 / (1 + Math.exp(-eta))
      without += p0
      withOffer += purchaseWithOffer(p0, theta * multiplier[i] * depthShare(depths[i], model.kappa))
    }
    return { without: without / S, with: withOffer / S }
  })
}

function mean(xs: number[]): number {
  return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0
}
