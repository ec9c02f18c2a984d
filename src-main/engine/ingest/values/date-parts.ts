/**
 * Splits a date/time cell into its written parts without deciding what the
 * ambiguous numbers mean. Both `parseDateTime` (which knows the column's
 * day/month order) and `DateColumnAnalyzer` (which works the order out) build
 * on it, so they always agree on what a value looks like.
 */

export interface TimeParts {
  hour: number
  minute: number
  second: number
  /** Minutes east of UTC as written ("+08:00" → 480, "Z" → 0); null when none. */
  offsetMinutes: number | null
}

export type DateParts =
  /** Year first (ISO, 2024/1/31, compact 20240131, Chinese 2024年1月31日) or with a month name: self-describing. */
  | { form: 'full'; year: number; month: number; day: number; time: TimeParts | null }
  /** Year last: `first` and `second` are day and month in an order only the column can tell. */
  | { form: 'year-last'; first: number; second: number; year: number; time: TimeParts | null }
  /** Three numbers of two digits or fewer ("24/01/31"): year-first only if the caller says so. */
  | { form: 'short'; a: number; b: number; c: number; time: TimeParts | null }
  /** A bare number: possibly an Excel serial day count. */
  | { form: 'number'; value: number }

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
}

const NUMBER = /^\d+(?:\.\d+)?$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2})(\d{2})(\d{2})?)?(.*)$/
const NUMERIC_DATE = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(.*)$/
/** 31 Jan 2024, 31-Jan-24, 31. January 2024 */
const DAY_MONTH_NAME = /^(\d{1,2})\.?[-\s/]?([A-Za-z]{3,9})\.?[-\s/,]*(\d{4}|\d{2})(?!\d)(.*)$/
/** Jan 31, 2024 / January 31st 2024 */
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i
/** Separator between date and time, then the time itself. */
const TIME =
  /^(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp]\.?[Mm]\.?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/

export function dateParts(input: string): DateParts | null {
  let text = normaliseCjk(input.trim())
  if (text === '') return null
  if (NUMBER.test(text) && text.length < 8) return { form: 'number', value: Number(text) }

  const compact = COMPACT.exec(text)
  if (compact) {
    const [, y, mo, d, h, mi, s, rest] = compact
    let time: TimeParts | null = null
    if (h !== undefined) {
      const offset = rest === '' ? null : parseOffset(rest.trim())
      if (rest !== '' && offset === undefined) return null
      time = { hour: Number(h), minute: Number(mi), second: s === undefined ? 0 : Number(s), offsetMinutes: offset ?? null }
    } else if (rest !== '') {
      return null
    }
    return { form: 'full', year: Number(y), month: Number(mo), day: Number(d), time }
  }
  if (NUMBER.test(text)) return { form: 'number', value: Number(text) }

  text = text.replace(WEEKDAY, '')

  const numeric = NUMERIC_DATE.exec(text)
  if (numeric) {
    const [, a, , b, c, rest] = numeric
    const time = timeParts(rest)
    if (time === undefined) return null
    if (a.length === 4) {
      if (c.length > 2) return null
      return { form: 'full', year: Number(a), month: Number(b), day: Number(c), time }
    }
    if (a.length === 3 || c.length === 3) return null
    if (c.length === 4) return { form: 'year-last', first: Number(a), second: Number(b), year: Number(c), time }
    return { form: 'short', a: Number(a), b: Number(b), c: Number(c), time }
  }

  const dayName = DAY_MONTH_NAME.exec(text)
  if (dayName) {
    const month = MONTHS[dayName[2].toLowerCase()]
    const time = timeParts(dayName[4])
    if (month === undefined || time === undefined) return null
    return { form: 'full', year: fullYear(dayName[3]), month, day: Number(dayName[1]), time }
  }
  const nameDay = MONTH_NAME_DAY.exec(text)
  if (nameDay) {
    const month = MONTHS[nameDay[1].toLowerCase()]
    const time = timeParts(nameDay[4])
    if (month === undefined || time === undefined) return null
    return { form: 'full', year: Number(nameDay[3]), month, day: Number(nameDay[2]), time }
  }
  return null
}

/**
 * Chinese dates: 2024年1月31日 10:22, 2024年1月31日10时22分05秒, with 上午/下午
 * (a.m./p.m.) — rewritten into the plain numeric form.
 */
function normaliseCjk(text: string): string {
  if (!/[年月日号时時点點分秒午]/.test(text)) return text
  let meridiem = ''
  let t = text
    .replace(/\s*年\s*/, '-')
    .replace(/\s*月\s*/, '-')
    .replace(/\s*[日号]\s*/, ' ')
    .replace(/(上午|下午|晚上|中午)\s*/, (m: string) => {
      meridiem = m.startsWith('上午') ? ' AM' : ' PM'
      return ''
    })
    .replace(/\s*[时時点點]\s*/, ':')
    .replace(/\s*分\s*/, ':')
    .replace(/\s*秒\s*/, '')
    .trim()
  // "10时22分" leaves "10:22:", "10点" leaves "10:".
  if (/\d:\d+:$/.test(t)) t = t.slice(0, -1)
  else if (/\d:$/.test(t)) t += '00'
  return t + meridiem
}

/** The time after a date; null when there is none, undefined when the rest is not a time. */
function timeParts(rest: string): TimeParts | null | undefined {
  if (rest.trim() === '') return null
  const m = TIME.exec(rest.trimEnd())
  if (!m) return undefined
  let hour = Number(m[1])
  const minute = Number(m[2])
  const second = m[3] === undefined ? 0 : Number(m[3])
  const meridiem = m[4]
  if (meridiem !== undefined) {
    if (hour > 12) return undefined
    const pm = meridiem[0].toLowerCase() === 'p'
    if (hour === 12) hour = pm ? 12 : 0
    else if (pm) hour += 12
  }
  const offset = m[5] === undefined ? null : parseOffset(m[5])
  if (offset === undefined) return undefined
  return { hour, minute, second, offsetMinutes: offset }
}

/** "Z"/"UTC"/"GMT" → 0, "+08:00"/"-0500"/"+08" → minutes; undefined when malformed. */
function parseOffset(text: string): number | null | undefined {
  if (text === '') return null
  if (/^(Z|UTC|GMT)$/i.test(text)) return 0
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)
  if (!m) return undefined
  const hours = Number(m[2])
  const minutes = m[3] === undefined ? 0 : Number(m[3])
  if (hours > 14 || minutes > 59) return undefined
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
}

/** Two-digit years the way Excel reads them: 00–29 → 2000s, 30–99 → 1900s. */
export function fullYear(text: string): number {
  const y = Number(text)
  if (text.length > 2) return y
  return y < 30 ? 2000 + y : 1900 + y
}
