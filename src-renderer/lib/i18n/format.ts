/**
 * Locale-aware formatting, all through Intl so both languages get their own
 * digit grouping, currency placement and date order. Pure functions of the
 * locale; `fmt` in labels.svelte.ts binds them to the current one.
 */
import type { Locale } from '../../../src-main/engine/api'

const cache = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = cache.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    cache.set(key, format)
  }
  return format
}

/** A value that rounds to zero at `digits` decimals is zero: "-0.0" would claim a sign the figure does not have. */
function unsignedZero(value: number, digits: number): number {
  return Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  return numberFormat(locale, { maximumFractionDigits }).format(unsignedZero(value, maximumFractionDigits))
}

/** A measure shown with a fixed number of decimals, so a column of them lines up ("0.781", "0.640"). */
export function formatFixed(locale: Locale, value: number, digits: number): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(unsignedZero(value, digits))
}

/** A count of days in the locale's words: "12 days" / "12天". */
export function formatDays(locale: Locale, days: number): string {
  return numberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 0 }).format(days)
}

/**
 * `exact`: with cents. `whole`: headline figures, cents dropped from 1,000 up
 * (nobody reads the cents of a year's revenue). `compact`: axis labels ("$15K").
 */
export type MoneyStyle = 'exact' | 'whole' | 'compact'

export function formatMoney(locale: Locale, value: number, currency: string, style: MoneyStyle = 'exact'): string {
  const options: Intl.NumberFormatOptions =
    style === 'compact'
      ? { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
      : style === 'whole' && Math.abs(value) >= 1000
        ? { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }
        : { style: 'currency', currency }
  try {
    return numberFormat(locale, options).format(unsignedZero(value, 2))
  } catch {
    // An unknown currency code from a file must not break the screen.
    return `${formatNumber(locale, value, 2)} ${currency}`
  }
}

/** `ratio` is 0..1. */
export function formatPercent(locale: Locale, ratio: number): string {
  // Small shares keep a digit or two so 0.04 % does not read as 0 %.
  const digits = ratio > 0 && ratio < 0.01 ? 2 : ratio > 0 && ratio < 0.1 ? 1 : 0
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(ratio)
}

/**
 * A probability that never claims certainty: 0.995 is "over 99%", not "100%"
 * (a model's chance is never sure), and 0.004 is "under 1%".
 */
export function formatChance(locale: Locale, p: number): { text: string; bound: 'over' | 'under' | null } {
  if (p > 0.99) return { text: numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(0.99), bound: 'over' }
  if (p < 0.01) return { text: numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(0.01), bound: 'under' }
  return { text: numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(p), bound: null }
}

export function formatFileSize(locale: Locale, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return numberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)
}

/**
 * Order dates come from the engine as the shop's wall-clock time without a
 * zone ("2024-01-08 09:14:52"): show that calendar day as written, whatever
 * the time zone of this computer. Instants with a zone use local time.
 */
function toDisplayDate(iso: string): { date: Date; timeZone?: string } | null {
  const wallClock = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(iso)
  if (wallClock) {
    const [, year, month, day] = wallClock.map(Number)
    return { date: new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, 12)), timeZone: 'UTC' }
  }
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : { date }
}

/** A date in the merchant's style: "Jan 8, 2024" in English, "2024年1月8日" in Chinese. */
export function formatDate(locale: Locale, iso: string): string {
  const parsed = toDisplayDate(iso)
  if (!parsed) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: parsed.timeZone }).format(parsed.date)
}

export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/** `YYYY-MM` → "Mar 2024" / "2024年3月"; `short` drops the year for axis labels. */
export function formatMonth(locale: Locale, month: string, style: 'long' | 'short' = 'long'): string {
  const [year, monthNumber] = month.split('-').map(Number)
  if (!year || !monthNumber) return month
  // Noon UTC, formatted in UTC: the month never shifts with the time zone.
  const date = new Date(Date.UTC(year, monthNumber - 1, 1, 12))
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(locale, options).format(date)
}

/** Seconds → "3 min" / "1 hr, 5 min" in the locale's words. */
export function formatDuration(locale: Locale, seconds: number): string {
  const total = Math.max(1, Math.round(seconds))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const secs = total % 60
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value)
  if (hours > 0) return [unit(hours, 'hour'), minutes > 0 ? unit(minutes, 'minute') : ''].filter(Boolean).join(' ')
  if (minutes > 0) return [unit(minutes, 'minute'), minutes < 5 && secs > 0 ? unit(secs, 'second') : ''].filter(Boolean).join(' ')
  return unit(secs, 'second')
}
