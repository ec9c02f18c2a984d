/** After the fact: pending orders at the end, cancellations and returns. */
import { DAYS } from '../calendar'
import type { Random } from '../random'
import { orderTotals, type Order } from './model'

/** Returns (~5%, more for fragile and textile goods and for bargain hunters) and a few cancellations. */
export function settle(random: Random, orders: readonly Order[]): void {
  const lastDay = DAYS - 1
  for (const order of orders) {
    if (order.source === 'pos') continue
    if (order.day >= lastDay - 1) {
      order.status = 'pending'
      continue
    }
    if (random.chance(0.007)) {
      // Voided when only authorised; refunded in full when the payment had been captured.
      order.status = random.chance(0.5) ? 'voided' : 'refunded'
      if (order.status === 'refunded') order.refunded = orderTotals(order).total
      const later = order.second + random.int(1800, 20 * 3600)
      order.cancelledDay = order.day + Math.floor(later / 86_400)
      order.cancelledSecond = later % 86_400
      continue
    }
    const risky = order.lines.some((line) => ['Drinkware', 'Kitchen Textiles', 'Home Decor'].includes(line.variant.product.category))
    const pReturn = 0.03 + (risky ? 0.02 : 0) + 0.03 * (order.customer?.sensitivity ?? 0) + (order.code !== '' ? 0.01 : 0)
    if (!random.chance(pReturn)) continue
    const totals = orderTotals(order)
    if (order.lines.length === 1 || random.chance(0.35)) {
      order.status = 'refunded'
      order.refunded = totals.total
    } else {
      const line = random.pick(order.lines)
      const share = (line.price * line.quantity * (100 - order.percent)) / 100
      order.status = 'partially_refunded'
      order.refunded = Math.round(share * (1 + order.place.tax))
    }
  }
}
