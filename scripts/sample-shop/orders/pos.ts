/** In-person orders at the shop's market stall: no email, no customer. */
import { DAYS, dateOf } from '../calendar'
import type { Variant } from '../catalogue'
import { FIRST_NAMES, LAST_NAMES, type Place } from '../places'
import type { Random } from '../random'
import { newOrder } from './basket'
import type { Order } from './model'

export const POS_ORDER_COUNT = 45

export function posOrders(random: Random, catalogue: readonly Variant[], places: readonly Place[]): Order[] {
  const stall = places.find((p) => p.city === 'Brooklyn') ?? places[0]
  // The market stall runs on spring and autumn Saturdays.
  const saturdays = Array.from({ length: DAYS }, (_v, d) => d).filter((d) => dateOf(d).getUTCDay() === 6 && [3, 4, 8, 9].includes(dateOf(d).getUTCMonth()))
  return Array.from({ length: POS_ORDER_COUNT }, () => {
    const day = random.pick(saturdays)
    const order = newOrder(random, catalogue, null, day, '', 0, stall)
    order.second = random.int(10, 16) * 3600 + random.int(0, 3599)
    order.shipping = 0
    order.shippingMethod = ''
    order.source = 'pos'
    order.payment = random.chance(0.6) ? 'Shopify Payments' : 'Cash'
    order.billingName = random.chance(0.5) ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : ''
    order.note = ''
    return order
  })
}
