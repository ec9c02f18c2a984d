/**
 * The Import step from files to summary: a queue of staged files, one job
 * at a time, and what it produced. A module singleton so leaving for the Data
 * step and coming back keeps a running import on screen.
 */
import type { FormatInfo, ImportBatchSummary, JobOutcome } from '../../../src-main/engine/api'
import { api } from '../../lib/api'
import { cancelJob, jobs } from '../../lib/stores/jobs.svelte'
import { StagedFile } from './staged-file.svelte'

export type ImportPhase = 'setup' | 'running' | 'finished'

class ImportFlow {
  files = $state<StagedFile[]>([])
  /** Every format the engine knows, for the override dropdown. */
  formats = $state<FormatInfo[]>([])
  phase = $state<ImportPhase>('setup')
  jobId = $state<string | null>(null)
  /** Sample-shop jobs get their own title on the progress panel. */
  isSample = $state(false)
  cancelling = $state(false)
  outcome = $state<JobOutcome | null>(null)
  summaries = $state<ImportBatchSummary[]>([])
  startError = $state<unknown>(null)
  /** Bumped when a job ends so the history list knows to reload. */
  finishedCount = $state(0)

  readonly progress = $derived(this.jobId ? (jobs.progress[this.jobId] ?? null) : null)
  readonly busyFiles = $derived(this.files.some((file) => file.status === 'uploading' || file.status === 'inspecting'))
  readonly canImport = $derived(this.files.length > 0 && this.files.every((file) => file.ready))

  async loadFormats(): Promise<void> {
    if (this.formats.length > 0) return
    try {
      this.formats = await api.call('formats/list', {})
    } catch {
      // The dropdown then offers only the detected format; importing still works.
    }
  }

  add(files: readonly File[], currency: string): void {
    for (const file of files) {
      const staged = new StagedFile(file, currency)
      this.files.push(staged)
      void staged.stage(file)
    }
  }

  remove(id: number): void {
    this.files = this.files.filter((file) => file.id !== id)
  }

  startFiles(): Promise<void> {
    if (!this.canImport) return Promise.resolve()
    const requests = this.files.map((file) => file.request())
    return this.run(false, () => api.call('import/start', { requests }))
  }

  startSample(): Promise<void> {
    return this.run(true, () => api.call('import/sample', {}))
  }

  cancel(): Promise<void> {
    return cancelJob(this)
  }

  /**
   * Back to the queue. Files that were imported leave it; files that were not
   * (a failure, or the file being read when the merchant cancelled) stay, so
   * they can be fixed and tried again.
   */
  reset(): void {
    const imported = new Set(this.summaries.filter((batch) => batch.status === 'done').map((batch) => batch.fileName))
    this.files = this.files.filter((file) => !imported.has(file.inspection?.fileName ?? file.name))
    for (const batch of this.summaries) {
      if (!batch.failure) continue
      const file = this.files.find((candidate) => (candidate.inspection?.fileName ?? candidate.name) === batch.fileName)
      if (file) file.lastFailure = batch.failure
    }
    this.phase = 'setup'
    this.jobId = null
    this.outcome = null
    this.summaries = []
    this.cancelling = false
  }

  /**
   * From a failure notice: back to the queue with the file whose reading broke
   * off set to import the rows before the break (the merchant then starts it).
   */
  keepReadablePart(fileName: string): void {
    this.reset()
    const file = this.files.find((candidate) => (candidate.inspection?.fileName ?? candidate.name) === fileName)
    if (file) file.keepReadablePart = true
  }

  private async run(isSample: boolean, start: () => Promise<{ jobId: string }>): Promise<void> {
    if (this.phase === 'running') return
    this.startError = null
    this.outcome = null
    this.summaries = []
    this.isSample = isSample
    this.phase = 'running'
    try {
      await api.eventsReady()
      const { jobId } = await start()
      this.jobId = jobId
      jobs.whenFinished(jobId, (finished) => void this.finish(finished.outcome))
    } catch (error) {
      this.startError = error
      this.phase = 'setup'
    }
  }

  private async finish(outcome: JobOutcome): Promise<void> {
    // A cancelled job keeps the files that finished before the cancel.
    const batchIds = outcome.status === 'done' || outcome.status === 'cancelled' ? outcome.batchIds : []
    if (batchIds.length > 0) {
      try {
        const batches = await api.call('import/batches', {})
        // In the order the files were imported, not the history's newest-first order.
        this.summaries = batchIds.flatMap((id) => batches.filter((batch) => batch.id === id))
      } catch (error) {
        this.startError = error
      }
    }
    this.outcome = outcome
    this.cancelling = false
    this.phase = 'finished'
    this.finishedCount += 1
  }
}

export const importFlow = new ImportFlow()
