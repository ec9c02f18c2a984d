import type Database from 'better-sqlite3'
import { EngineError } from '../api-schema'
import { addDays } from '../features/calendar'

/**
 * Which cutoffs a training run can use on this store, so a bad one is refused
 * when the run is asked for, not minutes into it. The protocol
 * (learn/windows.ts) needs
 *
 *   training ──H──▶ evaluation ──H──▶ scoring
 *
 * with orders before `training` (features to learn from) and the window
 * [evaluation, scoring) inside the data (labels to judge on). So, with the
 * sales running from `first` to `last`:
 *   scoring    in [first + 2H + 1, last + 1]
 *   evaluation in [first + H + 1,  last + 1 − H]   (scoring − H)
 */
export interface CutoffRange {
  first: string
  last: string
  horizonDays: number
  scoring: { from: string; to: string }
  evaluation: { from: string; to: string }
}

export function cutoffRange(db: Database.Database, horizonDays: number): CutoffRange {
  const range = db
    .prepare("SELECT MIN(substr(ordered_at, 1, 10)) AS first, MAX(substr(ordered_at, 1, 10)) AS last FROM orders WHERE is_return = 0 AND status != 'cancelled'")
    .get() as { first: string | null; last: string | null }
  if (range.first === null || range.last === null) throw new EngineError('learn.no-orders', 'There are no orders to learn from yet. Import your order history first.')
  const scoring = { from: addDays(range.first, 2 * horizonDays + 1), to: addDays(range.last, 1) }
  return {
    first: range.first,
    last: range.last,
    horizonDays,
    scoring,
    evaluation: { from: addDays(scoring.from, -horizonDays), to: addDays(scoring.to, -horizonDays) },
  }
}

/** A 'YYYY-MM-DD' that names a real calendar day (2011-02-30 does not). */
export function checkCalendarDay(day: string): void {
  const date = new Date(`${day}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new EngineError('learn.invalid-date', `${day} is not a calendar date (expected YYYY-MM-DD).`, { date: day })
  }
}

/**
 * The scoring cutoff a run will use (default: the day after the last sale),
 * after checking it against the data. `cutoff` is the scoring cutoff for
 * 'scoring' and the start of the held-out window for 'evaluation', and the
 * accepted range in the message is in the same terms.
 */
export function checkedScoringCutoff(db: Database.Database, horizonDays: number, cutoff: string | undefined, kind: 'scoring' | 'evaluation'): string {
  if (cutoff !== undefined) checkCalendarDay(cutoff)
  const range = cutoffRange(db, horizonDays)
  const scoring = cutoff === undefined ? range.scoring.to : kind === 'scoring' ? cutoff : addDays(cutoff, horizonDays)
  if (range.scoring.from > range.scoring.to) {
    throw new EngineError(
      'learn.history-too-short',
      `Learning with a ${horizonDays}-day horizon needs more than ${2 * horizonDays} days of orders before ${scoring}; the history starts on ${range.first}. Choose a shorter horizon or import more history.`,
      { horizonDays, first: range.first, scoring },
    )
  }
  if (scoring < range.scoring.from || scoring > range.scoring.to) {
    const accepted = range[kind]
    throw new EngineError(
      'learn.cutoff-out-of-range',
      `The orders run from ${range.first} to ${range.last}; with a ${horizonDays}-day horizon the cutoff must be between ${accepted.from} and ${accepted.to} (the windows before and after it need orders). Got ${cutoff}.`,
      { cutoff: cutoff ?? scoring, first: range.first, last: range.last, horizonDays, from: accepted.from, to: accepted.to },
    )
  }
  return scoring
}
