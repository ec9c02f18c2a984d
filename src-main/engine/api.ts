/**
 * THE contract between the engine and its three faces (Electron IPC, CLI, web bridge).
 *
 * Type-only: channel name → argument and result types, event name → payload.
 * The renderer's client is generic over these keys, so a wrong channel or a
 * wrong argument is a compile error. Runtime validation of arguments lives in
 * `api-schema.ts` (the renderer is not trusted).
 */
import type { FileIssue } from './shared/issue'
import type { CampaignCalls } from './campaigns/campaigns-api'
import type { PlanCalls } from './planner/planner-api'
import type { ExportCalls, ExportWritten } from './export/export-api'
import type { ResultsCalls } from './results/results-api'
import type { ColumnMapping, DateOrder, RecordKind, CanonicalField } from './ingest/formats/fields'
import type { Delimiter, TextEncoding, FileKind } from './ingest/read/types'

export type Locale = 'en' | 'zh-CN'

/** The TensorFlow.js backend the engine picked at start (tfjs-node if it loads, else wasm, else cpu). */
export interface BackendInfo {
  name: 'tensorflow' | 'wasm' | 'cpu'
  /** Why this one, in a sentence (e.g. "tfjs-node is not installed; using WebAssembly"). */
  reason: string
}

export interface AppInfo {
  version: string
  dbPath: string
  dataDir: string
  /** Which face the renderer is talking to. */
  shell: 'electron' | 'web-bridge'
  schemaVersion: number
  /** Null until the learning engine has started (it starts on first use). */
  backend: BackendInfo | null
}

/** How money is shown: the currency code and where it came from. */
export interface ShopCurrency {
  /** ISO 4217 code every screen, chart and file uses. */
  code: string
  /** 'merchant': chosen in Settings; 'data': most of the shop's orders; 'default': no orders yet. */
  source: 'merchant' | 'data' | 'default'
  /** Currencies the sale orders were written in, most orders first (several = a mixed store; nothing is converted). */
  inData: { code: string; orders: number }[]
}

export interface Settings {
  locale: Locale
  /** ISO 4217 code used to show money: the merchant's choice, else the shop's orders' currency. */
  currency: string
  currencySource: ShopCurrency['source']
  /** Currencies found in the shop's orders (more than one: the store is mixed, and the UI says so). */
  currenciesInData: ShopCurrency['inData']
}

/** `currency: null` goes back to following the shop's data. */
export interface SettingsChange {
  locale?: Locale
  currency?: string | null
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
  /** The handle the inspection was asked about (never a path: see FileRegistry). */
  file: string
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
  /** Handle of a file the merchant chose (open dialog, drop, upload; the CLI's own FILEs), never a path. */
  file: string
  presetId?: string
  sheet?: string
  encoding?: TextEncoding
  delimiter?: Delimiter
}

export interface ImportRequest {
  /** Handle of a file the merchant chose, as for `import/inspect`. */
  file: string
  presetId: string
  mapping: ColumnMapping
  dateOrder: DateOrder
  /** Currency to assume when the file has none. */
  currency: string
  sheet?: string
  encoding?: TextEncoding
  delimiter?: Delimiter
  /**
   * A file that cannot be read to its end (a cut-short .gz, a disk error) fails and writes
   * nothing; with this set, the rows read before the break are imported and the break is a reject.
   */
  keepReadablePart?: boolean
}

export type BatchStatus = 'running' | 'done' | 'failed' | 'cancelled' | 'undone'

export interface ImportCounts {
  /** Input data rows (after the header). Always imported + duplicate + rejected. */
  rows: number
  imported: number
  /** Rows that added nothing: what they say is already stored (includes `repeatedInFile`). */
  duplicate: number
  /** Of the duplicates, rows repeating an earlier row of the same file (not "already in your data"). */
  repeatedInFile: number
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
  added: {
    orders: number; lines: number; customers: number; products: number; returns: number; guestOrders: number
    /** Campaign-member files only (absent elsewhere and in batches from before campaigns existed). */
    campaigns?: number; members?: number
    /** Redemption files only: codes matched to campaign members. */
    redemptions?: number
  }
  /** Whole-file problem when the import failed (nothing was written). */
  failure: FileIssue | null
}

export interface RejectRow extends FileIssue {
  /** The row as written in the file: its line's text as decoded (XLSX: the row's cells as read, joined). */
  raw: string
}

export interface UndoResult {
  batchId: number
  removed: { orders: number; lines: number; customers: number; products: number; campaigns: number; members: number }
  backupPath: string
  /** The folder holding the backups, and how many of the newest it keeps (older ones are removed). */
  backupsDir: string
  backupsKept: number
}

// ---------- jobs ----------

export type JobKind = 'import' | 'train' | 'plan' | 'export'

export type JobStep =
  // import
  | 'reading'
  | 'scanning-dates'
  | 'writing'
  | 'finishing'
  // train
  | 'features'
  | 'baselines'
  | 'training-purchase'
  | 'training-sequence'
  | 'training-affinity'
  | 'evaluating'
  | 'scoring'
  // plan
  | 'plan-inputs'
  | 'plan-response'
  | 'plan-candidates'
  // export
  | 'export-codes'
  | 'export-files'

export interface JobProgress {
  jobId: string
  kind: JobKind
  /** i18n key suffix of the current step: `job.step.<step>`. */
  step: JobStep
  done: number
  /** Total in the same unit as done, or null when unknown. */
  total: number | null
  unit: 'rows' | 'bytes' | 'epochs' | 'steps'
  rowsPerSecond: number
  /** Seconds left for the whole job, or null while unknown. */
  etaSeconds: number | null
  rows: number
  /** Training only: the latest epoch's loss. */
  loss?: number
}

export type JobOutcome =
  | { status: 'done'; batchIds: number[] }
  /** A training job: the stored model run it produced. */
  | { status: 'trained'; runId: number }
  /** A planning job: the stored draft plan. */
  | { status: 'planned'; planId: number }
  /** An export job: what was written (in the job/finished event without the files' content). */
  | { status: 'exported'; written: ExportWritten }
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
  /** Sale orders: not returns, not cancelled. Average order value and the guest share divide by these. */
  salesOrders: number
  guestSalesOrders: number
  /** Revenue ÷ sale orders (0 when there are none). */
  averageOrderValue: number
  /** Order lines that are returns (a return order may hold several). */
  returnLines: number
  currency: string
  currencySource: ShopCurrency['source']
  currenciesInData: ShopCurrency['inData']
  revenueByMonth: MonthRevenue[]
  topDiscountCodes: { code: string; orders: number }[]
  batches: number
}

// ---------- learn ----------

export interface TrainArgs {
  /**
   * Score customers as of this day ('YYYY-MM-DD'); default: the day after the
   * last order. The model is trained on the window before it; the report
   * evaluates on held-out periods before that (see docs/learning.md).
   */
  cutoff?: string
  /** How far ahead "buys soon" looks, in days (default 90). */
  horizonDays: number
}

/**
 * `offerwise evaluate`: the same protocol with the held-out window starting
 * at `cutoff` ('YYYY-MM-DD'), stored as an evaluation run that never changes
 * what serves (its report: `model/report` with the job's runId).
 */
export interface EvaluateArgs {
  cutoff: string
  horizonDays: number
}

export interface PurchaseMetrics {
  name: string
  kind: 'model' | 'baseline'
  auc: number
  logLoss: number
  /** Expected calibration error, 10 bins. */
  ece: number
}

export interface AffinityMetrics {
  name: string
  kind: 'model' | 'baseline'
  recallAt10: number
  ndcgAt10: number
  hitAt10: number
  /** Recall@10 over products new to each customer. */
  newRecallAt10: number
}

export interface SequenceMetrics {
  name: string
  kind: 'model' | 'baseline'
  /** Next-category accuracy (top-1) among customers who ordered again. */
  nextCategoryAccuracy: number
  /** Mean absolute error of days to the next order, among customers who ordered again. */
  daysToNextMae: number
}

export interface ReliabilityBin {
  meanPredicted: number
  observedRate: number
  count: number
}

export interface GainsPoint {
  /** Share of customers contacted, highest scores first (0..1). */
  share: number
  /** Share of the window's buyers among them (0..1). */
  captured: number
}

/** One evaluation: every model beside its baselines, on a held-out period. */
export interface ModelReport {
  runId: number
  createdAt: string
  /** Evaluation cutoff: trained on what came before, scored on [cutoff, cutoff + horizon). */
  evaluationCutoff: string
  /** Scoring cutoff: what the customer scores in the Learn step are "as of". */
  scoringCutoff: string
  horizonDays: number
  backend: BackendInfo
  customers: number
  buyers: number
  purchase: PurchaseMetrics[]
  affinity: AffinityMetrics[]
  sequence: SequenceMetrics[]
  /** Which entry (by name) serves each task after the comparison. */
  chosen: { purchase: string; affinity: string; nextCategory: string; daysToNext: string }
  reliability: { name: string; bins: ReliabilityBin[] }[]
  gains: { name: string; points: GainsPoint[] }[]
  /** Seconds spent fitting each model (not the whole run: see wallSeconds). */
  trainingSeconds: Record<string, number>
  /** The whole run's wall-clock time, measured from start to the saved report. */
  wallSeconds: number
  /** Set when the shop is too small for a learned model: transparent scores are used instead, and why. */
  fallback: { reason: string; customers: number; buyers: number } | null
}

export interface CustomerScore {
  /** The store's handle for calls (customers/detail); never shown to the merchant. */
  customerId: number
  /** The shop's own customer id as written in its files (Shopify's Customer ID, CustomerID…), or null when the shop only knows them by e-mail or name. */
  shopId: string | null
  name: string | null
  email: string | null
  orders: number
  spend: number
  lastOrderAt: string | null
  /** Probability of at least one order within the horizon. */
  pBuy: number
  expectedOrders: number
  expectedSpend: number
  /** 0..1 transparent score (see the customer detail for its parts). */
  discountSensitivity: number
  topCategory: string | null
  /** True when the shop's files name no category for those products and Offerwise derived it from product names ("holder"). */
  topCategoryDerived: boolean
  /**
   * Discounted profit expected over the next 12 months (BG/NBD × Gamma-Gamma × margin, engine/clv/);
   * null when the shop is too small to fit the models, or the run predates them.
   */
  clv12m: number | null
  /** BG/NBD probability that the customer is still active; null as for clv12m. */
  pAlive: number | null
  /** From 1 − pAlive (clv/settings.ts thresholds); 'one-order': no repeat purchase, so the model cannot tell. */
  churnRisk: 'low' | 'medium' | 'high' | 'one-order' | null
  /** 'YYYY-MM-DD': the scoring day plus the judged days-to-next estimate; null when there is none. */
  nextOrderAt: string | null
  /** False when the shop has no discount history at all: discountSensitivity is then the prior (0.5) and means nothing. */
  shopHasDiscountData: boolean
}

export type CustomerSort = 'p-buy' | 'spend' | 'recent' | 'discount-sensitivity'

export interface CustomerDetail extends CustomerScore {
  history: { orderedAt: string; total: number; discountCode: string | null; isReturn: boolean; items: number }[]
  nextOrder: { probability: number; expectedDays: number | null; likelyCategory: string | null; likelyCategoryDerived: boolean }
  topCategories: { name: string; score: number; derived: boolean }[]
  topProducts: { productId: number; name: string; score: number; boughtBefore: boolean }[]
  discount: {
    share: number
    depth: number
    saleSpendShare: number
    sensitivity: number
    /** The shop's averages, so the UI can say "more than most customers". */
    shopShare: number
    shopSaleSpendShare: number
    /** False when the shop has no discount history at all (no code, no money off, no sale day): the score then carries no information. */
    shopHasDiscountData: boolean
  }
  /** CLV over 3, 6 and 12 months and what it rests on; null as for clv12m. */
  lifetimeValue: {
    clv3m: number
    clv6m: number
    clv12m: number
    /** Profit ÷ revenue used: from product costs where the shop's files give them, else the default. */
    margin: number
    marginSource: 'costs' | 'default' | 'costs+default'
    monthlyDiscountRate: number
  } | null
}

/** Every call: channel → { args, result }. Channel names read `domain/verb`. */
export interface EngineCalls extends CampaignCalls, PlanCalls, ResultsCalls, ExportCalls {
  'app/info': { args: Record<string, never>; result: AppInfo }
  'settings/get': { args: Record<string, never>; result: Settings }
  'settings/set': { args: SettingsChange; result: Settings }
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
  'model/train': { args: TrainArgs; result: { jobId: string } }
  'model/evaluate': { args: EvaluateArgs; result: { jobId: string } }
  /** The serving run's report (null before any training), or the report of run `runId` (serving or evaluation). */
  'model/report': { args: { runId?: number }; result: ModelReport | null }
  'customers/list': { args: { search: string; sort: CustomerSort; offset: number; limit: number }; result: { total: number; rows: CustomerScore[] } }
  'customers/detail': { args: { customerId: number }; result: CustomerDetail }
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
