/**
 * From the learn step's features (features/feature-names.ts) to the
 * summaries the BG/NBD and Gamma-Gamma need. A "purchase" here is a visit
 * (a day with a sale order): two invoices in one afternoon are one shopping
 * trip, as in the features, and the models count trips.
 */
import { featureColumn } from '../features/feature-names'
import type { FeatureSet } from '../features/types'
import type { RepeatSummary } from './bg-nbd'
import type { SpendSummary } from './gamma-gamma'
import { DAYS_PER_WEEK } from './settings'

export interface CustomerSummaries {
  repeat: { x: Float64Array; tx: Float64Array; T: Float64Array }
  /** Gamma-Gamma input: visits and spend per visit (monetary ÷ visits). */
  spend: { x: Float64Array; meanSpend: Float64Array }
}

/**
 * x = visits − 1, T = tenure_days / 7, tₓ = (tenure_days − recency_days) / 7
 * (the first visit is tenure_days before the cutoff, the last recency_days).
 */
export function summariesFromFeatures(features: FeatureSet): CustomerSummaries {
  const width = features.names.length
  const n = features.customerIds.length
  const col = {
    visits: featureColumn(features.names, 'visits'),
    tenure: featureColumn(features.names, 'tenure_days'),
    recency: featureColumn(features.names, 'recency_days'),
    monetary: featureColumn(features.names, 'monetary'),
  }
  const x = new Float64Array(n)
  const tx = new Float64Array(n)
  const T = new Float64Array(n)
  const visits = new Float64Array(n)
  const meanSpend = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const v = (c: number): number => features.values[i * width + c]
    const trips = Math.max(1, v(col.visits))
    x[i] = trips - 1
    T[i] = v(col.tenure) / DAYS_PER_WEEK
    // A single visit has tₓ = 0 whatever the rounding of the two day counts.
    tx[i] = trips > 1 ? Math.max(0, v(col.tenure) - v(col.recency)) / DAYS_PER_WEEK : 0
    visits[i] = trips
    meanSpend[i] = Math.max(0, v(col.monetary)) / trips
  }
  return { repeat: { x, tx, T }, spend: { x: visits, meanSpend } }
}

/** Only customers with two or more visits tell the Gamma-Gamma anything about spend varying around a mean. */
export function repeatBuyersOnly(spend: SpendSummary): SpendSummary {
  const x: number[] = []
  const meanSpend: number[] = []
  for (let i = 0; i < spend.x.length; i++) {
    if (spend.x[i] >= 2 && spend.meanSpend[i] > 0) {
      x.push(spend.x[i])
      meanSpend.push(spend.meanSpend[i])
    }
  }
  return { x, meanSpend }
}

/** One summary, for repeat-summary arguments in the model functions. */
export function repeatAt(repeat: RepeatSummary, i: number): [x: number, tx: number, T: number] {
  return [repeat.x[i], repeat.tx[i], repeat.T[i]]
}
