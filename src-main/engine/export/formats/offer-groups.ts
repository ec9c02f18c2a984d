/**
 * Codes grouped by offer, for the shop formats that create one discount per
 * offer and attach its codes (Shopify). A scoped offer is one discount per
 * scope: "15% off Tea" and "15% off Coffee" share an offer id but not a
 * discount.
 */
import type { ExportMeta, ScopeRef } from '../export-types'
import type { TreatedRow } from '../export-rows'
import { offerPhrase } from '../offer-text'
import type { Offer } from '../../planner/planner-api'

export interface OfferGroup {
  /** Discount title: campaign name and the offer ("Spring – 15% off your next order"), unique within the export. */
  title: string
  offer: Offer
  scope: ScopeRef | null
  rows: TreatedRow[]
}

/** Groups in order of first appearance, so the files follow the plan's order. */
export function groupByOffer(meta: ExportMeta, rows: readonly TreatedRow[]): OfferGroup[] {
  const groups = new Map<string, OfferGroup>()
  const titles = new Set<string>()
  for (const row of rows) {
    const scope = row.offer.scope === 'all' ? null : (row.scope ?? null)
    const key = `${row.offer.id}\u0000${scope?.name ?? ''}`
    let group = groups.get(key)
    if (!group) {
      const base = `${meta.campaignName} – ${offerPhrase(row.offer, meta.currency, meta.locale, scope?.name ?? null)}`
      // Shopify shows discounts by title: two offers reading the same get a number.
      let title = base
      for (let n = 2; titles.has(title); n++) title = `${base} #${n}`
      titles.add(title)
      group = { title, offer: row.offer, scope, rows: [] }
      groups.set(key, group)
    }
    group.rows.push(row)
  }
  return [...groups.values()]
}

/** Fixed chunks of at most `size` (the APIs' per-call limits). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
