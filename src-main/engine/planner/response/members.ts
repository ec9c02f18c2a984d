/**
 * Campaign outcomes → the members the fit learns from: features at each
 * campaign's sent_at day and the effective depth of the offer each member
 * got (or, in a control arm that states it, would have got). Pure: the
 * store reads are in learn-response.ts.
 */
import type { MemberOutcome } from '../../campaigns/outcomes'
import type { FeatureSet } from '../../features/types'
import { offerTerms } from '../offer-terms'
import type { Offer, OfferScope } from '../offer-types'
import { rawRow } from './design'
import type { MemberWithFeatures } from './types'

/** What the members of one sent_at day are read against. */
export interface DayContext {
  features: FeatureSet
  /** Typical shipping a customer pays on an order before that day (for free-shipping depth); 0 = unknown. */
  shipping: number
}

/**
 * Effective depth of a past offer for a customer whose typical order is
 * `orderValue`, via the planner's offerTerms so both read depth alike.
 * Scoped offers ('category:…', 'sku:…') use the customer's share of spend in
 * that category when it is one of the feature set's top categories; an
 * unknown share is read as the whole order (the campaign's stated level).
 */
export function pastOfferDepth(outcome: Pick<MemberOutcome, 'discountType' | 'discountValue' | 'minSpend' | 'appliesTo'>, orderValue: number, shipping: number, categoryShare: (category: string) => number | null): number {
  if (outcome.discountType === 'none') return 0
  const [kind, ...rest] = outcome.appliesTo.split(':')
  const scope: OfferScope = kind === 'category' ? 'category' : kind === 'sku' ? 'product' : 'all'
  const offer: Offer = { id: 'past', type: outcome.discountType, value: outcome.discountValue, minSpend: outcome.minSpend, scope }
  const share = scope === 'category' ? (categoryShare(rest.join(':')) ?? 1) : 1
  return offerTerms(offer, orderValue, shipping, share).depth
}

/** Whole days from sent_at to expires_at, at least 1. */
export function windowDays(sentAt: string, expiresAt: string): number {
  const ms = Date.parse(expiresAt.replace(' ', 'T') + 'Z') - Date.parse(sentAt.replace(' ', 'T') + 'Z')
  return Number.isFinite(ms) ? Math.max(1, Math.round(ms / 86_400_000)) : 14
}

/**
 * One MemberWithFeatures per outcome, features in `names` order. Members
 * without an order before sent_at get the default row (design.ts) and the
 * day's median typical order for their depth.
 */
export function membersFromOutcomes(outcomes: readonly MemberOutcome[], names: readonly string[], contextFor: (sentDay: string) => DayContext): MemberWithFeatures[] {
  const rowIndex = new Map<FeatureSet, Map<number, number>>()
  const medianAov = new Map<FeatureSet, number>()
  return outcomes.map((o) => {
    const day = o.sentAt.slice(0, 10)
    const { features, shipping } = contextFor(day)
    let rows = rowIndex.get(features)
    if (!rows) {
      rows = new Map(Array.from(features.customerIds, (id, row) => [id, row]))
      rowIndex.set(features, rows)
      medianAov.set(features, medianColumn(features, 'aov'))
    }
    const row = rows.get(o.customerId) ?? -1
    const column = (name: string): number | null => {
      const c = features.names.indexOf(name)
      return row >= 0 && c >= 0 ? features.values[row * features.names.length + c] : null
    }
    const aov = column('aov') ?? (medianAov.get(features) as number)
    const top = features.context?.topCategories ?? []
    const categoryShare = (category: string): number | null => {
      const i = top.findIndex((t) => t.toLowerCase() === category.toLowerCase())
      return i >= 0 ? column(`cat_share_${i}`) : null
    }
    return {
      campaignId: o.campaignId,
      customerId: o.customerId,
      arm: o.arm,
      depth: pastOfferDepth(o, aov, shipping, categoryShare),
      windowDays: windowDays(o.sentAt, o.expiresAt),
      converted: o.converted,
      redeemed: o.redeemed,
      features: rawRow(features, row, names),
    }
  })
}

function medianColumn(set: FeatureSet, name: string): number {
  const c = set.names.indexOf(name)
  const n = set.customerIds.length
  if (c < 0 || n === 0) return 0
  const xs = Array.from({ length: n }, (_, i) => set.values[i * set.names.length + c]).sort((a, b) => a - b)
  return n % 2 === 1 ? xs[n >> 1] : (xs[n / 2 - 1] + xs[n / 2]) / 2
}
