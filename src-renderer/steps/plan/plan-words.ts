/**
 * Offers, segments, groups and reasons in the merchant's words. The engine
 * sends ids and codes with numbers; money numbers are in the shop's currency.
 */
import type { Offer, Plan, PlanGroup, Reason } from '../../../src-main/engine/planner/planner-api'
import type { MessageParams } from '../../lib/i18n/catalogue'
import { t, tDynamic } from '../../lib/i18n/i18n.svelte'
import { fmt } from '../../lib/i18n/labels'

/** "15% off", "£5 off orders over £40", "Free shipping", with " on Tea" (or "on their favourite category") for a scoped offer. */
export function offerText(offer: Offer | null, currency: string, scopeName?: string | null): string {
  if (!offer) return t('plan.offer.none')
  const money = (value: number) => fmt.money(value, currency, 'whole')
  const min = offer.minSpend > 0 ? money(offer.minSpend) : null
  let text: string
  switch (offer.type) {
    case 'percent':
      text = min
        ? t('plan.offer.percentMin', { percent: fmt.percent(offer.value / 100), min })
        : t('plan.offer.percent', { percent: fmt.percent(offer.value / 100) })
      break
    case 'fixed':
      text = min ? t('plan.offer.fixedMin', { amount: money(offer.value), min }) : t('plan.offer.fixed', { amount: money(offer.value) })
      break
    case 'free_shipping':
      text = min ? t('plan.offer.freeShippingMin', { min }) : t('plan.offer.freeShipping')
      break
    case 'spend_x_save_y':
      text = t('plan.offer.spendSave', { amount: money(offer.value), min: money(offer.minSpend) })
      break
    default:
      text = offer.id
  }
  return offer.scope === 'all' ? text : t('plan.offer.scoped', { offer: text, scope: scopeText(offer.scope, scopeName) })
}

/** "on Tea" when the customer's favourite is known, else "on their favourite category". */
export function scopeText(scope: Offer['scope'], name?: string | null): string {
  if (scope === 'all') return t('plan.scope.all')
  if (name) return t('plan.scope.named', { name })
  return t(scope === 'category' ? 'plan.scope.category' : 'plan.scope.product')
}

export const scopeName = (scope: Offer['scope']): string => t(`plan.scopeName.${scope}`)

export const groupName = (group: PlanGroup): string => t(`plan.group.${group}`)

/** Segments are engine ids (`lapsed`, `loyal`...); an id the catalogue does not know shows as sent. */
export const segmentName = (segment: string): string => tDynamic(`plan.segment.${segment}`, segment)

/**
 * Reason params carry their kind in their name (src-main/engine/planner/reasons.ts):
 * …Money in the shop's currency, …Share a 0..1 share, …Chance a probability,
 * …Days whole days, …Orders a fractional count; `deeper` is an offer id.
 */
export function reasonParams(params: Reason['params'], currency: string): MessageParams {
  const out: MessageParams = {}
  for (const [key, value] of Object.entries(params)) {
    if (key === 'deeper' && typeof value === 'string') out[key] = offerText(offerFromId(value), currency)
    else if (typeof value !== 'number') out[key] = value
    else if (key.endsWith('Money')) out[key] = fmt.money(value, currency)
    else if (key.endsWith('Share')) out[key] = fmt.percent(value)
    else if (key.endsWith('Chance')) out[key] = fmt.chance(value)
    else if (key.endsWith('Days')) out[key] = fmt.number(Math.round(value))
    else if (key.endsWith('Orders')) out[key] = fmt.number(value, Math.abs(value) < 1 ? 2 : 1)
    else out[key] = fmt.number(value, Number.isInteger(value) ? 0 : 2)
  }
  return out
}

/** An offer id (`percent:10`, `fixed:5`, `free_shipping`, `spend_x_save_y:50:10`, with `@category`/`@product`) back into its terms. */
export function offerFromId(id: string): Offer {
  const [terms = '', scopePart] = id.split('@')
  const scope: Offer['scope'] = scopePart === 'category' || scopePart === 'product' ? scopePart : 'all'
  const [type = '', first, second] = terms.split(':')
  switch (type) {
    case 'percent':
      return { id, type: 'percent', value: Number(first), minSpend: 0, scope }
    case 'fixed':
      return { id, type: 'fixed', value: Number(first), minSpend: 0, scope }
    case 'spend_x_save_y':
      return { id, type: 'spend_x_save_y', value: Number(second), minSpend: Number(first), scope }
    default:
      return { id, type: 'free_shipping', value: 0, minSpend: 0, scope }
  }
}

export function reasonText(reason: Reason, currency: string): string {
  return tDynamic(`plan.reason.${reason.code}`, reason.code, reasonParams(reason.params, currency))
}

/** The name a scoped offer is about, when a reason names it (`category` / `product`). */
export function reasonScopeName(reasons: readonly Reason[], scope: Offer['scope']): string | null {
  if (scope === 'all') return null
  for (const reason of reasons) {
    const value = reason.params[scope]
    if (typeof value === 'string' && value) return value
  }
  return null
}

/** Every offer the plan could give (its menu, in each scope), for "change offer": the breakdown lists only offers in use. */
export function planOffers(plan: Plan): Offer[] {
  const menu = plan.settings.offers
  const terms: string[] = [
    ...menu.percent.filter((level) => level / 100 <= plan.settings.maxDepth + 1e-9).map((level) => `percent:${level}`),
    ...menu.fixed.map((amount) => `fixed:${amount}`),
    ...(menu.freeShipping ? ['free_shipping'] : []),
    ...menu.spendSave.map((tier) => `spend_x_save_y:${tier.minSpend}:${tier.save}`),
  ]
  const ids = (['all', ...menu.scopes] as const).flatMap((scope) => terms.map((core) => (scope === 'all' ? core : `${core}@${scope}`)))
  const byId = new Map<string, Offer>()
  for (const entry of plan.byOffer) if (entry.offer) byId.set(entry.offerId, entry.offer)
  for (const id of ids) if (!byId.has(id)) byId.set(id, offerFromId(id))
  return [...byId.values()]
}
