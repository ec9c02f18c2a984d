import type { JobOutcome } from '../engine/api'
import type { Engine } from '../engine/engine'

/** Follows a job to its end; Ctrl+C cancels it (the engine rolls back). */
export async function runJob(engine: Engine, jobId: string, json: boolean): Promise<JobOutcome> {
  const showProgress = !json && process.stderr.isTTY
  const off = engine.on('job/progress', (p) => {
    if (!showProgress || p.jobId !== jobId) return
    const percent = p.total ? Math.floor((p.done / p.total) * 100) : 0
    const detail = p.kind === 'train' ? (p.loss === undefined ? '' : `loss ${p.loss.toFixed(4)}`) : `${p.rows.toLocaleString('en')} rows  ${p.rowsPerSecond.toLocaleString('en')} rows/s`
    process.stderr.write(`\r${p.step.padEnd(18)} ${String(percent).padStart(3)}%  ${detail}  ETA ${p.etaSeconds ?? '?'} s        `)
  })
  const cancel = (): void => void engine.call('jobs/cancel', { jobId })
  process.once('SIGINT', cancel)
  try {
    const outcome = await engine.waitForJob(jobId)
    if (!outcome) throw new Error('The job ended before it could be followed.')
    return outcome
  } finally {
    off()
    process.off('SIGINT', cancel)
    if (showProgress) process.stderr.write('\n')
  }
}
