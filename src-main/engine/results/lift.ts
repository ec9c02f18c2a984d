/**
 * The measured lift of a campaign against its holdout. Pure: members in,
 * figures out; nothing here reads the store.
 *
 * Per member (known outcome only): converted (bought in the window), orders,
 * revenue (what they paid in the window, net of discounts and refunds),
 * discount (what their campaign code gave) and margin (0..1, on revenue at
 * full price). Profit of a member in the window:
 *
 *   profit = (revenue + discount) × margin − discount
 *
 * i.e. the margin on the goods at list price, less every discount actually
 * redeemed — including to customers who would have bought anyway, which is
 * what makes a coupon lose money.
 *
 * Incremental figures are "treatment minus control, scaled to the treated
 * group": n_T × (mean_T − mean_C). Their intervals:
 *  - conversion difference: Newcombe's hybrid score interval (1998, method 10)
 *    from the two Wilson score intervals; good at small counts and near 0 or 1
 *    where the Wald interval fails. Incremental buyers = n_T × that interval.
 *    p-value: two-sided pooled two-proportion z test.
 *  - orders, revenue, profit: percentile bootstrap over members, resampling
 *    each arm with replacement at its own size (stratified by arm, as the
 *    randomisation was), seeded, so the same data gives the same interval;
 *    the 95 % interval is the 2.5th to 97.5th percentile of the resamples.
 *    p-value: the bootstrap's two-sided p of "no difference" (twice the
 *    smaller share of resampled differences on either side of zero, with the
 *    +1 correction), so p < 1 − level exactly when the percentile interval
 *    leaves zero out.
 * One confidence level for all (default 95 %).
 */

export type Arm = 'treatment' | 'control'

export interface LiftMember {
  arm: Arm
  converted: boolean
  orders: number
  revenue: number
  discount: number
  margin: number
}

export interface LiftOptions {
  /** Confidence level of every interval, 0..1 (default 0.95). */
  level?: number
  /** Bootstrap resamples (default 2000). */
  resamples?: number
  seed?: number
}

export interface Interval {
  estimate: number
  low: number
  high: number
}

export interface ArmFigures {
  members: number
  buyers: number
  /** buyers / members, with its Wilson score interval. */
  conversion: Interval
  orders: number
  revenue: number
  discount: number
  profit: number
}

export interface LiftFigures {
  level: number
  treatment: ArmFigures
  control: ArmFigures
  /** Conversion(treatment) − conversion(control), 0..1 scale, Newcombe interval. */
  conversionLift: Interval
  /** Two-sided p-value of "no difference in conversion". */
  conversionP: number
  incrementalBuyers: Interval
  incrementalOrders: Interval
  incrementalRevenue: Interval
  incrementalProfit: Interval
  /** Two-sided bootstrap p-values of "no difference" in orders, revenue and profit per member. */
  ordersP: number
  revenueP: number
  profitP: number
  /** Discount the treatment arm redeemed (money). */
  discountCost: number
  /** The profit interval excludes zero. */
  profitDistinguishable: boolean
  /** The conversion interval excludes zero. */
  conversionDistinguishable: boolean
}

export const DEFAULT_LEVEL = 0.95
export const DEFAULT_RESAMPLES = 2000

export function memberProfit(m: Pick<LiftMember, 'revenue' | 'discount' | 'margin'>): number {
  return (m.revenue + m.discount) * m.margin - m.discount
}

/** Lift of `members`' treatment arm over their control arm; null when either arm is empty. */
export function measureLift(members: readonly LiftMember[], options: LiftOptions = {}): LiftFigures | null {
  const level = options.level ?? DEFAULT_LEVEL
  const treatment = members.filter((m) => m.arm === 'treatment')
  const control = members.filter((m) => m.arm === 'control')
  if (treatment.length === 0 || control.length === 0) return null
  const z = normalQuantile(1 - (1 - level) / 2)
  const t = armFigures(treatment, z)
  const c = armFigures(control, z)
  const conversionLift = newcombe(t.buyers, t.members, c.buyers, c.members, z)
  const nT = treatment.length
  const boot = bootstrap(treatment, control, options.resamples ?? DEFAULT_RESAMPLES, options.seed ?? 1, level)
  const incrementalProfit = { estimate: nT * (t.profit / nT - c.profit / c.members), ...boot.profit }
  return {
    level,
    treatment: t,
    control: c,
    conversionLift,
    conversionP: twoProportionP(t.buyers, t.members, c.buyers, c.members),
    incrementalBuyers: scale(conversionLift, nT),
    incrementalOrders: { estimate: nT * (t.orders / nT - c.orders / c.members), ...boot.orders },
    incrementalRevenue: { estimate: nT * (t.revenue / nT - c.revenue / c.members), ...boot.revenue },
    incrementalProfit,
    ordersP: boot.orders.p,
    revenueP: boot.revenue.p,
    profitP: boot.profit.p,
    discountCost: t.discount,
    profitDistinguishable: excludesZero(incrementalProfit),
    conversionDistinguishable: excludesZero(conversionLift),
  }
}

export function excludesZero(interval: Interval): boolean {
  return interval.low > 0 || interval.high < 0
}

function armFigures(arm: readonly LiftMember[], z: number): ArmFigures {
  let buyers = 0
  let orders = 0
  let revenue = 0
  let discount = 0
  let profit = 0
  for (const m of arm) {
    if (m.converted) buyers++
    orders += m.orders
    revenue += m.revenue
    discount += m.discount
    profit += memberProfit(m)
  }
  const [low, high] = wilson(buyers, arm.length, z)
  return { members: arm.length, buyers, conversion: { estimate: buyers / arm.length, low, high }, orders, revenue, discount, profit }
}

function scale(interval: Interval, by: number): Interval {
  return { estimate: interval.estimate * by, low: interval.low * by, high: interval.high * by }
}

/** Wilson score interval for x successes in n. */
export function wilson(x: number, n: number, z: number): [number, number] {
  if (n === 0) return [0, 1]
  const p = x / n
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}

/** Newcombe's hybrid score interval for p1 − p2 (method 10 of Newcombe 1998). */
export function newcombe(x1: number, n1: number, x2: number, n2: number, z: number): Interval {
  const p1 = x1 / n1
  const p2 = x2 / n2
  const [l1, u1] = wilson(x1, n1, z)
  const [l2, u2] = wilson(x2, n2, z)
  const d = p1 - p2
  return { estimate: d, low: d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), high: d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2) }
}

/** Two-sided p-value of the pooled two-proportion z test (1 when nobody or everybody bought). */
export function twoProportionP(x1: number, n1: number, x2: number, n2: number): number {
  const pooled = (x1 + x2) / (n1 + n2)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
  if (!(se > 0)) return 1
  const zScore = Math.abs(x1 / n1 - x2 / n2) / se
  return Math.min(1, 2 * (1 - normalCdf(zScore)))
}

interface BootBounds {
  low: number
  high: number
  p: number
}

/**
 * Percentile bootstrap of n_T × (mean_T − mean_C) for orders, revenue and
 * profit, with the same resampled members for all three (so they stay
 * consistent with one another).
 */
function bootstrap(treatment: readonly LiftMember[], control: readonly LiftMember[], resamples: number, seed: number, level: number) {
  const nT = treatment.length
  const nC = control.length
  const column = (arm: readonly LiftMember[], pick: (m: LiftMember) => number): Float64Array => Float64Array.from(arm, pick)
  const tOrders = column(treatment, (m) => m.orders)
  const tRevenue = column(treatment, (m) => m.revenue)
  const tProfit = column(treatment, memberProfit)
  const cOrders = column(control, (m) => m.orders)
  const cRevenue = column(control, (m) => m.revenue)
  const cProfit = column(control, memberProfit)
  const orders = new Float64Array(resamples)
  const revenue = new Float64Array(resamples)
  const profit = new Float64Array(resamples)
  const random = mulberry32(seed)
  for (let b = 0; b < resamples; b++) {
    let to = 0, tr = 0, tp = 0, co = 0, cr = 0, cp = 0
    for (let i = 0; i < nT; i++) {
      const j = Math.floor(random() * nT)
      to += tOrders[j]
      tr += tRevenue[j]
      tp += tProfit[j]
    }
    for (let i = 0; i < nC; i++) {
      const j = Math.floor(random() * nC)
      co += cOrders[j]
      cr += cRevenue[j]
      cp += cProfit[j]
    }
    orders[b] = to - (nT * co) / nC
    revenue[b] = tr - (nT * cr) / nC
    profit[b] = tp - (nT * cp) / nC
  }
  const bounds = (draws: Float64Array): BootBounds => {
    draws.sort()
    return { low: percentile(draws, (1 - level) / 2), high: percentile(draws, 1 - (1 - level) / 2), p: bootstrapP(draws) }
  }
  return { orders: bounds(orders), revenue: bounds(revenue), profit: bounds(profit) }
}

/**
 * Two-sided p of "the difference is zero" from sorted bootstrap draws: twice
 * the smaller tail share at zero, (k + 1) / (B + 1) so it is never 0; 1 when
 * every draw is zero (nothing varies). Draws at exactly zero (common with a
 * few buyers: many resamples hold the same ones) count to the smaller tail,
 * so p < 1 − level only when the percentile interval excludes zero: the
 * verdict, the interval and the p-value never disagree.
 */
export function bootstrapP(sorted: Float64Array): number {
  const B = sorted.length
  if (B === 0) return 1
  let below = 0
  let above = 0
  for (const d of sorted) {
    if (d < 0) below++
    else if (d > 0) above++
  }
  if (below === 0 && above === 0) return 1
  const ties = B - below - above
  const tail = Math.min(below, above) + ties
  return Math.min(1, (2 * tail + 1) / (B + 1))
}

/** Linear interpolation between order statistics of sorted `values` (type 7). */
function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0
  const at = q * (sorted.length - 1)
  const lo = Math.floor(at)
  const hi = Math.min(sorted.length - 1, lo + 1)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo)
}

/** Small, fast, seeded PRNG (uniform [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 through erf; |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2))
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-(x * x) / 2)
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}

/** Inverse standard normal CDF (Acklam's rational approximation; relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`)
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239]
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]
  const low = 0.02425
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  }
  if (p > 1 - low) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
}
