/**
 * Quantiles of a few ensemble samples. Small and allocation-free because the
 * candidate builder calls it for every customer × offer (millions of times).
 */

/** Sorts the first `len` values of `xs` in place (insertion sort: S is tens at most). */
export function sortPrefix(xs: Float64Array, len: number): void {
  for (let a = 1; a < len; a++) {
    const x = xs[a]
    let b = a - 1
    while (b >= 0 && xs[b] > x) {
      xs[b + 1] = xs[b]
      b--
    }
    xs[b + 1] = x
  }
}

/**
 * The q-quantile (0..1) of the first `len` values of an already sorted array,
 * linear between order statistics (the usual "type 7": q = 0 is the minimum,
 * q = 1 the maximum, 0.5 the median).
 */
export function sortedQuantile(sorted: Float64Array, len: number, q: number): number {
  if (len <= 0) return Number.NaN
  const pos = Math.min(1, Math.max(0, q)) * (len - 1)
  const lo = Math.floor(pos)
  const hi = Math.min(len - 1, lo + 1)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}
