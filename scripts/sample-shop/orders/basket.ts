/** Baskets, shipping and new orders: what a customer buys when they buy. */
import { monthOf, secondOfDay } from '../calendar'
import { CATEGORIES, CATEGORY_SEASON, unitPrice, type Category, type Variant } from '../catalogue'
import type { Customer } from '../customers'
import type { Place } from '../places'
import type { Random } from '../random'
import type { Line, Order } from './model'

export function categoryWeight(category: Category, day: number): number {
  return CATEGORY_SEASON[category][monthOf(day)]
}

export function productWeight(variant: Variant, month: number): number {
  const holiday = variant.product.holiday ? (month >= 10 ? 3 : 0.08) : 1
  return (variant.product.popularity / variant.product.variants.length) * holiday
}

const choiceCache = new WeakMap<readonly Variant[], Map<string, { options: Variant[]; weights: number[] }>>()

/** A category's variants and their weights in a month, computed once per catalogue: baskets are drawn by the hundred thousand. */
function choices(catalogue: readonly Variant[], category: Category, month: number): { options: Variant[]; weights: number[] } {
  let byKey = choiceCache.get(catalogue)
  if (!byKey) choiceCache.set(catalogue, (byKey = new Map()))
  const key = `${category}|${month}`
  let found = byKey.get(key)
  if (!found) {
    const options = catalogue.filter((variant) => variant.product.category === category)
    found = { options, weights: options.map((v) => productWeight(v, month)) }
    byKey.set(key, found)
  }
  return found
}

/**
 * A basket for this customer on this day. Its size does not depend on a
 * discount, so the oracle's expected order value holds with or without a coupon.
 */
export function pickLines(random: Random, catalogue: readonly Variant[], customer: Customer | null, day: number): Line[] {
  const extra = random.poisson(customer?.basket ?? 0.4)
  const count = Math.min(6, 1 + extra)
  const lines: Line[] = []
  const categoryWeights = CATEGORIES.map((category, c) => categoryWeight(category, day) * (0.25 / CATEGORIES.length + 0.75 * (customer ? customer.taste[c] : 1 / CATEGORIES.length)))
  for (let i = 0; i < count * 3 && lines.length < count; i++) {
    const category = random.weighted(CATEGORIES, categoryWeights)
    const { options, weights } = choices(catalogue, category, monthOf(day))
    const variant = random.weighted(options, weights)
    if (lines.some((line) => line.variant === variant)) continue
    const price = unitPrice(variant, day)
    const cheap = price < 1500
    const quantity = random.chance(cheap ? 0.3 : 0.08) ? (random.chance(0.25) ? 3 : 2) : 1
    lines.push({ variant, quantity, price })
  }
  return lines
}

export const SHIPPING_BY_COUNTRY: Record<string, number> = { US: 595, CA: 995 }
export const INTERNATIONAL_SHIPPING = 1495
export const FREE_SHIPPING_FROM = 5000 // US orders of $50+ after discount ship free

export function newOrder(random: Random, catalogue: readonly Variant[], customer: Customer | null, day: number, code: string, percent: number, place: Place): Order {
  const lines = pickLines(random, catalogue, customer, day)
  const gross = lines.reduce((sum, line) => sum + line.price * line.quantity, 0)
  const net = gross - Math.round((gross * percent) / 100)
  const domestic = place.country === 'US'
  const express = domestic && random.chance(0.06)
  const shipping = express ? 1295 : domestic && net >= FREE_SHIPPING_FROM ? 0 : (SHIPPING_BY_COUNTRY[place.country] ?? INTERNATIONAL_SHIPPING)
  return {
    customer,
    day,
    second: secondOfDay(random),
    lines,
    code,
    percent,
    shipping,
    shippingMethod: express ? 'Express Shipping' : shipping === 0 ? 'Free Shipping' : domestic ? 'Standard Shipping' : 'International Shipping',
    place,
    street: customer?.street ?? '',
    zip: customer?.zip ?? '',
    billingName: customer ? `${customer.firstName} ${customer.lastName}` : '',
    status: 'paid',
    refunded: 0,
    cancelledSecond: null,
    cancelledDay: day,
    payment: random.chance(0.78) ? 'Shopify Payments' : 'PayPal Express Checkout',
    source: 'web',
    note: random.chance(0.02) ? random.pick(['Gift wrap please', 'Please leave at the back door', 'Happy birthday, Mum!', 'No invoice in the parcel please, it is a gift']) : '',
    name: '',
    id: '',
  }
}
