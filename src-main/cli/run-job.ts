import type { JobOutcome } from '../engine/api'
import type { Engine } from '../engine/engine'
import { progressPrinter, progressStyle } from './progress'

/** Follows a job to its end, showing its progress on stderr (cli/progress.ts); Ctrl+C cancels it (the engine rolls back). */
export async function runJob(engine: Engine, jobId: string, options: { json: boolean; progress: boolean }): Promise<JobOutcome> {
  const printer = progressPrinter(progressStyle({ ...options, isTTY: process.stderr.isTTY === true }), (text) => process.stderr.write(text))
  const off = engine.on('job/progress', (p) => {
    if (p.jobId === jobId) printer.update(p)
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
    printer.end()
  }
}
