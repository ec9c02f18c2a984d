import type { JobOutcome } from '../api'
import type { JobInput, RawProgress } from './job-protocol'
import { runImportJob } from './run-import-job'

/** Runs any job kind; the same entry serves the worker thread and inline runs. */
export async function runJob(input: JobInput, isCancelled: () => boolean, report: (progress: RawProgress) => void): Promise<JobOutcome> {
  switch (input.kind) {
    case 'import':
      return runImportJob(input, isCancelled, report)
    case 'train': {
      // Loaded on demand: TensorFlow.js is heavy, and an import should not wait for it.
      const { runTrainJob } = await import('./run-train-job')
      return runTrainJob(input, isCancelled, report)
    }
    case 'plan': {
      const { runPlanJob } = await import('./run-plan-job')
      return runPlanJob(input, isCancelled, report)
    }
    case 'export': {
      const { runExportJob } = await import('./run-export-job')
      return runExportJob(input, isCancelled, report)
    }
  }
}
