/**
 * Offers: what a coupon gives. Shared by campaigns (past offers), the response
 * model (which learns from them) and the planner (which proposes them).
 */

export type DiscountType = 'percent' | 'fixed' | 'free_shipping' | 'spend_x_save_y'

/** Past campaign rows may also carry 'none': a message without a discount (or a control member). */
export type CampaignDiscountType = DiscountType | 'none'

/** Whole shop, or the customer's favourite category / product from the affinity model. */
export type OfferScope = 'all' | 'category' | 'product'

/** One candidate offer the planner may give a customer. */
export interface Offer {
  /** Stable within a plan: `percent:10`, `fixed:5`, `free_shipping`, `spend_x_save_y:50:10`, with `@category`/`@product` for scoped ones. */
  id: string
  type: DiscountType
  /** Percent (10 = 10 % off) for percent; money for fixed and spend_x_save_y; 0 for free shipping. */
  value: number
  /** Minimum spend in money (0 = none); the X of spend-X-save-Y. */
  minSpend: number
  scope: OfferScope
}
