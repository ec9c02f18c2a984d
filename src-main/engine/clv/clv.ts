/**
 * Customer lifetime value over a horizon of M months:
 *   CLV(M) = margin · E[spend per purchase] · Σₘ₌₁..M (E[Y(m)] − E[Y(m − 1)]) / (1 + d)^m
 * where E[Y(m)] is the BG/NBD's expected purchases in the next m months,
 * E[spend] the Gamma-Gamma's, d the monthly discount rate. Purchases expected
 * in month m are discounted as if they fell at its end (the cautious side).
 */
import { expectedPurchases, type BgNbdParams } from './bg-nbd'
import { DAYS_PER_MONTH, DAYS_PER_WEEK } from './settings'

export interface ClvInputs {
  params: BgNbdParams
  x: number
  tx: number
  T: number
  spendPerPurchase: number
  margin: number
  monthlyDiscountRate: number
}

/** CLV for each of `months` (ascending), sharing one pass over the months. */
export function clvForMonths(inputs: ClvInputs, months: readonly number[]): number[] {
  const last = Math.max(0, ...months)
  const value = inputs.spendPerPurchase * inputs.margin
  const out = new Map<number, number>()
  let previous = 0
  let discounted = 0
  for (let m = 1; m <= last; m++) {
    const weeks = (m * DAYS_PER_MONTH) / DAYS_PER_WEEK
    const expected = expectedPurchases(inputs.params, inputs.x, inputs.tx, inputs.T, weeks)
    discounted += Math.max(0, expected - previous) / (1 + inputs.monthlyDiscountRate) ** m
    previous = expected
    out.set(m, discounted * value)
  }
  return months.map((m) => out.get(m) ?? 0)
}
