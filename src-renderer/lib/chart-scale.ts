/** The smallest of 1, 2 or 5 × 10ⁿ that is at least `raw`: steps a person would pick. */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(raw))
  const fraction = raw / power
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
}

/** Round axis ticks from 0 up to at least `max`. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1]
  const step = niceStep(max / count)
  const top = Math.ceil(max / step) * step
  const ticks: number[] = []
  for (let index = 0; index * step <= top + step / 2; index += 1) ticks.push(index * step)
  return ticks
}

/**
 * Whole-number ticks for a second axis that must share the first axis's grid
 * lines: exactly `intervals` steps, each a nice integer.
 */
export function alignedCountTicks(max: number, intervals: number): number[] {
  const step = Math.max(1, niceStep(Math.max(0, max) / Math.max(1, intervals)))
  return Array.from({ length: intervals + 1 }, (_, index) => index * step)
}

/** Round ticks covering [min, max] (min itself first), for axes that do not start at zero. */
export function rangeTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min, min + 1]
  const step = niceStep((max - min) / count)
  const first = Math.ceil(min / step - 1e-9) * step
  const ticks: number[] = []
  for (let value = first; value <= max + step * 1e-6; value += step) ticks.push(Number(value.toFixed(10)))
  return ticks
}

/** The top of an axis from 0: the smallest nice step multiple at or above `max` (1 when there is nothing). */
export function niceTop(max: number): number {
  const ticks = niceTicks(max)
  return ticks[ticks.length - 1] || 1
}
