/** The shop's calendar: day indexes from the launch, New York time, seasonality of demand. */

import type { Random } from './random'

export const FIRST_DAY = '2023-01-01'
export const DAYS = 731 // through 2024-12-31

export const DAY_MS = 86_400_000
export const FIRST_MS = Date.parse(`${FIRST_DAY}T00:00:00Z`)

/** Calendar date of day index `d` (local shop date), as UTC midnight. */
export function dateOf(day: number): Date {
  return new Date(FIRST_MS + day * DAY_MS)
}

const months: number[] = []

/** Month (0-11) of day `d`; cached, baskets ask it for every line. */
export function monthOf(day: number): number {
  return (months[day] ??= dateOf(day).getUTCMonth())
}

export function dayOf(isoDate: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - FIRST_MS) / DAY_MS)
}

export function isoDate(day: number): string {
  return dateOf(day).toISOString().slice(0, 10)
}

/** n-th Sunday (1-based) of a month, as day of month. */
export function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay()
  return 1 + ((7 - first) % 7) + 7 * (n - 1)
}

/** The shop is in New York: EDT (-0400) from the 2nd Sunday of March to the 1st Sunday of November. */
export function utcOffset(day: number, hour: number): string {
  const date = dateOf(day)
  const year = date.getUTCFullYear()
  const start = Date.UTC(year, 2, nthSunday(year, 2, 2), 2)
  const end = Date.UTC(year, 10, nthSunday(year, 10, 1), 2)
  const local = date.getTime() + hour * 3_600_000
  return local >= start && local < end ? '-0400' : '-0500'
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** Shopify's timestamp style: `2024-01-31 10:22:01 -0500`. */
export function timestamp(day: number, secondOfDay: number): string {
  const hour = Math.floor(secondOfDay / 3600)
  const minute = Math.floor((secondOfDay % 3600) / 60)
  const second = secondOfDay % 60
  return `${isoDate(day)} ${pad(hour)}:${pad(minute)}:${pad(second)} ${utcOffset(day, hour)}`
}

/** Shopping by hour of day: lunch and evening peaks, quiet nights. */
export const HOUR_WEIGHTS = [2, 1, 0.6, 0.4, 0.4, 0.6, 1.5, 3, 4, 4.5, 5, 5.5, 6.5, 6, 5, 4.5, 4.5, 5, 6, 7.5, 8.5, 8, 6, 3.5]
export const HOURS = HOUR_WEIGHTS.map((_w, i) => i)

export function secondOfDay(random: Random): number {
  return random.weighted(HOURS, HOUR_WEIGHTS) * 3600 + random.int(0, 3599)
}

/** Monday-first weekly pattern: Sunday evening and Monday browsing, quieter Saturdays. */
export const WEEKDAY = [1.08, 1.0, 0.98, 0.97, 0.92, 0.82, 1.18] // Mon..Sun

export function weekdayFactor(day: number): number {
  return WEEKDAY[(dateOf(day).getUTCDay() + 6) % 7]
}

/**
 * Demand by time of year: a January hangover, a summer lull, the build-up to
 * the holidays peaking in early December and dying after the last shipping
 * day, small bumps before Valentine's and Mother's Day.
 */
export function seasonFactor(day: number): number {
  const date = dateOf(day)
  const month = date.getUTCMonth()
  const dom = date.getUTCDate()
  const base = [0.8, 0.85, 0.95, 1.0, 1.0, 0.82, 0.68, 0.72, 0.92, 1.05, 1.35, 1.0][month]
  if (month === 11) {
    if (dom <= 18) return 1.9
    if (dom <= 22) return 1.25
    if (dom <= 26) return 0.45
    return 0.8
  }
  if (month === 1 && dom >= 5 && dom <= 13) return base * 1.3
  if (month === 4) {
    const mothersDay = nthSunday(date.getUTCFullYear(), 4, 2)
    if (dom >= mothersDay - 8 && dom <= mothersDay - 2) return base * 1.35
  }
  return base
}

/**
 * New-customer reach: the launch campaign of January 2023 fades over the
 * first months, then word of mouth grows slowly.
 */
export function growthFactor(day: number): number {
  return 1 + 2.2 * Math.exp(-day / 45) + (0.25 * day) / DAYS
}
