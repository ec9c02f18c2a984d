/**
 * Removes an uploaded copy once its file has been imported. The same upload
 * serves `import/inspect` (possibly several times) and then `import/start`,
 * so nothing can go at inspection; the job's end tells which files made it.
 *
 * A file that failed, or that a cancel rolled back or never reached, keeps its
 * copy: the Import step keeps such files in its queue to be fixed and tried
 * again with the same handle. Those copies go when the bridge closes.
 */
import type { EngineApi, ImportRequest, JobFinished } from '../engine/api'
import type { Uploads } from './uploads'

export interface UploadCleanup {
  /**
   * Call as an `import/start` call begins; returns what to call when it has
   * answered (with its job id, or null if it failed), or null when the
   * request reads no upload.
   */
  importStarting(requests: readonly ImportRequest[]): ((jobId: string | null) => void) | null
  /** Resolves once every removal begun so far has ended (tests, close). */
  settled(): Promise<void>
  stop(): void
}

/**
 * Listens to job ends only while an import of uploads is starting or running,
 * from before `import/start` is sent: a small file can finish before that call
 * has even answered with its job id.
 */
export function followImportJobs(engine: EngineApi, uploads: Uploads): UploadCleanup {
  const pending = new Map<string, readonly ImportRequest[]>()
  const earlyFinishes = new Map<string, JobFinished>()
  const work = new Set<Promise<void>>()
  let starting = 0
  let off: (() => void) | null = null

  const run = (task: () => Promise<void>): void => {
    // A removal that fails (file held open elsewhere) is not the merchant's problem; close() tries again.
    const promise = task().catch(() => undefined)
    work.add(promise)
    void promise.finally(() => work.delete(promise))
  }

  const finish = (requests: readonly ImportRequest[], finished: JobFinished): void => {
    const { outcome } = finished
    // A job that failed as a whole does not say which files were written: keep them all.
    if (outcome.status !== 'done' && outcome.status !== 'cancelled') return
    run(async () => {
      const batches = await engine.call('import/batches', {})
      const status = new Map(batches.map((batch) => [batch.id, batch.status]))
      // The job imports its files in order, one batch each: batchIds[i] is requests[i].
      const removals = outcome.batchIds.map((batchId, index) => {
        const request = requests[index]
        return request && status.get(batchId) === 'done' ? uploads.remove(request.file) : Promise.resolve()
      })
      await Promise.all(removals)
    })
  }

  const unsubscribeWhenIdle = (): void => {
    if (starting > 0 || pending.size > 0 || !off) return
    off()
    off = null
    earlyFinishes.clear()
  }

  const onFinished = (finished: JobFinished): void => {
    if (finished.kind !== 'import') return
    const requests = pending.get(finished.jobId)
    if (requests) {
      pending.delete(finished.jobId)
      finish(requests, finished)
      unsubscribeWhenIdle()
    } else if (starting > 0) {
      earlyFinishes.set(finished.jobId, finished)
    }
  }

  return {
    importStarting(requests) {
      if (!requests.some((request) => uploads.owns(request.file))) return null
      starting += 1
      off ??= engine.on('job/finished', onFinished)
      return (jobId) => {
        starting -= 1
        const early = jobId === null ? undefined : earlyFinishes.get(jobId)
        if (jobId !== null && early) {
          earlyFinishes.delete(jobId)
          finish(requests, early)
        } else if (jobId !== null) {
          pending.set(jobId, requests)
        }
        unsubscribeWhenIdle()
      }
    },
    async settled() {
      while (work.size > 0) await Promise.all([...work])
    },
    stop() {
      off?.()
      off = null
      pending.clear()
      earlyFinishes.clear()
    },
  }
}
