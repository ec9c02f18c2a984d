/**
 * The BG/NBD as a purchase baseline: fitted on the training cutoff's
 * histories (it needs no labels), it scores P(≥ 1 purchase in the horizon)
 * (bg-nbd.ts, pAnyPurchase) for the customers of any later cutoff, and is
 * judged on the same held-out window as every other entry.
 */
import type { PurchaseModel } from '../evaluation/protocol'
import type { FeatureSet } from '../features/types'
import { pAnyPurchase, type BgNbdParams } from './bg-nbd'
import { fitBgNbdSafely } from './fit-at-cutoff'
import { DAYS_PER_WEEK } from './settings'
import { summariesFromFeatures } from './summaries'

export const BG_NBD_NAME = 'bg-nbd'

/** P(≥ 1 purchase within horizonDays) per feature row; the shop's fitted parameters. */
export function bgNbdPurchaseScores(params: BgNbdParams, features: FeatureSet, horizonDays: number): Float32Array {
  const { repeat } = summariesFromFeatures(features)
  const weeks = horizonDays / DAYS_PER_WEEK
  return Float32Array.from(repeat.x, (x, i) => pAnyPurchase(params, x, repeat.tx[i], repeat.T[i], weeks))
}

export const BG_NBD_BASELINE: PurchaseModel = {
  name: BG_NBD_NAME,
  fit(train, labels) {
    const fit = fitBgNbdSafely(summariesFromFeatures(train).repeat)
    // Not identifiable on this shop: the training window's base rate for everyone (an honest AUC of 0.5).
    if (!fit) {
      const rate = labels.bought.reduce((s, b) => s + b, 0) / Math.max(1, labels.bought.length)
      return (features) => new Float32Array(features.customerIds.length).fill(rate)
    }
    return (features) => bgNbdPurchaseScores(fit.params, features, labels.horizonDays)
  },
}
