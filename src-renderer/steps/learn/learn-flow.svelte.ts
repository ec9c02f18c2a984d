/**
 * The Learn step's model: the latest report, the horizon the merchant picked,
 * and the training job while it runs. A module singleton, like the import
 * flow, so leaving the step and coming back keeps a running job on screen.
 */
import type { JobOutcome, ModelReport } from '../../../src-main/engine/api'
import { api } from '../../lib/api'
import { cancelJob, jobs } from '../../lib/stores/jobs.svelte'

/** The horizons offered, in days ("buys within the next N days"). */
export const HORIZONS = [30, 60, 90, 180] as const
export const DEFAULT_HORIZON = 90

/** How the last training ended when it did not produce a report. */
export type TrainNotice = Extract<JobOutcome, { status: 'cancelled' } | { status: 'failed' }>

class LearnFlow {
  report = $state<ModelReport | null>(null)
  /** False until model/report has answered once: only then does a null report mean "never trained". */
  reportLoaded = $state(false)
  reportLoading = $state(false)
  reportError = $state<unknown>(null)
  horizon = $state<number>(DEFAULT_HORIZON)
  jobId = $state<string | null>(null)
  /** Between pressing Train and the engine answering with a job id. */
  starting = $state(false)
  cancelling = $state(false)
  notice = $state<TrainNotice | null>(null)
  startError = $state<unknown>(null)
  /** Bumped whenever a new report arrives, so the customer list reloads its scores. */
  reportVersion = $state(0)

  readonly running = $derived(this.starting || this.jobId !== null)
  readonly progress = $derived(this.jobId ? (jobs.progress[this.jobId] ?? null) : null)

  async loadReport(): Promise<void> {
    this.reportLoading = true
    this.reportError = null
    try {
      const report = await api.call('model/report', {})
      const changed = report?.runId !== this.report?.runId
      this.report = report
      if (report && !this.running) this.horizon = report.horizonDays
      if (changed) this.reportVersion += 1
    } catch (error) {
      this.reportError = error
    } finally {
      this.reportLoaded = true
      this.reportLoading = false
    }
  }

  /** A training job that is already running (started before a reload) is followed rather than started twice. */
  adoptRunning(): void {
    if (this.running) return
    const running = jobs.running('train')
    if (running) this.follow(running.jobId)
  }

  async train(): Promise<void> {
    if (this.running) return
    this.notice = null
    this.startError = null
    this.starting = true
    try {
      await api.eventsReady()
      const { jobId } = await api.call('model/train', { horizonDays: this.horizon })
      this.follow(jobId)
    } catch (error) {
      this.startError = error
    } finally {
      this.starting = false
    }
  }

  cancel(): Promise<void> {
    return cancelJob(this)
  }

  dismissNotice(): void {
    this.notice = null
  }

  private follow(jobId: string): void {
    this.jobId = jobId
    jobs.whenFinished(jobId, (finished) => void this.finish(finished.outcome))
  }

  private async finish(outcome: JobOutcome): Promise<void> {
    if (outcome.status === 'trained') await this.loadReport()
    else if (outcome.status === 'cancelled' || outcome.status === 'failed') this.notice = outcome
    this.jobId = null
    this.cancelling = false
  }
}

export const learnFlow = new LearnFlow()
