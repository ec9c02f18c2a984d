/**
 * Small calculations behind the plain sentences of the Learn step, kept out of
 * the components so they stay pure and testable.
 */
import type { GainsPoint, ReliabilityBin } from '../../../src-main/engine/api'
import type { FileIssue } from '../../../src-main/engine/shared/issue'
import { tDynamic } from '../../lib/i18n/i18n.svelte'
import { issueText } from '../../lib/i18n/labels'

export type SensitivityLevel = 'low' | 'medium' | 'high'

/** The 0..1 discount-sensitivity score in three words a merchant can act on. */
export function sensitivityLevel(score: number): SensitivityLevel {
  return score >= 2 / 3 ? 'high' : score >= 1 / 3 ? 'medium' : 'low'
}

/** Share of buyers captured when contacting `share` of customers, read off the curve (linear between points). */
export function capturedAt(points: readonly GainsPoint[], share: number): number | null {
  const sorted = points.toSorted((a, b) => a.share - b.share)
  if (sorted.length === 0) return null
  let previous: GainsPoint = { share: 0, captured: 0 }
  for (const point of sorted) {
    if (point.share >= share) {
      const span = point.share - previous.share
      return span > 0 ? previous.captured + ((share - previous.share) / span) * (point.captured - previous.captured) : point.captured
    }
    previous = point
  }
  return previous.captured
}

/**
 * The bin to quote in the reliability sentence: the busiest one among those
 * with a prediction worth talking about (5 % and up), else the busiest.
 */
export function quotableBin(bins: readonly ReliabilityBin[]): ReliabilityBin | null {
  const filled = bins.filter((bin) => bin.count > 0)
  const busiest = (list: readonly ReliabilityBin[]) =>
    list.reduce<ReliabilityBin | null>((best, bin) => (best === null || bin.count > best.count ? bin : best), null)
  return busiest(filled.filter((bin) => bin.meanPredicted >= 0.05)) ?? busiest(filled)
}

/** How a customer's share compares with the shop's: within ±20 % of it counts as "about the same". */
export function comparedWithShop(value: number, shop: number): 'more' | 'same' | 'less' {
  if (shop <= 0) return value > 0 ? 'more' : 'same'
  const ratio = value / shop
  return ratio > 1.2 ? 'more' : ratio < 0.8 ? 'less' : 'same'
}

/**
 * Why a training job failed, in the merchant's language. The engine reports
 * training failures as a FileIssue carrying its own error code in
 * `params.code` (`learn.no-orders`...): that code's sentence when the
 * catalogue has it, else the engine's own sentence, since the issue's
 * file-reading code does not describe a training problem.
 */
export function trainFailureText(issue: FileIssue): string {
  const code = issue.params?.code
  if (typeof code === 'string') return tDynamic(`error.${code}`, issue.message, issue.params)
  return issue.code.startsWith('file.') ? issue.message : issueText(issue)
}
