/**
 * Excel's day numbers (1900 date system). Day 0 is 1899-12-30 rather than
 * 1899-12-31 because Excel counts a 29 February 1900 that never existed; for
 * every date after February 1900 that lines up.
 */

/** Serials accepted as dates: 1954-10-03 to 2119-01-10. Plain quantities and ids fall outside. */
export const SERIAL_MIN = 20000
export const SERIAL_MAX = 80000

const EPOCH_MS = Date.UTC(1899, 11, 30)

export function isPlausibleSerial(value: number): boolean {
  return Number.isFinite(value) && value >= SERIAL_MIN && value <= SERIAL_MAX
}

/** Wall-clock date and time of a serial, to the nearest second. */
export function serialToParts(serial: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const d = new Date(EPOCH_MS + Math.round(serial * 86_400) * 1000)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  }
}
