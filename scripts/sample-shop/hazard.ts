/**
 * A customer's purchase hazard without a coupon: the base that response.ts
 * multiplies. Shared by the simulation and the truth file, so the oracle's
 * "without" probabilities are the simulation's.
 */
import { seasonFactor, weekdayFactor } from './calendar'
import { QUIET_FACTOR, refractory } from './response'

/** Deal-prone customers hold back at full price (they wait for the next sale). */
export const HOLDBACK = 0.45
/** A site-wide sale's advertising lifts everyone a little, coupon or not. */
export const SALE_BUZZ = 1.15

/** Hazard per day at a neutral day (season and weekday 1), before the refractory lull. */
export function ratePerDay(customer: { rate: number; sensitivity: number }, active: boolean): number {
  return (customer.rate / 365) * (1 - HOLDBACK * customer.sensitivity) * (active ? 1 : QUIET_FACTOR)
}

const factors: number[] = []

/** The shop's demand on a day (any day index ≥ 0, also after the data ends); cached, it is asked every customer-day. */
export function dayFactor(day: number): number {
  return (factors[day] ??= seasonFactor(day) * weekdayFactor(day))
}

export function baseHazard(customer: { rate: number; sensitivity: number }, active: boolean, day: number, lastOrderDay: number): number {
  return ratePerDay(customer, active) * dayFactor(day) * refractory(day - lastOrderDay)
}
