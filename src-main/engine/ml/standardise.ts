/**
 * Column standardisation for feature matrices: (value - mean) / std with the
 * means and stds learnt on training rows only and saved with the model, so
 * prediction at a later cutoff uses the same scale the network learnt on.
 *
 * Shop features such as spend and order counts are heavily right-skewed (a
 * few whales); a non-negative column whose skewness exceeds LOG_SKEW is
 * taken as log1p(value) first, so the whales do not squash everyone else
 * into a sliver around zero.
 */

export interface Standardisation {
  means: number[]
  stds: number[]
  /** Columns transformed with log1p before standardising (absent: none). */
  log?: boolean[]
}

/** Standardised values beyond this many stds are clipped: one huge spender must not dominate a batch. */
const CLIP = 8
const LOG_SKEW = 2

/**
 * Means and stds of each column over `rows` (all rows when omitted). A
 * constant column gets std 1 so it standardises to 0 rather than NaN.
 * `logSkewed` (default true) enables the log1p rule above.
 */
export function fitStandardisation(
  values: ArrayLike<number>,
  columns: number,
  rows?: ArrayLike<number>,
  options: { logSkewed?: boolean } = {},
): Standardisation {
  const raw = moments(values, columns, rows, null)
  const log = raw.means.map(
    (mean, c) => (options.logSkewed ?? true) && raw.mins[c] >= 0 && raw.stds[c] > 0 && raw.thirds[c] / raw.stds[c] ** 3 > LOG_SKEW,
  )
  const { means, stds } = log.some(Boolean) ? moments(values, columns, rows, log) : raw
  return { means, stds: stds.map((s) => (s > 1e-8 ? s : 1)), log }
}

/** The standardised rows (all rows when omitted), row-major. */
export function applyStandardisation(
  values: ArrayLike<number>,
  standardisation: Standardisation,
  rows?: ArrayLike<number>,
): Float32Array {
  const { means, stds, log } = standardisation
  const columns = means.length
  const rowCount = rows ? rows.length : Math.floor(values.length / columns)
  const out = new Float32Array(rowCount * columns)
  for (let r = 0; r < rowCount; r++) {
    const base = (rows ? rows[r] : r) * columns
    for (let c = 0; c < columns; c++) {
      const v = log?.[c] ? Math.log1p(Math.max(0, values[base + c])) : values[base + c]
      const z = (v - means[c]) / stds[c]
      out[r * columns + c] = Math.max(-CLIP, Math.min(CLIP, z))
    }
  }
  return out
}

/** Mean, std (population), third central moment and minimum per column. */
function moments(
  values: ArrayLike<number>,
  columns: number,
  rows: ArrayLike<number> | undefined,
  log: boolean[] | null,
): { means: number[]; stds: number[]; thirds: number[]; mins: number[] } {
  const rowCount = rows ? rows.length : Math.floor(values.length / columns)
  const n = Math.max(rowCount, 1)
  const value = (r: number, c: number): number => {
    const v = values[(rows ? rows[r] : r) * columns + c]
    return log?.[c] ? Math.log1p(Math.max(0, v)) : v
  }
  const means = new Array<number>(columns).fill(0)
  const mins = new Array<number>(columns).fill(Infinity)
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < columns; c++) {
      const v = value(r, c)
      means[c] += v
      if (v < mins[c]) mins[c] = v
    }
  }
  for (let c = 0; c < columns; c++) means[c] /= n
  const seconds = new Array<number>(columns).fill(0)
  const thirds = new Array<number>(columns).fill(0)
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < columns; c++) {
      const d = value(r, c) - means[c]
      seconds[c] += d * d
      thirds[c] += d * d * d
    }
  }
  return { means, stds: seconds.map((s) => Math.sqrt(s / n)), thirds: thirds.map((t) => t / n), mins }
}
