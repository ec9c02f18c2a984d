import type { DecimalMark } from './decimal-text'

/**
 * Works out a number column's decimal mark from all its values, so single
 * separators ("1,234", "1.250") can be read the same way in every row.
 * "12,50" or "1.234,56" show a decimal comma; "12.50" or "1,234.56" a decimal
 * point. Returns null when no value shows it (then the per-value rules apply).
 */
export class DecimalMarkAnalyzer {
  private comma = 0
  private point = 0

  add(text: string): void {
    const t = text.trim()
    const lastComma = t.lastIndexOf(',')
    const lastPoint = t.lastIndexOf('.')
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) this.comma++
      else this.point++
      return
    }
    const at = lastComma >= 0 ? lastComma : lastPoint
    if (at < 0 || t.indexOf(t[at]) !== at) return // none, or repeated: thousands
    const digitsAfter = /^[0-9]*/.exec(t.slice(at + 1))?.[0].length ?? 0
    // Exactly three digits after could be thousands: no evidence either way.
    if (digitsAfter === 3 || digitsAfter === 0) return
    if (lastComma >= 0) this.comma++
    else this.point++
  }

  decide(): DecimalMark | null {
    if (this.comma > this.point) return ','
    if (this.point > this.comma) return '.'
    return null
  }
}
