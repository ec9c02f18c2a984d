/**
 * discount_sensitivity: how much more (or less) than the shop's average
 * customer this customer buys with a discount, as a 0..1 score a merchant
 * can read: 0.5 = like the average customer, towards 1 = buys mostly on
 * discount, towards 0 = pays full price.
 *
 *   s̃ = (n·s + k·S) / (n + k)      discount_share shrunk towards the shop's S
 *   p̃ = (n·p + k·P) / (n + k)      sale_spend_share shrunk towards the shop's P
 *   r  = mean(s̃ / S, p̃ / P)        relative to the shop (a part whose shop value is 0 is left out)
 *   score = r / (1 + r)
 *
 * n = the customer's sale orders, k = PRIOR_ORDERS pseudo-orders at the shop
 * average: one discounted order out of one says little, so a new customer
 * starts near 0.5 and moves away as orders accumulate. S and P are pooled
 * over all customers' sale orders (discounted orders ÷ orders; sale-day
 * spend ÷ spend). A shop with no discounts at all gives everyone 0.5.
 */
export const DISCOUNT_SENSITIVITY_PRIOR_ORDERS = 3

export interface DiscountBehaviour {
  orders: number
  discountShare: number
  saleSpendShare: number
}

export interface ShopDiscountBaseline {
  discountShare: number
  saleSpendShare: number
}

export interface DiscountSensitivityExplanation {
  score: number
  /** The shrunk shares and their ratio to the shop (null when the shop has none of that behaviour). */
  shrunkDiscountShare: number
  shrunkSaleSpendShare: number
  discountRatio: number | null
  saleSpendRatio: number | null
  priorOrders: number
  shop: ShopDiscountBaseline
  /** The same in one English sentence (the UI may build its own from the numbers). */
  text: string
}

export function discountSensitivity(customer: DiscountBehaviour, shop: ShopDiscountBaseline): number {
  return explainDiscountSensitivity(customer, shop).score
}

export function explainDiscountSensitivity(customer: DiscountBehaviour, shop: ShopDiscountBaseline): DiscountSensitivityExplanation {
  const k = DISCOUNT_SENSITIVITY_PRIOR_ORDERS
  const n = Math.max(0, customer.orders)
  const shrunkDiscountShare = (n * customer.discountShare + k * shop.discountShare) / (n + k)
  const shrunkSaleSpendShare = (n * customer.saleSpendShare + k * shop.saleSpendShare) / (n + k)
  const discountRatio = shop.discountShare > 0 ? shrunkDiscountShare / shop.discountShare : null
  const saleSpendRatio = shop.saleSpendShare > 0 ? shrunkSaleSpendShare / shop.saleSpendShare : null
  const parts = [discountRatio, saleSpendRatio].filter((r): r is number => r !== null)
  const r = parts.length === 0 ? 1 : parts.reduce((a, b) => a + b, 0) / parts.length
  const score = r / (1 + r)
  const pct = (x: number) => `${Math.round(x * 100)}%`
  const text =
    parts.length === 0
      ? 'The shop has no discounted orders or sale days before this date, so every customer scores 0.5.'
      : `${pct(customer.discountShare)} of this customer's ${n} orders used a discount (shop: ${pct(shop.discountShare)}) and ` +
        `${pct(customer.saleSpendShare)} of their spend fell on sale days (shop: ${pct(shop.saleSpendShare)}). ` +
        `Counting ${k} extra orders at the shop average, that is ${r.toFixed(2)}× the average customer: score ${score.toFixed(2)} (0.5 = average).`
  return { score, shrunkDiscountShare, shrunkSaleSpendShare, discountRatio, saleSpendRatio, priorOrders: k, shop, text }
}
