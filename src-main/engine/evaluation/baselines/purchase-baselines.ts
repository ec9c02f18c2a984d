import { featureColumn } from '../../features/feature-names'
import type { FeatureSet } from '../../features/types'
import type { PurchaseModel } from '../protocol'
import { fitLogisticRegression, fitStandardiser, predictLogistic, standardise } from './logistic-regression'

/**
 * Purchase baselines: logistic regressions on log1p-transformed, then
 * standardised, RFM columns, fitted on the earlier cutoff (protocol.ts).
 *
 * "recency" and "frequency" use one column each. A one-column logistic
 * regression is a monotone map of that column, so their AUC is the AUC of
 * ranking by −recency_days or by frequency themselves; the fit only turns
 * the ranking into probabilities, so log loss and calibration are
 * comparable with real models.
 */
export const RECENCY_BASELINE = logisticBaseline('recency', ['recency_days'])
export const FREQUENCY_BASELINE = logisticBaseline('frequency', ['frequency'])
export const RFM_BASELINE = logisticBaseline('rfm-logistic', ['recency_days', 'frequency', 'monetary'])

export const PURCHASE_BASELINES: readonly PurchaseModel[] = [RECENCY_BASELINE, FREQUENCY_BASELINE, RFM_BASELINE]

export function logisticBaseline(name: string, columns: string[], l2 = 1e-3): PurchaseModel {
  return {
    name,
    fit(train, labels) {
      const raw = logColumns(train, columns)
      const n = train.customerIds.length
      const scaler = fitStandardiser(raw, n, columns.length)
      const model = fitLogisticRegression(standardise(scaler, raw, n), n, columns.length, labels.bought, { l2 })
      return (features) => {
        const m = features.customerIds.length
        return predictLogistic(model, standardise(scaler, logColumns(features, columns), m), m)
      }
    },
  }
}

/** log1p of the named columns (negatives clamped to 0: money can be, counts and days cannot), row-major. */
function logColumns(features: FeatureSet, columns: string[]): Float64Array {
  const indices = columns.map((c) => featureColumn(features.names, c))
  const width = features.names.length
  const n = features.customerIds.length
  const out = new Float64Array(n * columns.length)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < indices.length; j++) out[i * columns.length + j] = Math.log1p(Math.max(0, features.values[i * width + indices[j]]))
  }
  return out
}
