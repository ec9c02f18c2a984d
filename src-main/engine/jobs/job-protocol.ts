import type { ImportRequest, JobOutcome, JobProgress } from '../api'

/** What a job needs to run anywhere: inline in tests, or in a worker thread. */
export interface ImportJobInput {
  kind: 'import'
  dbPath: string
  nativeBinding?: string
  requests: ImportRequest[]
}

export type JobInput = ImportJobInput

/** Progress without the job id and rate, which the manager adds. */
export type RawProgress = Pick<JobProgress, 'step' | 'rows'> & { bytesDone: number; bytesTotal: number }

export type WorkerMessage = { type: 'progress'; progress: RawProgress } | { type: 'finished'; outcome: JobOutcome }

export type ParentMessage = { type: 'cancel' }
