import { CHURN_THRESHOLDS } from './settings'

/**
 * 'one-order': the BG/NBD lets customers drop out only right after a purchase,
 * so for someone who never came back P(alive) is 1 by construction and says
 * nothing; they get no band rather than a reassuring "low". How long ago
 * they bought still lowers their expected orders and CLV.
 */
export type ChurnBand = 'low' | 'medium' | 'high' | 'one-order'

export function churnBand(pAlive: number, repeatPurchases: number): ChurnBand {
  if (repeatPurchases <= 0) return 'one-order'
  const risk = 1 - pAlive
  if (risk >= CHURN_THRESHOLDS.high) return 'high'
  if (risk >= CHURN_THRESHOLDS.medium) return 'medium'
  return 'low'
}
