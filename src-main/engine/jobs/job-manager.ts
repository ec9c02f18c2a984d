import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { EngineEvents, JobOutcome } from '../api'
import type { FileIssue } from '../shared/issue'
import type { JobInput, RawProgress, WorkerMessage } from './job-protocol'
import { runJob } from './run-job'

type Emit = <E extends keyof EngineEvents>(event: E, payload: EngineEvents[E]) => void

interface RunningJob {
  cancel(): void
  done: Promise<JobOutcome>
}

/** Progress events at most this often: enough for a smooth bar, cheap over IPC. */
const PROGRESS_INTERVAL_MS = 100

/**
 * Runs long work as jobs with ids, progress events and cancel. With a built
 * worker script the work runs in a worker thread; without one (vitest on the
 * TypeScript sources) it runs inline, still yielding between chunks.
 */
export class JobManager {
  private readonly jobs = new Map<string, RunningJob>()

  constructor(private readonly emit: Emit, private readonly workerScript: string | null) {}

  start(input: JobInput): string {
    const jobId = randomUUID()
    const started = Date.now()
    let lastEmit = 0
    let lastStep = ''
    const onProgress = (raw: RawProgress, force = false): void => {
      const now = Date.now()
      // A new step is always shown, however quickly it follows the last event, and so is a step's end.
      const stepEnd = raw.total > 0 && raw.done >= raw.total
      if (!force && !stepEnd && raw.step === lastStep && now - lastEmit < PROGRESS_INTERVAL_MS) return
      lastEmit = now
      lastStep = raw.step
      const seconds = Math.max((now - started) / 1000, 1e-3)
      const fraction = raw.total > 0 ? raw.done / raw.total : 0
      this.emit('job/progress', {
        jobId,
        kind: input.kind,
        step: raw.step,
        done: raw.done,
        total: raw.total || null,
        unit: raw.unit,
        loss: raw.loss,
        rows: raw.rows,
        rowsPerSecond: Math.round(raw.rows / seconds),
        etaSeconds:
          raw.etaSeconds !== undefined ? Math.round(raw.etaSeconds) : fraction > 0.01 && fraction < 1 ? Math.round((seconds / fraction) * (1 - fraction)) : null,
      })
    }
    const job = this.workerScript && existsSync(this.workerScript) ? this.inWorker(input, onProgress) : this.inline(input, onProgress)
    this.jobs.set(jobId, job)
    void job.done.then((outcome) => {
      this.jobs.delete(jobId)
      this.emit('job/finished', { jobId, kind: input.kind, outcome: announced(outcome) })
    })
    return jobId
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job) return false
    job.cancel()
    return true
  }

  /** Resolves when the job ends (tests and the CLI wait on this). */
  wait(jobId: string): Promise<JobOutcome> | null {
    return this.jobs.get(jobId)?.done ?? null
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) job.cancel()
    await Promise.allSettled([...this.jobs.values()].map((job) => job.done))
  }

  private inline(input: JobInput, onProgress: (raw: RawProgress, force?: boolean) => void): RunningJob {
    let cancelled = false
    const done = runJob(input, () => cancelled, onProgress).catch(
      (error: unknown): JobOutcome => ({ status: 'failed', issue: { row: 0, code: 'file.unreadable', message: String(error) } }),
    )
    return { cancel: () => (cancelled = true), done }
  }

  private inWorker(input: JobInput, onProgress: (raw: RawProgress, force?: boolean) => void): RunningJob {
    const worker = new Worker(this.workerScript as string, { workerData: input })
    const done = new Promise<JobOutcome>((resolve) => {
      let finished = false
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') onProgress(message.progress)
        else {
          finished = true
          resolve(message.outcome)
        }
      })
      worker.on('error', (error) => {
        finished = true
        resolve({ status: 'failed', issue: { row: 0, code: 'file.unreadable', message: error.message } })
      })
      worker.on('exit', (code) => {
        if (!finished) resolve({ status: 'failed', issue: crashIssue(input.kind, code) })
      })
    })
    return { cancel: () => worker.postMessage({ type: 'cancel' }), done }
  }
}

const CRASHED: Record<JobInput['kind'], string> = {
  import: 'The import stopped unexpectedly (exit {exitCode}). Nothing was changed.',
  train: 'The training stopped unexpectedly (exit {exitCode}). Nothing was changed.',
  plan: 'The planning stopped unexpectedly (exit {exitCode}). Nothing was changed.',
  export: 'The export stopped unexpectedly (exit {exitCode}). No code was stored and no file written.',
}

/**
 * A worker that exited without an outcome, in the words of its own job (not
 * always "import"). The faces show `reject.job.crashed.<kind>`; `code` in the
 * params is what engine.ts turns an export's failure into (an EngineError code).
 */
export function crashIssue(kind: JobInput['kind'], exitCode: number): FileIssue {
  const code = `job.crashed.${kind}` as const
  return { row: 0, code, message: CRASHED[kind].replace('{exitCode}', String(exitCode)), params: { exitCode, code: `reject.${code}` } }
}

/**
 * The outcome as every face hears it: an export's file contents (megabytes
 * for a large plan) go only to the call that started it, not to every window.
 */
function announced(outcome: JobOutcome): JobOutcome {
  if (outcome.status !== 'exported') return outcome
  const files = outcome.written.files.map((file) => {
    const { content: _content, encoding: _encoding, ...info } = file as typeof file & { content?: string; encoding?: string }
    return info
  })
  return { status: 'exported', written: { ...outcome.written, files } }
}
