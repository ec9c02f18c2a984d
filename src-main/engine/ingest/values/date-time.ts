import { dateParts, fullYear, type TimeParts } from './date-parts'
import { isPlausibleSerial, serialToParts } from './excel-serial'

export type DateOrder = 'dmy' | 'mdy' | 'ymd'

export interface ParsedDateTime {
  /** Wall-clock time as written, 'YYYY-MM-DD HH:MM:SS' (00:00:00 when the cell has no time). */
  local: string
  /** The UTC offset written in the cell, in minutes east; null when the cell has none. */
  offsetMinutes: number | null
}

export interface DateOptions {
  /**
   * Read bare numbers in 20000..80000 as Excel serial days. Only when the
   * whole column is numeric (DateColumnAnalyzer says so): in a mixed column a
   * number is more likely a mistake than a date.
   */
  excelSerial?: boolean
}

/**
 * Reads a date or date-time cell. `order` settles year-last dates whose day
 * and month are both ≤ 12 (decide it per column with DateColumnAnalyzer);
 * year-first and month-name dates read the same under any order. No time zone
 * conversion: the cell's wall-clock time is kept and its offset reported
 * separately. Returns null for empty or unreadable cells (callers tell them
 * apart with `text.trim() === ''`).
 */
export function parseDateTime(text: string, order: DateOrder, options: DateOptions = {}): ParsedDateTime | null {
  const parts = dateParts(text)
  if (!parts) return null
  switch (parts.form) {
    case 'number': {
      if (!options.excelSerial || !isPlausibleSerial(parts.value)) return null
      const p = serialToParts(parts.value)
      return build(p.year, p.month, p.day, { hour: p.hour, minute: p.minute, second: p.second, offsetMinutes: null })
    }
    case 'full':
      return build(parts.year, parts.month, parts.day, parts.time)
    case 'year-last': {
      const dayFirst = order === 'dmy' || (order === 'ymd' && parts.first > 12)
      const monthFirst = order === 'mdy' || (order === 'ymd' && parts.second > 12)
      // A year-last date in a year-first column: only readable when a part > 12 shows the order.
      if (!dayFirst && !monthFirst) return null
      return dayFirst
        ? build(parts.year, parts.second, parts.first, parts.time)
        : build(parts.year, parts.first, parts.second, parts.time)
    }
    case 'short': {
      const { a, b, c } = parts
      const yy = (n: number): number => fullYear(String(n).padStart(2, '0'))
      if (order === 'ymd') return build(yy(a), b, c, parts.time)
      if (order === 'dmy') return build(yy(c), b, a, parts.time)
      return build(yy(c), a, b, parts.time)
    }
  }
}

function build(year: number, month: number, day: number, time: TimeParts | null): ParsedDateTime | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  const hour = time?.hour ?? 0
  const minute = time?.minute ?? 0
  const second = time?.second ?? 0
  if (hour > 23 || minute > 59 || second > 59) return null
  return {
    local: `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`,
    offsetMinutes: time?.offsetMinutes ?? null,
  }
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}
