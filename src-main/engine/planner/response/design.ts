/**
 * From feature columns to the response model's inputs: which columns it
 * reads, the row a member without prior orders gets, and name-mapped
 * standardisation (plan-day features come from a later buildFeatures call
 * whose columns may differ from the campaign days').
 */
import type { FeatureSet } from '../../features/types'
import { applyStandardisation, fitStandardisation, type Standardisation } from '../../ml/standardise'

/**
 * The columns θ reads (besides its intercept), when the fit's features have
 * them; the base chance reads every column. A small, chosen set: with a
 * couple of thousand campaign members a per-customer effect can only be
 * learnt along a few directions, and these are the ones the shop can see
 * deal-proneness and lapsing along — how often they used codes, how much
 * they spent in sales, the combined sensitivity score, how long since the
 * last order (log) and against their own rhythm, and how often they buy.
 */
export const EFFECT_FEATURES: readonly string[] = ['discount_share', 'sale_spend_share', 'discount_sensitivity', 'recency_days', 'recency_gap_ratio', 'frequency']

/** Columns always standardised on the log1p scale (days since the last order: 10 vs 40 days matters, 310 vs 340 not). */
const ALWAYS_LOG = new Set(['recency_days'])

/** Indices in `names` of the effect columns (all columns when none of EFFECT_FEATURES is among them). */
export function effectColumns(names: readonly string[], effectNames: readonly string[] = EFFECT_FEATURES): number[] {
  const chosen = names.map((name, j) => (effectNames.includes(name) ? j : -1)).filter((j) => j >= 0)
  return chosen.length > 0 ? chosen : names.map((_, j) => j)
}

/** fitStandardisation (log1p for skewed columns) with ALWAYS_LOG columns on the log scale whatever their skew. */
export function responseStandardisation(raw: ArrayLike<number>, names: readonly string[]): Standardisation {
  const p = names.length
  const base = fitStandardisation(raw, p)
  const log = [...(base.log ?? names.map(() => false))]
  const means = [...base.means]
  const stds = [...base.stds]
  const n = p > 0 ? Math.floor(raw.length / p) : 0
  names.forEach((name, j) => {
    if (!ALWAYS_LOG.has(name) || log[j] || n === 0) return
    let sum = 0
    let min = Infinity
    for (let i = 0; i < n; i++) {
      sum += Math.log1p(Math.max(0, raw[i * p + j]))
      min = Math.min(min, raw[i * p + j])
    }
    if (min < 0) return
    const mean = sum / n
    let ss = 0
    for (let i = 0; i < n; i++) ss += (Math.log1p(Math.max(0, raw[i * p + j])) - mean) ** 2
    const std = Math.sqrt(ss / n)
    log[j] = true
    means[j] = mean
    stds[j] = std > 1e-8 ? std : 1
  })
  return { means, stds, log }
}

/**
 * Left out of θ and of the base: top_category is a category index, not a
 * quantity (the cat_share columns carry the same information), and
 * season_index is one shop-wide number per day — across campaigns the
 * campaign intercepts absorb it, and as a slope it would extrapolate to the
 * plan's season.
 */
const EXCLUDED = new Set(['top_category', 'season_index'])

export function responseFeatureNames(names: readonly string[]): string[] {
  return names.filter((name) => !EXCLUDED.has(name))
}

/**
 * Raw values for a campaign member with no order before sent_at (buildFeatures
 * has no row for them): no history at all — counts, money, shares and days 0
 * (no customer with orders has recency_days or frequency 0, so the model can
 * tell them apart), gap_cv 1 (the value for "no regularity seen"),
 * discount_sensitivity 0.5 (the shop's average customer), own_season_share
 * 90/365 (as for a shop without a year of history), top_category 8 ("other").
 */
export function defaultFeatureValue(name: string): number {
  switch (name) {
    case 'gap_cv':
      return 1
    case 'discount_sensitivity':
      return 0.5
    case 'own_season_share':
      return 90 / 365
    case 'top_category':
      return 8
    case 'season_index':
      return 1
    default:
      return 0
  }
}

/** Raw values of `names` for one FeatureSet row (row < 0: a member without prior orders). */
export function rawRow(set: FeatureSet, row: number, names: readonly string[]): Float64Array {
  const width = set.names.length
  const out = new Float64Array(names.length)
  names.forEach((name, j) => {
    const column = set.names.indexOf(name)
    out[j] = row >= 0 && column >= 0 ? set.values[row * width + column] : defaultFeatureValue(name)
  })
  return out
}

/**
 * Standardised rows of a FeatureSet in the model's column order. Columns the
 * set lacks are 0 after standardisation: "like the average member".
 */
export function standardisedFeatures(set: FeatureSet, names: readonly string[], standardisation: Standardisation): Float32Array {
  const n = set.customerIds.length
  const width = set.names.length
  const p = names.length
  const columns = names.map((name) => set.names.indexOf(name))
  const raw = new Float32Array(n * p)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) if (columns[j] >= 0) raw[i * p + j] = set.values[i * width + columns[j]]
  }
  const z = p > 0 ? applyStandardisation(raw, standardisation) : new Float32Array(0)
  for (let j = 0; j < p; j++) {
    if (columns[j] >= 0) continue
    for (let i = 0; i < n; i++) z[i * p + j] = 0
  }
  return z
}
