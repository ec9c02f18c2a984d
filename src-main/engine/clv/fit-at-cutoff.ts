/**
 * BG/NBD and Gamma-Gamma fitted on one cutoff's features, with guards for
 * shops too small or too uniform to identify them. Unsupervised: the fit
 * reads only the history before the cutoff, so fitting at the scoring
 * cutoff leaks nothing.
 */
import type { FeatureSet } from '../features/types'
import { fitBgNbd, type BgNbdFit, type RepeatSummary } from './bg-nbd'
import { fitGammaGamma, type GammaGammaFit } from './gamma-gamma'
import { repeatBuyersOnly, summariesFromFeatures } from './summaries'

/** Below this many customers, or without a single repeat buyer, the four parameters are not identified. */
export const MIN_CUSTOMERS = 20
export const MIN_REPEAT_BUYERS = 5

export function fitBgNbdSafely(repeat: RepeatSummary): BgNbdFit | null {
  let repeaters = 0
  for (let i = 0; i < repeat.x.length; i++) if (repeat.x[i] > 0) repeaters++
  if (repeat.x.length < MIN_CUSTOMERS || repeaters < MIN_REPEAT_BUYERS) return null
  const fit = fitBgNbd(repeat)
  const { r, alpha, a, b } = fit.params
  return [r, alpha, a, b, fit.logLikelihood].every(Number.isFinite) ? fit : null
}

export function fitGammaGammaSafely(features: FeatureSet): GammaGammaFit | null {
  const repeaters = repeatBuyersOnly(summariesFromFeatures(features).spend)
  if (repeaters.x.length < MIN_REPEAT_BUYERS) return null
  const fit = fitGammaGamma(repeaters)
  const { p, q, v } = fit.params
  return [p, q, v, fit.logLikelihood].every(Number.isFinite) ? fit : null
}
