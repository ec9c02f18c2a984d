import type { JobProgress } from '../engine/api'
import { translate } from '../engine/shared/catalogue'

/**
 * Progress of a long command on stderr, so stdout stays the result alone:
 * - 'bar' on a terminal: one line redrawn in place (step in words, bar, percent, time left);
 * - 'lines' otherwise (logs, CI, pipes): a line at every change of step and at most every few seconds between;
 * - 'none' with --json unless --progress asks for it (scripts read stderr for the error object).
 */
export type ProgressStyle = 'bar' | 'lines' | 'none'

export function progressStyle(options: { json: boolean; progress: boolean; isTTY: boolean }): ProgressStyle {
  if (options.json && !options.progress) return 'none'
  return options.isTTY ? 'bar' : 'lines'
}

export interface ProgressPrinter {
  update(progress: JobProgress): void
  /** Ends the bar's line; call once when the job is over. */
  end(): void
}

const LINE_EVERY_MS = 5_000
const BAR_WIDTH = 20
const number = new Intl.NumberFormat('en')

export function progressPrinter(style: ProgressStyle, write: (text: string) => void, now: () => number = Date.now): ProgressPrinter {
  let lastStep: string | null = null
  let lastLineAt = -Infinity
  let drawn = false
  return {
    update(p) {
      if (style === 'none') return
      if (style === 'bar') {
        write(`\r${barLine(p)}\x1b[K`)
        drawn = true
        return
      }
      const changed = p.step !== lastStep
      if (!changed && now() - lastLineAt < LINE_EVERY_MS) return
      lastStep = p.step
      lastLineAt = now()
      write(`${plainLine(p)}\n`)
    },
    end() {
      if (drawn) write('\n')
      drawn = false
    },
  }
}

/** "Learning who buys soon" (the UI's own words for each step). */
export function stepName(p: Pick<JobProgress, 'step'>): string {
  return translate('en', `job.step.${p.step}`, {}, p.step)
}

function fraction(p: JobProgress): number | null {
  return p.total ? Math.min(1, Math.max(0, p.done / p.total)) : null
}

/** What the numbers count: epochs and loss while a model trains, rows while a file is read. */
function detail(p: JobProgress): string {
  const parts: string[] = []
  if (p.unit === 'epochs' && p.total) parts.push(`epoch ${p.done} of ${p.total}`)
  if (p.unit === 'steps' && p.total) parts.push(`step ${Math.min(p.total, Math.floor(p.done) + 1)} of ${p.total}`)
  if (p.loss !== undefined) parts.push(`loss ${p.loss.toFixed(4)}`)
  if (p.kind === 'import' && p.rows > 0) parts.push(`${number.format(p.rows)} rows`, `${number.format(p.rowsPerSecond)} rows/s`)
  return parts.join(', ')
}

function timeLeft(p: JobProgress): string {
  return p.etaSeconds === null ? 'estimating time left' : `about ${duration(p.etaSeconds)} left`
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`
}

function percent(f: number | null): string {
  return f === null ? '' : `${Math.floor(f * 100)}%`
}

function barLine(p: JobProgress): string {
  const f = fraction(p)
  const filled = Math.round((f ?? 0) * BAR_WIDTH)
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`
  return [stepName(p).padEnd(36), bar, percent(f).padStart(4), detail(p), timeLeft(p)].filter((part) => part !== '').join('  ')
}

function plainLine(p: JobProgress): string {
  const facts = [percent(fraction(p)), detail(p), timeLeft(p)].filter((part) => part !== '')
  return `${stepName(p)}: ${facts.join(', ')}`
}
