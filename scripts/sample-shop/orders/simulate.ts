/** One customer's life, day by day: first order, repeat purchases, codes, going quiet and coming back. */
import { DAYS } from '../calendar'
import { enrolIfEligible, offerOf, type CampaignDraw } from '../campaigns'
import type { Variant } from '../catalogue'
import type { Customer } from '../customers'
import { SALE_BUZZ, baseHazard } from '../hazard'
import { VIP, WELCOME, WINBACK, WINBACK_DAYS, siteSaleOn } from '../promotions'
import type { Random } from '../random'
import { REDEEM_SHARE, dailyChance, responseMultiplier } from '../response'
import { newOrder } from './basket'
import type { Order } from './model'

interface Offer {
  code: string
  percent: number
  siteWide: boolean
  /** Chance that an order placed while the offer applies uses it. */
  useChance: number
}

/** The best code that applies to this customer on this day. */
function offerFor(customer: Customer, day: number): Offer | null {
  const s = customer.sensitivity
  const sale = siteSaleOn(day)
  const winback = customer.winbacksReceived.some((sent) => day >= sent && day < sent + WINBACK.validDays)
  const vip = customer.vipReceived.some((sent) => day >= sent && day < sent + VIP.validDays)
  const test = offerOf(customer, day)
  const offers: Offer[] = [
    // Deal-prone buyers in a sale nearly always type the code; others sometimes miss the banner.
    ...(sale ? [{ code: sale.code, percent: sale.percent, siteWide: true, useChance: 0.78 + 0.22 * s }] : []),
    ...(winback ? [{ code: WINBACK.code, percent: WINBACK.percent, siteWide: false, useChance: 0.92 }] : []),
    ...(vip ? [{ code: VIP.code, percent: VIP.percent, siteWide: false, useChance: 0.92 }] : []),
    ...(test ? [{ code: test.code, percent: test.percent, siteWide: false, useChance: REDEEM_SHARE }] : []),
  ]
  return offers.sort((a, b) => b.percent - a.percent)[0] ?? null
}

export function simulateCustomer(random: Random, catalogue: readonly Variant[], campaigns: CampaignDraw, customer: Customer): void {
  if (!customer.buyer) return
  const s = customer.sensitivity
  let active = true
  let last = customer.acquiredDay

  const place = (): Order => {
    const day = last
    const offer = offerFor(customer, day)
    const first = customer.orders.length === 0
    let code = ''
    let percent = 0
    if (offer && random.chance(offer.useChance)) ({ code, percent } = offer)
    else if (first && customer.acceptsMarketing && random.chance(0.45 + 0.45 * s)) ({ code, percent } = WELCOME)
    const order = newOrder(random, catalogue, customer, day, code, percent, customer.place)
    customer.orders.push(order)
    // Each order may be the last for a long while: the customer goes quiet (and an order from a quiet customer revives them).
    active = !random.chance(customer.dropout)
    return order
  }

  place()
  for (let day = customer.acquiredDay + 1; day < DAYS; day++) {
    // Targeted codes are decided from what the shop can see: opt-in and order history.
    if (customer.acceptsMarketing && WINBACK_DAYS.includes(day)) {
      const lapsed = day - last
      const recentlySent = customer.winbacksReceived.some((sent) => day - sent < 180)
      if (lapsed >= WINBACK.lapsedFrom && lapsed <= WINBACK.lapsedTo && !recentlySent) customer.winbacksReceived.push(day)
    }
    if (customer.acceptsMarketing && VIP.days.includes(day) && customer.orders.length >= VIP.minOrders) customer.vipReceived.push(day)
    enrolIfEligible(campaigns, customer, day, last, active)

    // The response law of response.ts, the same for every code: site sales, targeted codes and the randomised tests.
    const offer = offerFor(customer, day)
    const lift = offer ? responseMultiplier(customer.tau, offer.percent / 100) * (offer.siteWide ? SALE_BUZZ : 1) : 1
    if (random.chance(dailyChance(baseHazard(customer, active, day, last) * lift))) {
      last = day
      place()
    }
  }
  customer.activeAtEnd = active
}
