import { discountDepth, isDiscounted, type SaleOrders } from './sale-orders'

/** What the order-level pass needs to know about the shop (all derived from data before the cutoff). */
export interface OrderFeatureInputs {
  cutoffDay: number
  /** Day numbers of detected sale days. */
  saleDays: ReadonlySet<number>
  /** Last year's coming-90-days window and the year it sits in, as day numbers; null with < 1 year of history. */
  season: { yearFrom: number; windowFrom: number; windowTo: number } | null
  /** own_season_share for a customer without orders in the past year. */
  defaultSeasonShare: number
}

/** Per-customer values from the customer's own sale orders, one pass over the loaded arrays. */
export interface OrderFeatures {
  recencyDays: number
  frequency: number
  monetary: number
  tenureDays: number
  aov: number
  gapMean: number
  gapLast: number
  gapCv: number
  ordersLast90d: number
  spendLast90d: number
  ordersLast365d: number
  discountShare: number
  discountDepthMean: number
  saleSpendShare: number
  ownSeasonShare: number
  ordersLast30d: number
  ordersLast180d: number
  spendLast180d: number
  visits: number
  activeMonths: number
  lastOrderTotal: number
  /** For pooled shop shares. */
  discountedOrders: number
  saleDaySpend: number
}

export function orderFeatures(orders: SaleOrders, row: number, inputs: OrderFeatureInputs): OrderFeatures {
  const from = orders.start[row]
  const to = orders.start[row + 1]
  const { cutoffDay, saleDays, season } = inputs
  let monetary = 0
  let ordersLast90d = 0
  let spendLast90d = 0
  let ordersLast365d = 0
  let ordersLast30d = 0
  let ordersLast180d = 0
  let spendLast180d = 0
  const months = new Set<number>()
  let discountedOrders = 0
  let depthSum = 0
  let saleDaySpend = 0
  let seasonYear = 0
  let seasonWindow = 0
  const visits: number[] = []
  for (let i = from; i < to; i++) {
    const day = orders.day[i]
    const total = orders.total[i]
    monetary += total
    if (day >= cutoffDay - 90) {
      ordersLast90d++
      spendLast90d += total
    }
    if (day >= cutoffDay - 365) ordersLast365d++
    if (day >= cutoffDay - 30) ordersLast30d++
    if (day >= cutoffDay - 180) {
      ordersLast180d++
      spendLast180d += total
    }
    months.add(calendarMonth(day))
    if (isDiscounted(orders, i)) {
      discountedOrders++
      depthSum += discountDepth(total, orders.discount[i])
    }
    if (saleDays.has(day)) saleDaySpend += total
    if (season && day >= season.yearFrom) {
      seasonYear++
      if (day >= season.windowFrom && day < season.windowTo) seasonWindow++
    }
    // Orders are sorted by time, so a new visit is a day different from the previous one.
    if (visits.length === 0 || visits[visits.length - 1] !== day) visits.push(day)
  }
  const frequency = to - from
  const recencyDays = cutoffDay - orders.day[to - 1]
  const tenureDays = cutoffDay - orders.day[from]
  const gaps = visits.slice(1).map((d, i) => d - visits[i])
  const gapMean = gaps.length === 0 ? tenureDays : (visits[visits.length - 1] - visits[0]) / gaps.length
  const gapLast = gaps.length === 0 ? tenureDays : gaps[gaps.length - 1]
  let gapCv = 1
  if (gaps.length >= 2 && gapMean > 0) {
    const variance = gaps.reduce((sum, g) => sum + (g - gapMean) ** 2, 0) / gaps.length
    gapCv = Math.sqrt(variance) / gapMean
  }
  return {
    recencyDays,
    frequency,
    monetary,
    tenureDays,
    aov: monetary / frequency,
    gapMean,
    gapLast,
    gapCv,
    ordersLast90d,
    spendLast90d,
    ordersLast365d,
    discountShare: discountedOrders / frequency,
    discountDepthMean: discountedOrders > 0 ? depthSum / discountedOrders : 0,
    saleSpendShare: monetary > 0 ? Math.min(1, Math.max(0, saleDaySpend / monetary)) : 0,
    ownSeasonShare: seasonYear > 0 ? seasonWindow / seasonYear : inputs.defaultSeasonShare,
    ordersLast30d,
    ordersLast180d,
    spendLast180d,
    visits: visits.length,
    activeMonths: months.size,
    lastOrderTotal: orders.total[to - 1],
    discountedOrders,
    saleDaySpend,
  }
}

/** Year × 12 + month of a day number (days since 1970-01-01). */
function calendarMonth(day: number): number {
  const date = new Date(day * 86_400_000)
  return date.getUTCFullYear() * 12 + date.getUTCMonth()
}
