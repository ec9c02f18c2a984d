/**
 * From feature columns to the response model's inputs: which columns it
 * reads, the row a member without prior orders gets, and name-mapped
 * standardisation (plan-day features come from a later buildFeatures call
 * whose columns may differ from the campaign days').
 */
import type { FeatureSet } from '../../features/types'
import { applyStandardisation, type Standardisation } from '../../ml/standardise'

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
