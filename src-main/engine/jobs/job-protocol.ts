import type { JobOutcome, JobProgress } from '../api'
import type { ExportArgs } from '../export/export-api'
import type { ImportJobRequest } from '../ingest/file-registry'
import type { RunPurpose } from '../learn/run-store'
import type { TrainSettings } from '../learn/train-run'
import type { PlanSettings } from '../planner/planner-api'

/** What a job needs to run anywhere: inline in tests, or in a worker thread. */
export interface ImportJobInput {
  kind: 'import'
  dbPath: string
  nativeBinding?: string
  /** Handles already resolved by the engine: the job reads these paths. */
  requests: ImportJobRequest[]
}

export interface TrainJobInput {
  kind: 'train'
  dbPath: string
  nativeBinding?: string
  settings: TrainSettings
  /** 'evaluation' runs are stored apart and never serve (`model/evaluate`). */
  purpose: RunPurpose
}

export interface PlanJobInput {
  kind: 'plan'
  dbPath: string
  nativeBinding?: string
  settings: PlanSettings
}

export interface ExportJobInput {
  kind: 'export'
  dbPath: string
  nativeBinding?: string
  args: ExportArgs
  /** The folder the merchant chose (desktop); null = the files come back in the outcome. */
  folder: string | null
}

export type JobInput = ImportJobInput | TrainJobInput | PlanJobInput | ExportJobInput

/** Progress without the job id and rates, which the manager adds. `done`/`total` drive the ETA. */
export type RawProgress = Pick<JobProgress, 'step' | 'rows' | 'unit' | 'loss'> & {
  done: number
  total: number
  /** When the work knows its own remaining time better than elapsed ÷ fraction (training epochs). */
  etaSeconds?: number
}

export type WorkerMessage = { type: 'progress'; progress: RawProgress } | { type: 'finished'; outcome: JobOutcome }

export type ParentMessage = { type: 'cancel' }
