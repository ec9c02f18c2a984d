/**
 * What the Learn step stores per customer from the BG/NBD and Gamma-Gamma,
 * fitted at the scoring cutoff: P(alive), the churn band, expected spend per
 * purchase, and CLV over 3, 6 and 12 months.
 */
import type { FeatureSet } from '../features/types'
import { pAlive, type BgNbdParams } from './bg-nbd'
import { churnBand, type ChurnBand } from './churn'
import { clvForMonths } from './clv'
import { expectedSpend, type GammaGammaParams } from './gamma-gamma'
import { CLV_MONTHS, DEFAULT_MONTHLY_DISCOUNT_RATE } from './settings'
import { summariesFromFeatures } from './summaries'

export interface CustomerValue {
  pAlive: number
  churnBand: ChurnBand
  spendPerPurchase: number
  clv3m: number
  clv6m: number
  clv12m: number
}

export interface ValueSettings {
  margin: number
  monthlyDiscountRate?: number
}

/** One value per feature row; null when the BG/NBD could not be fitted (then nothing is claimed). */
export function customerValues(
  bgNbd: BgNbdParams | null,
  gammaGamma: GammaGammaParams | null,
  features: FeatureSet,
  settings: ValueSettings,
): (CustomerValue | null)[] {
  const n = features.customerIds.length
  if (!bgNbd) return new Array<null>(n).fill(null)
  const { repeat, spend } = summariesFromFeatures(features)
  const rate = settings.monthlyDiscountRate ?? DEFAULT_MONTHLY_DISCOUNT_RATE
  return Array.from({ length: n }, (_, i) => {
    const [x, tx, T] = [repeat.x[i], repeat.tx[i], repeat.T[i]]
    // Without a Gamma-Gamma fit (fewer than five repeat buyers) the customer's own spend per visit stands in.
    const perPurchase = gammaGamma ? expectedSpend(gammaGamma, spend.x[i], spend.meanSpend[i]) : spend.meanSpend[i]
    const [clv3m, clv6m, clv12m] = clvForMonths(
      { params: bgNbd, x, tx, T, spendPerPurchase: perPurchase, margin: settings.margin, monthlyDiscountRate: rate },
      CLV_MONTHS,
    )
    const alive = pAlive(bgNbd, x, tx, T)
    return { pAlive: alive, churnBand: churnBand(alive, x), spendPerPurchase: perPurchase, clv3m, clv6m, clv12m }
  })
}
