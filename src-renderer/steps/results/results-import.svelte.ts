/**
 * The Results step's own import (issue 8 §4): one file of what happened (an
 * order export with discount codes, or a redemptions file) for the campaign on
 * screen. It goes the way of every import: the file is handed to the engine
 * as an opaque handle (api.stageFile: Electron's chosen file, or an upload to
 * the web bridge), inspected, imported by the same job with progress and
 * Cancel, and accounted for row by row; `results/import-accounting` then says
 * which rows count for this campaign. A module singleton, like the Import
 * step's flow, so leaving the step mid-import keeps the job on screen.
 */
import type { FormatInfo, ImportBatchSummary, JobOutcome } from '../../../src-main/engine/api'
import type { RecordKind } from '../../../src-main/engine/ingest/formats/fields'
import type { ResultsImportAccounting } from '../../../src-main/engine/results/results-api'
import { api } from '../../lib/api'
import { cancelJob, jobs } from '../../lib/stores/jobs.svelte'
import { StagedFile } from '../import/staged-file.svelte'
import { resultsCall } from './results-api'

export type ResultsImportPhase = 'choose' | 'staged' | 'running' | 'finished'

/** What a results file may hold: orders (with their discount codes) or redemptions. */
const RESULT_KINDS: readonly RecordKind[] = ['orders', 'order-lines', 'redemptions']

class ResultsImport {
  phase = $state<ResultsImportPhase>('choose')
  file = $state<StagedFile | null>(null)
  formats = $state<FormatInfo[]>([])
  /** The campaign the file is imported for (its accounting is about this one). */
  campaignId = $state<number | null>(null)
  jobId = $state<string | null>(null)
  cancelling = $state(false)
  startError = $state<unknown>(null)
  outcome = $state<JobOutcome | null>(null)
  batch = $state<ImportBatchSummary | null>(null)
  accounting = $state<ResultsImportAccounting | null>(null)
  accountingError = $state<unknown>(null)
  /** Bumped when an import has written something, so the step measures the campaign again. */
  importedCount = $state(0)

  readonly progress = $derived(this.jobId ? (jobs.progress[this.jobId] ?? null) : null)
  /** The file was read, but it holds customers, products or campaign members: nothing the Results step measures. */
  readonly wrongKind = $derived<RecordKind | null>(
    this.file?.inspection && !RESULT_KINDS.includes(this.file.inspection.recordKind) ? this.file.inspection.recordKind : null,
  )
  readonly canStart = $derived(this.file !== null && this.file.ready && this.wrongKind === null)

  async loadFormats(): Promise<void> {
    if (this.formats.length > 0) return
    try {
      this.formats = await api.call('formats/list', {})
    } catch {
      // The format dropdown then offers only the detected format; importing still works.
    }
  }

  choose(file: File, currency: string): void {
    if (this.phase === 'running') return
    const staged = new StagedFile(file, currency)
    this.file = staged
    this.phase = 'staged'
    this.startError = null
    void staged.stage(file)
  }

  async start(campaignId: number): Promise<void> {
    const file = this.file
    this.campaignId = campaignId
    if (!file || !this.canStart || this.phase === 'running') return
    this.startError = null
    this.outcome = null
    this.batch = null
    this.accounting = null
    this.accountingError = null
    this.phase = 'running'
    try {
      await api.eventsReady()
      const { jobId } = await api.call('import/start', { requests: [file.request()] })
      this.jobId = jobId
      jobs.whenFinished(jobId, (finished) => void this.finish(finished.outcome, campaignId))
    } catch (error) {
      this.startError = error
      this.phase = 'staged'
    }
  }

  cancel(): Promise<void> {
    return cancelJob(this)
  }

  /** Back to choosing a file (after a result, or to drop the staged one). */
  reset(): void {
    if (this.phase === 'running') return
    this.phase = 'choose'
    this.file = null
    this.jobId = null
    this.outcome = null
    this.batch = null
    this.accounting = null
    this.accountingError = null
    this.startError = null
    this.cancelling = false
  }

  /** Back to the staged file, e.g. after a failure, to fix its format or mapping and try again. */
  retry(): void {
    const failure = this.batch?.failure ?? null
    this.phase = this.file ? 'staged' : 'choose'
    if (this.file && failure) this.file.lastFailure = failure
    this.jobId = null
    this.outcome = null
    this.batch = null
    this.cancelling = false
  }

  private async finish(outcome: JobOutcome, campaignId: number): Promise<void> {
    const batchId = outcome.status === 'done' || outcome.status === 'cancelled' ? outcome.batchIds[0] : undefined
    if (batchId !== undefined) {
      try {
        const batches = await api.call('import/batches', {})
        this.batch = batches.find((b) => b.id === batchId) ?? null
      } catch (error) {
        this.startError = error
      }
      if (this.batch && !this.batch.failure) {
        try {
          this.accounting = await resultsCall('results/import-accounting', { campaignId, batchId })
        } catch (error) {
          this.accountingError = error
        }
        this.importedCount += 1
      }
    }
    this.outcome = outcome
    this.cancelling = false
    this.phase = 'finished'
  }
}

export const resultsImport = new ResultsImport()
