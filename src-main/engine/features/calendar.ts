/**
 * Calendar arithmetic on the shop's wall-clock dates. Orders are stored as
 * 'YYYY-MM-DD HH:MM:SS' in local time; treating them as UTC here is exact for
 * day counting because no time zone (and no daylight-saving hour) is applied
 * to either side of a subtraction.
 */

const DAY_MS = 86_400_000
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Throws unless `day` is a real 'YYYY-MM-DD' date: a malformed cutoff would silently compare wrong in SQL. */
export function assertDay(day: string, what = 'cutoff'): void {
  const match = DAY.exec(day)
  if (match) {
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    if (date.toISOString().slice(0, 10) === day) return
  }
  throw new Error(`${what} must be a date written YYYY-MM-DD, got '${day}'`)
}

/** Days since 1970-01-01 of the date part of 'YYYY-MM-DD[ HH:MM:SS]'. */
export function dayNumber(text: string): number {
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / DAY_MS
}

export function dayText(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10)
}

/** 'YYYY-MM-DD' shifted by `days` (negative for earlier). */
export function addDays(day: string, days: number): string {
  return dayText(dayNumber(day) + days)
}
