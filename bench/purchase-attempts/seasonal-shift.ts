import type Database from 'better-sqlite3'
import { addDays, buildLabels } from '../../src-main/engine/features'
import { dayNumber } from '../../src-main/engine/features/calendar'
import { loadSaleOrders } from '../../src-main/engine/features/sale-orders'

/**
 * Tried and dropped (docs/learning.md, "Purchase model: what was tried"); kept here for the record.
 *
 * A purchase model learns the base rate of the window it was trained on, and
 * the window it predicts may be a busier or a quieter season (Online Retail:
 * 48 % of customers bought in Jun–Sep, 57 % in Sep–Dec). The labels of the
 * predicted window are unknown, but the same two windows one year earlier
 * are history: if last year's customers bought more often in the target
 * season than in the training season, the odds are moved by the same
 * amount,
 *
 *   shift = logit(rate at target − 1 y) − logit(rate at training − 1 y),
 *   p' = sigmoid(logit(p) + shift),
 *
 * where "rate at c" is the share of customers with a sale before c who
 * bought in [c, c + H). Only windows wholly before `training` are read, so
 * nothing at or after the training window's end (let alone the predicted
 * window) enters. The correction keeps the ranking (AUC) and moves only
 * the level.
 *
 * Without a year of history before the training cutoff (plus one horizon so
 * last year's customers have a past) there is no same-season evidence: no
 * shift, and `available: false` says so.
 */
export interface SeasonalShift {
  available: boolean
  /** Logit shift added to every prediction (0 when not available). */
  logitShift: number
  /** Last year's buyer rates in the training and the target season (null when not available). */
  lastYearTrainingRate: number | null
  lastYearTargetRate: number | null
}

const YEAR_DAYS = 364 // 52 weeks: the same weekdays, so weekly rhythms line up

export const NO_SEASONAL_SHIFT: SeasonalShift = { available: false, logitShift: 0, lastYearTrainingRate: null, lastYearTargetRate: null }

export function seasonalShift(db: Database.Database, training: string, target: string, horizonDays: number, firstOrderDay: string): SeasonalShift {
  const trainingLastYear = addDays(training, -YEAR_DAYS)
  const targetLastYear = addDays(target, -YEAR_DAYS)
  // Both of last year's windows must lie before `training` and start after one horizon of history.
  const earliest = trainingLastYear < targetLastYear ? trainingLastYear : targetLastYear
  const latestEnd = addDays(trainingLastYear > targetLastYear ? trainingLastYear : targetLastYear, horizonDays)
  if (dayNumber(earliest) - dayNumber(firstOrderDay) < horizonDays || latestEnd > training) return NO_SEASONAL_SHIFT
  const before = buyerRate(db, trainingLastYear, horizonDays)
  const after = buyerRate(db, targetLastYear, horizonDays)
  if (before === null || after === null) return NO_SEASONAL_SHIFT
  return { available: true, logitShift: logit(after) - logit(before), lastYearTrainingRate: before, lastYearTargetRate: after }
}

export function applySeasonalShift(shift: SeasonalShift, p: ArrayLike<number>): Float32Array {
  const out = new Float32Array(p.length)
  for (let i = 0; i < p.length; i++) out[i] = shift.logitShift === 0 ? p[i] : 1 / (1 + Math.exp(-(logit(p[i]) + shift.logitShift)))
  return out
}

/** Share of customers with a sale before `cutoff` who bought in [cutoff, cutoff + H); null without customers. */
function buyerRate(db: Database.Database, cutoff: string, horizonDays: number): number | null {
  const { customerIds } = loadSaleOrders(db, cutoff)
  if (customerIds.length === 0) return null
  const labels = buildLabels(db, cutoff, horizonDays, customerIds)
  let buyers = 0
  for (const b of labels.bought) buyers += b
  // Smoothed by half a buyer each way so a rate of 0 or 1 does not give an infinite shift.
  return (buyers + 0.5) / (customerIds.length + 1)
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p))
  return Math.log(q / (1 - q))
}
