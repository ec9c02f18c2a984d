/** Round ticks that cover [low, high] fully (both ends inside), for axes that go below zero. */
export function spanTicks(low: number, high: number, count = 4): number[] {
  const span = high - low
  if (!(span > 0)) return [low, low + 1]
  const raw = span / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const fraction = raw / power
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
  const ticks: number[] = []
  for (let value = Math.floor(low / step) * step; value <= Math.ceil(high / step) * step + step * 1e-6; value += step) ticks.push(Number(value.toFixed(10)))
  return ticks
}
