import type Database from 'better-sqlite3'
import { addDays } from '../features'
import { checkedScoringCutoff, cutoffRange } from './cutoff-range'

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
  // The engine checks the cutoff before starting the job; checked again here since the store may have changed since.
  const scoring = checkedScoringCutoff(db, horizonDays, cutoff, 'scoring')
  const evaluation = addDays(scoring, -horizonDays)
  const training = addDays(evaluation, -horizonDays)
  return { training, evaluation, scoring, horizonDays, firstOrderDay: cutoffRange(db, horizonDays).first }
}
