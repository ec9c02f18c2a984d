import type { JobOutcome } from '../api'
import { EngineError } from '../api-schema'
import { saveRun } from '../learn/run-store'
import { trainRun } from '../learn/train-run'
import { openStore } from '../store/open-store'
import type { RawProgress, TrainJobInput } from './job-protocol'

/** A training run on the job's own connection; the run is saved in one transaction at the end. */
export async function runTrainJob(input: TrainJobInput, isCancelled: () => boolean, report: (progress: RawProgress) => void): Promise<JobOutcome> {
  const store = openStore(input.dbPath, { nativeBinding: input.nativeBinding })
  try {
    const outcome = await trainRun(store.db, input.settings, isCancelled, (p) =>
      // While a model trains, progress is its epochs; between models, the run's steps. The ETA is always the whole run's (learn/run-clock.ts).
      p.epoch !== undefined && p.epochs !== undefined
        ? report({ step: p.step, rows: 0, unit: 'epochs', done: p.epoch, total: p.epochs, loss: p.loss, etaSeconds: p.etaSeconds })
        : report({ step: p.step, rows: 0, unit: 'steps', done: p.done, total: p.total, loss: p.loss, etaSeconds: p.etaSeconds }),
    )
    if (outcome.status === 'cancelled') return { status: 'cancelled', batchIds: [] }
    return { status: 'trained', runId: saveRun(store.db, outcome.run, input.purpose) }
  } catch (error) {
    const known = error instanceof EngineError
    return {
      status: 'failed',
      // The engine's own code and params travel in params, so the UI can say it in the merchant's language.
      issue: { row: 0, code: 'file.unreadable', message: error instanceof Error ? error.message : String(error), params: known ? { ...error.params, code: error.code } : undefined },
    }
  } finally {
    store.close()
  }
}
