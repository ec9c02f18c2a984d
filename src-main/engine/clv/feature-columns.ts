/**
 * The BG/NBD's view of each customer as two feature columns for the
 * purchase MLP (features/feature-names.ts): P(alive) and expected visits in
 * the next FEATURE_HORIZON_DAYS, from a BG/NBD fitted on the same cutoff's
 * history (nothing at or after the cutoff is read).
 */
import { expectedPurchases, pAlive } from './bg-nbd'
import { fitBgNbdSafely } from './fit-at-cutoff'
import { DAYS_PER_WEEK } from './settings'

/**
 * Fixed at the app's default horizon: features are built before a horizon is
 * known (the planner builds them for any day), and the two columns only
 * need to rank customers; the MLP learns the scale for its own horizon.
 */
export const FEATURE_HORIZON_DAYS = 90

export interface VisitHistory {
  visits: number
  tenureDays: number
  recencyDays: number
}

/**
 * Without an identifiable fit (a tiny or one-visit-only shop): P(alive) 1 and
 * expected visits 0, constants that carry no information rather than a guess.
 */
export function bgNbdFeatureColumns(rows: readonly VisitHistory[]): { pAlive: Float64Array; expected: Float64Array } {
  const n = rows.length
  const x = new Float64Array(n)
  const tx = new Float64Array(n)
  const T = new Float64Array(n)
  rows.forEach((row, i) => {
    x[i] = Math.max(0, row.visits - 1)
    T[i] = row.tenureDays / DAYS_PER_WEEK
    tx[i] = x[i] > 0 ? Math.max(0, row.tenureDays - row.recencyDays) / DAYS_PER_WEEK : 0
  })
  const alive = new Float64Array(n).fill(1)
  const expected = new Float64Array(n)
  const fit = fitBgNbdSafely({ x, tx, T })
  if (!fit) return { pAlive: alive, expected }
  const weeks = FEATURE_HORIZON_DAYS / DAYS_PER_WEEK
  for (let i = 0; i < n; i++) {
    alive[i] = pAlive(fit.params, x[i], tx[i], T[i])
    expected[i] = expectedPurchases(fit.params, x[i], tx[i], T[i], weeks)
  }
  return { pAlive: alive, expected }
}
