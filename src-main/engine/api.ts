/**
 * THE contract between the engine and its three faces (Electron IPC, CLI, web bridge).
 *
 * Type-only: channel name → argument and result types, event name → payload.
 * The renderer's client is generic over these keys, so a wrong channel or a
 * wrong argument is a compile error. Runtime validation of arguments lives in
 * `api-schema.ts` (the renderer is not trusted).
 */
import type { FileIssue } from './shared/issue'
import type { ColumnMapping, DateOrder, RecordKind, CanonicalField } from './ingest/formats/fields'
import type { Delimiter, TextEncoding, FileKind } from './ingest/read/types'

export type Locale = 'en' | 'zh-CN'

export interface AppInfo {
  version: string
  dbPath: string
  dataDir: string
  /** Which face the renderer is talking to. */
  shell: 'electron' | 'web-bridge'
  schemaVersion: number
}

export interface Settings {
  locale: Locale
  /** ISO 4217 code used to show money; set from imports, editable by the merchant. */
  currency: string
}

// ---------- import ----------

export interface FormatInfo {
  id: string
  kind: RecordKind
}

export interface FieldInfo {
  field: CanonicalField
  required: boolean
}

export interface ImportInspection {
  path: string
  fileName: string
  sizeBytes: number
  kind: FileKind
  gzip: boolean
  encoding: TextEncoding
  delimiter: Delimiter | null
  sheets: string[]
  sheet: string | null
  header: string[]
  /** First rows of the file, for the mapping preview. */
  sample: string[][]
  /** Best guess first; the merchant may pick another or `generic-*`. */
  guesses: { presetId: string; kind: RecordKind; confidence: number }[]
  presetId: string
  recordKind: RecordKind
  mapping: ColumnMapping
  /** Fields this kind of file may fill, with which are required. */
  fields: FieldInfo[]
  currency: string | null
  /** Problems that stop the import until the merchant fixes the mapping (missing required columns...). */
  blockers: FileIssue[]
}

export interface InspectArgs {
  path: string
  presetId?: string
  sheet?: string
  encoding?: TextEncoding
  delimiter?: Delimiter
}

export interface ImportRequest {
  path: string
  presetId: string
  mapping: ColumnMapping
  dateOrder: DateOrder
  /** Currency to assume when the file has none. */
  currency: string
  sheet?: string
  encoding?: TextEncoding
  delimiter?: Delimiter
}

export type BatchStatus = 'running' | 'done' | 'failed' | 'cancelled' | 'undone'

export interface ImportCounts {
  /** Input data rows (after the header). Always imported + duplicate + rejected. */
  rows: number
  imported: number
  duplicate: number
  rejected: number
}

export interface ImportBatchSummary extends ImportCounts {
  id: number
  fileName: string
  presetId: string
  recordKind: RecordKind
  status: BatchStatus
  startedAt: string
  finishedAt: string | null
  /** What the batch added, for the summary screen. `returns` counts new orders that are returns, refunds or cancellations. */
  added: { orders: number; lines: number; customers: number; products: number; returns: number; guestOrders: number }
  /** Whole-file problem when the import failed (nothing was written). */
  failure: FileIssue | null
}

export interface RejectRow extends FileIssue {
  /** The row as written in the file, cells joined back for the merchant to see. */
  raw: string
}

export interface UndoResult {
  batchId: number
  removed: { orders: number; lines: number; customers: number; products: number }
  backupPath: string
}

// ---------- jobs ----------

export type JobKind = 'import'

export interface JobProgress {
  jobId: string
  kind: JobKind
  /** i18n key suffix of the current step: `job.step.<step>`. */
  step: 'reading' | 'scanning-dates' | 'writing' | 'finishing'
  done: number
  /** Total in the same unit as done, or null when unknown. */
  total: number | null
  unit: 'rows' | 'bytes'
  rowsPerSecond: number
  /** Seconds left, or null while unknown. */
  etaSeconds: number | null
  rows: number
}

export type JobOutcome =
  | { status: 'done'; batchIds: number[] }
  /** Files of the job finished before the cancel stay imported; the file being read is rolled back. */
  | { status: 'cancelled'; batchIds: number[] }
  | { status: 'failed'; issue: FileIssue }

export interface JobFinished {
  jobId: string
  kind: JobKind
  outcome: JobOutcome
}

// ---------- data overview ----------

export interface MonthRevenue {
  /** `YYYY-MM` */
  month: string
  revenue: number
  orders: number
  returns: number
}

export interface DataOverview {
  customers: number
  products: number
  orders: number
  lines: number
  guestOrders: number
  returnOrders: number
  discountedOrders: number
  firstOrderAt: string | null
  lastOrderAt: string | null
  revenue: number
  returnedValue: number
  discountValue: number
  repeatCustomers: number
  currency: string
  revenueByMonth: MonthRevenue[]
  topDiscountCodes: { code: string; orders: number }[]
  batches: number
}

/** Every call: channel → { args, result }. Channel names read `domain/verb`. */
export interface EngineCalls {
  'app/info': { args: Record<string, never>; result: AppInfo }
  'settings/get': { args: Record<string, never>; result: Settings }
  'settings/set': { args: Partial<Settings>; result: Settings }
  'formats/list': { args: Record<string, never>; result: FormatInfo[] }
  'import/inspect': { args: InspectArgs; result: ImportInspection }
  'import/start': { args: { requests: ImportRequest[] }; result: { jobId: string } }
  'import/sample': { args: Record<string, never>; result: { jobId: string } }
  'import/batches': { args: Record<string, never>; result: ImportBatchSummary[] }
  'import/rejects': { args: { batchId: number; offset: number; limit: number }; result: { total: number; rows: RejectRow[] } }
  'import/rejects-csv': { args: { batchId: number; locale: Locale }; result: { fileName: string; csv: string } }
  'import/undo': { args: { batchId: number }; result: UndoResult }
  'jobs/cancel': { args: { jobId: string }; result: { cancelled: boolean } }
  'data/overview': { args: Record<string, never>; result: DataOverview }
}

/** Every event the engine pushes to its faces. */
export interface EngineEvents {
  'job/progress': JobProgress
  'job/finished': JobFinished
}

export type Channel = keyof EngineCalls
export type ArgsOf<C extends Channel> = EngineCalls[C]['args']
export type ResultOf<C extends Channel> = EngineCalls[C]['result']
export type EventName = keyof EngineEvents

/** The engine as every face sees it: one call method, one event subscription. */
export interface EngineApi {
  call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>>
  on<E extends EventName>(event: E, listener: (payload: EngineEvents[E]) => void): () => void
}

/** Errors crossing a face boundary: a code for the catalogue plus an English message. */
export interface EngineErrorPayload {
  code: string
  message: string
  params?: Record<string, string | number>
}
