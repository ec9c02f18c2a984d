import type Database from 'better-sqlite3'
import { EngineError } from '../api-schema'
import { addDays } from '../features'

/**
 * The three cutoffs of a training run (each window is `horizonDays` long):
 *
 *   training ──H──▶ evaluation ──H──▶ scoring
 *
 * - Evaluation models learn from features at `training` with labels from
 *   [training, evaluation), and are judged on features at `evaluation` with
 *   labels from [evaluation, scoring): a held-out period they never saw.
 *   Baselines are fitted and judged the same way, in the same run.
 * - Scoring models learn from features at `evaluation` with labels from
 *   [evaluation, scoring) (the latest complete window), and score customers as
 *   of `scoring`, by default the day after the last order.
 */
export interface LearnWindows {
  training: string
  evaluation: string
  scoring: string
  horizonDays: number
  firstOrderDay: string
}

export function learnWindows(db: Database.Database, horizonDays: number, cutoff?: string): LearnWindows {
  const range = db
    .prepare("SELECT MIN(substr(ordered_at, 1, 10)) AS first, MAX(substr(ordered_at, 1, 10)) AS last FROM orders WHERE is_return = 0 AND status != 'cancelled'")
    .get() as { first: string | null; last: string | null }
  if (range.first === null || range.last === null) throw new EngineError('learn.no-orders', 'There are no orders to learn from yet. Import your order history first.')
  const scoring = cutoff ?? addDays(range.last, 1)
  const evaluation = addDays(scoring, -horizonDays)
  const training = addDays(evaluation, -horizonDays)
  if (training <= range.first) {
    throw new EngineError(
      'learn.history-too-short',
      `Learning with a ${horizonDays}-day horizon needs more than ${2 * horizonDays} days of orders before ${scoring}; the history starts on ${range.first}. Choose a shorter horizon or import more history.`,
      { horizonDays, first: range.first, scoring },
    )
  }
  return { training, evaluation, scoring, horizonDays, firstOrderDay: range.first }
}
