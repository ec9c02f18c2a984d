/**
 * Remembers the latest progress and the outcome of every job the engine
 * reports. Subscribing once, at start, matters: a small file can finish before
 * `import/start` has even returned its job id, and that event must not be lost.
 */
import type { JobFinished, JobKind, JobProgress } from '../../../src-main/engine/api'
import { api } from '../api'

type FinishedListener = (finished: JobFinished) => void

/** What a step keeps about the job it runs, so that Cancel works the same in every step. */
export interface CancellableJob {
  jobId: string | null
  cancelling: boolean
  startError: unknown
}

/**
 * Asks the engine to stop the step's job. The job's end arrives as usual
 * (cancelled); if the engine refuses, the step shows why and Cancel can be
 * pressed again.
 */
export async function cancelJob(job: CancellableJob): Promise<void> {
  if (!job.jobId || job.cancelling) return
  job.cancelling = true
  try {
    await api.call('jobs/cancel', { jobId: job.jobId })
  } catch (error) {
    job.startError = error
    job.cancelling = false
  }
}

class JobTracker {
  progress = $state<Record<string, JobProgress>>({})
  finished = $state<Record<string, JobFinished>>({})
  private readonly waiting = new Map<string, FinishedListener[]>()

  start(): void {
    api.on('job/progress', (payload) => {
      this.progress[payload.jobId] = payload
    })
    api.on('job/finished', (payload) => {
      this.finished[payload.jobId] = payload
      const listeners = this.waiting.get(payload.jobId) ?? []
      this.waiting.delete(payload.jobId)
      for (const listener of listeners) listener(payload)
    })
  }

  /**
   * A job of this kind the engine is still reporting on, or null. Lets a step
   * pick up a job it did not start itself (the page was reloaded mid-job).
   */
  running(kind: JobKind): JobProgress | null {
    const open = Object.values(this.progress).filter((progress) => progress.kind === kind && !this.finished[progress.jobId])
    return open[open.length - 1] ?? null
  }

  /** Calls `listener` once when the job ends — at once if it already has. */
  whenFinished(jobId: string, listener: FinishedListener): void {
    const done = this.finished[jobId]
    if (done) {
      listener(done)
      return
    }
    this.waiting.set(jobId, [...(this.waiting.get(jobId) ?? []), listener])
  }
}

export const jobs = new JobTracker()
