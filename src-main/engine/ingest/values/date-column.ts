import { dateParts } from './date-parts'
import { parseDateTime, type DateOrder } from './date-time'
import { isPlausibleSerial } from './excel-serial'

export type DateColumnDecision =
  /** `excelSerial`: every value is an Excel serial number; parse with `{ excelSerial: true }`. */
  | { status: 'decided'; order: DateOrder; excelSerial: boolean }
  /** Values could be day-first or month-first and none says which: ask the shop owner. */
  | { status: 'ambiguous'; example: string }
  /** Some values are only valid day-first, others only month-first: the column mixes formats. */
  | { status: 'conflict'; dayFirstExample: string; monthFirstExample: string }
  /** No value reads as a date at all. */
  | { status: 'unknown' }

/**
 * Works out a date column's day/month order from every value in it, fed one
 * at a time (the column may have millions of rows; memory stays constant).
 *
 * "31/01/2024" proves day-first, "01/31/2024" proves month-first; "05/06/2024"
 * proves nothing. One proof is enough because a single valid 13+ in the first
 * place cannot be a month. Year-first (ISO, compact, Chinese), month-name and
 * Excel-serial values read the same either way.
 */
export class DateColumnAnalyzer {
  private dayFirst = 0
  private monthFirst = 0
  private undecided = 0
  private selfDescribing = 0
  private serials = 0
  private values = 0
  private dayFirstExample = ''
  private monthFirstExample = ''
  private undecidedExample = ''

  add(text: string): void {
    if (text.trim() === '') return
    this.values++
    const parts = dateParts(text)
    if (!parts) return
    switch (parts.form) {
      case 'number':
        if (isPlausibleSerial(parts.value)) this.serials++
        return
      case 'full':
        if (parseDateTime(text, 'ymd') !== null) this.selfDescribing++
        return
      case 'year-last':
        return this.vote(text, parts.first, parts.second)
      case 'short':
        return this.vote(text, parts.a, parts.b)
    }
  }

  private vote(text: string, first: number, second: number): void {
    const asDayFirst = parseDateTime(text, 'dmy') !== null
    const asMonthFirst = parseDateTime(text, 'mdy') !== null
    if (asDayFirst && asMonthFirst) {
      if (first === second) {
        // 05/05/2024 is the same date either way: it counts as readable, not as a question.
        this.selfDescribing++
        return
      }
      this.undecided++
      if (this.undecidedExample === '') this.undecidedExample = text.trim()
    } else if (asDayFirst) {
      this.dayFirst++
      if (this.dayFirstExample === '') this.dayFirstExample = text.trim()
    } else if (asMonthFirst) {
      this.monthFirst++
      if (this.monthFirstExample === '') this.monthFirstExample = text.trim()
    }
  }

  decide(): DateColumnDecision {
    if (this.dayFirst > 0 && this.monthFirst > 0) {
      return { status: 'conflict', dayFirstExample: this.dayFirstExample, monthFirstExample: this.monthFirstExample }
    }
    if (this.dayFirst > 0) return { status: 'decided', order: 'dmy', excelSerial: false }
    if (this.monthFirst > 0) return { status: 'decided', order: 'mdy', excelSerial: false }
    if (this.undecided > 0) return { status: 'ambiguous', example: this.undecidedExample }
    // Serials only count when the whole column is numbers.
    if (this.serials > 0 && this.serials === this.values) return { status: 'decided', order: 'ymd', excelSerial: true }
    if (this.selfDescribing > 0) return { status: 'decided', order: 'ymd', excelSerial: false }
    return { status: 'unknown' }
  }
}
