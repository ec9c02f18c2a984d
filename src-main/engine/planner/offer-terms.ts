/**
 * What an offer means for one customer, and the offer menu the planner picks
 * from. Shared by the response model (which learns an effect per depth) and
 * the planner (which prices each offer per customer), so both read "depth"
 * the same way.
 */
import type { Offer, OfferScope } from './offer-types'
import type { OfferMenu } from './planner-api'

export interface OfferTerms {
  /** The order the customer would place with the offer: their typical order, topped up to any min spend. */
  orderValue: number
  /** Money given away if the coupon is redeemed on that order. */
  discount: number
  /** discount / orderValue, 0..1: the number the response model learns on. */
  depth: number
  /** False when the offer gives this customer nothing (no shipping paid, nothing in scope, no typical order). */
  applies: boolean
}

const NOTHING = (orderValue: number): OfferTerms => ({ orderValue, discount: 0, depth: 0, applies: false })

/**
 * One offer for one customer's typical order (goods value, shipping apart).
 *
 * - percent: value % of the order; fixed: the amount, never more than the order.
 * - free_shipping: the shipping they typically pay; 0 shipping = does not apply.
 * - spend_x_save_y: they must reach minSpend, so the order grows to
 *   max(orderValue, minSpend) and they save value. Any offer with minSpend > 0
 *   is read the same way (a percent-off with a minimum is topped up too).
 *
 * `scopeShare` (0..1) is the share of their basket in the offer's scope (their
 * favourite category or product). A scoped offer can only discount that part:
 * percent scales with it; fixed is capped by the in-scope spend; spend-X must
 * be reached in scope, so the top-up is what brings in-scope spend to X.
 * (A cap rather than a plain scaling for money offers: a £5 coupon on Tea still
 * costs £5 when the Tea in the basket is worth more than £5.) Share 0 = does not apply.
 */
export function offerTerms(offer: Offer, orderValue: number, shipping: number, scopeShare = 1): OfferTerms {
  const base = Number.isFinite(orderValue) && orderValue > 0 ? orderValue : 0
  const share = offer.scope === 'all' || offer.type === 'free_shipping' ? 1 : clamp01(scopeShare)
  if (share <= 0 || !(offer.value > 0 || offer.type === 'free_shipping')) return NOTHING(base)
  const inScope = base * share
  // Top-up needed to reach the minimum spend, counted on the in-scope part.
  const minSpend = offer.minSpend > 0 ? offer.minSpend : 0
  const topped = base + Math.max(0, minSpend - inScope)
  const toppedInScope = topped - base + inScope
  let discount: number
  switch (offer.type) {
    case 'percent':
      discount = (Math.min(offer.value, 100) / 100) * toppedInScope
      break
    case 'fixed':
      discount = Math.min(offer.value, toppedInScope)
      break
    case 'free_shipping':
      discount = Number.isFinite(shipping) && shipping > 0 ? shipping : 0
      break
    case 'spend_x_save_y':
      // Saving more than the order is a malformed tier; cap like a fixed amount.
      discount = Math.min(offer.value, toppedInScope)
      break
  }
  if (!(discount > 0) || !(topped > 0)) return NOTHING(topped)
  return { orderValue: topped, discount, depth: Math.min(1, discount / topped), applies: true }
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0
}

/** Stable id of an offer: `percent:10`, `spend_x_save_y:50:10`, `fixed:5@category`. */
export function offerId(type: Offer['type'], value: number, minSpend: number, scope: OfferScope): string {
  const core =
    type === 'free_shipping' ? 'free_shipping' : type === 'spend_x_save_y' ? `spend_x_save_y:${minSpend}:${value}` : `${type}:${value}`
  return scope === 'all' ? core : `${core}@${scope}`
}

/**
 * Every concrete offer in a menu: each level × the whole shop and each scope
 * asked for. Percent levels deeper than maxDepth (0..1) are left out here;
 * money offers depend on the customer's order, so their depth is checked per
 * customer. Free shipping is never scoped (shipping is per order, not per
 * category). Non-positive or non-finite levels are dropped; duplicates once.
 * Order: percent, fixed, free shipping, spend-X tiers (each ascending), whole
 * shop first, then category, then product: stable, so offer indices are too.
 */
export function expandOfferMenu(menu: OfferMenu, maxDepth: number): Offer[] {
  const scopes: OfferScope[] = ['all', ...(['category', 'product'] as const).filter((s) => menu.scopes.includes(s))]
  const positive = (xs: number[]): number[] => [...new Set(xs.filter((x) => Number.isFinite(x) && x > 0))].sort((a, b) => a - b)
  const out: Offer[] = []
  const seen = new Set<string>()
  const add = (type: Offer['type'], value: number, minSpend: number, scope: OfferScope): void => {
    const id = offerId(type, value, minSpend, scope)
    if (seen.has(id)) return
    seen.add(id)
    out.push({ id, type, value, minSpend, scope })
  }
  for (const scope of scopes) {
    for (const p of positive(menu.percent)) if (p <= 100 && p / 100 <= maxDepth + 1e-12) add('percent', p, 0, scope)
  }
  for (const scope of scopes) for (const f of positive(menu.fixed)) add('fixed', f, 0, scope)
  if (menu.freeShipping) add('free_shipping', 0, 0, 'all')
  const tiers = menu.spendSave
    .filter((t) => Number.isFinite(t.minSpend) && Number.isFinite(t.save) && t.save > 0 && t.minSpend >= 0)
    .sort((a, b) => a.minSpend - b.minSpend || a.save - b.save)
  for (const scope of scopes) for (const t of tiers) add('spend_x_save_y', t.save, t.minSpend, scope)
  return out
}

/**
 * The CLI's `--offers` syntax: parts separated by `;`, e.g.
 * `percent:5,10,15,20;fixed:5;free_shipping;spend_x_save_y:50/10,100/25;scope:category,product`.
 * Parts left out are off (no percent levels, no fixed, no free shipping, no
 * tiers, whole shop only). Throws an Error naming the bad part.
 */
export function parseOfferSpec(text: string): OfferMenu {
  const menu: OfferMenu = { percent: [], fixed: [], freeShipping: false, spendSave: [], scopes: [] }
  const parts = text.split(';').map((p) => p.trim()).filter((p) => p.length > 0)
  if (parts.length === 0) throw new Error('Offer spec is empty: expected e.g. "percent:5,10,15,20;fixed:5;free_shipping"')
  const done = new Set<string>()
  for (const part of parts) {
    const colon = part.indexOf(':')
    const kind = (colon < 0 ? part : part.slice(0, colon)).trim().toLowerCase()
    const rest = colon < 0 ? '' : part.slice(colon + 1).trim()
    const bad = (why: string): Error => new Error(`Offer spec part "${part}": ${why}`)
    if (done.has(kind)) throw bad(`${kind} is given twice`)
    done.add(kind)
    const list = (): string[] => {
      if (!rest) throw bad('expected a list of values after ":"')
      return rest.split(',').map((x) => x.trim())
    }
    const amount = (x: string): number => {
      const v = Number(x.replace(/%$/, ''))
      if (x === '' || !Number.isFinite(v) || v <= 0) throw bad(`"${x}" is not a positive number`)
      return v
    }
    switch (kind) {
      case 'percent':
        menu.percent = list().map((x) => {
          const v = amount(x)
          if (v >= 100) throw bad(`${v} % is not below 100 %`)
          return v
        })
        break
      case 'fixed':
        menu.fixed = list().map(amount)
        break
      case 'free_shipping':
        if (rest) throw bad('free_shipping takes no values')
        menu.freeShipping = true
        break
      case 'spend_x_save_y':
        menu.spendSave = list().map((x) => {
          const m = /^([^/]+)\/([^/]+)$/.exec(x)
          if (!m) throw bad(`"${x}" is not MIN/SAVE, e.g. 50/10`)
          const minSpend = amount(m[1].trim())
          const save = amount(m[2].trim())
          if (save >= minSpend) throw bad(`saving ${save} on a minimum spend of ${minSpend} gives the order away`)
          return { minSpend, save }
        })
        break
      case 'scope':
        menu.scopes = list().map((x) => {
          const s = x.toLowerCase()
          if (s !== 'all' && s !== 'category' && s !== 'product') throw bad(`"${x}" is not all, category or product`)
          return s
        })
        break
      default:
        throw bad(`unknown offer type "${kind}" (percent, fixed, free_shipping, spend_x_save_y, scope)`)
    }
  }
  return menu
}
