import { EventEmitter } from 'node:events'
import { dirname } from 'node:path'
import type { AppInfo, ArgsOf, TrainArgs, Channel, EngineApi, EngineEvents, EventName, ResultOf } from './api'
import { EngineError, isChannel, validateArgs } from './api-schema'
import { listBatches, listRejects, rejectsCsv } from './data/batches'
import { dataOverview } from './data/overview'
import { requireBatch } from './data/require-batch'
import { readSettings, writeSettings } from './data/settings'
import { PRESETS } from './ingest/formats/presets'
import { FileRegistry, type ImportJobRequest } from './ingest/file-registry'
import { inspectFile } from './ingest/inspect-file'
import { sampleShopRequests } from './ingest/sample-shop'
import { undoBatch } from './ingest/undo-batch'
import { JobManager } from './jobs/job-manager'
import { openStore, type Store } from './store/open-store'
import { LATEST_SCHEMA_VERSION } from './store/migrations'
import { ENGINE_VERSION } from './version'
import { customerDetail, listCustomers } from './learn/customer-queries'
import { listCampaigns } from './campaigns/list-campaigns'
import { evaluateCampaigns } from './campaigns/evaluate-campaigns'
import { PlanService } from './planner/plan-service'
import { ExportService, type ChooseExportFolder } from './export/export-service'
import { campaignResult, planCampaignId } from './results/campaign-result'
import { importAccounting } from './results/import-accounting'
import { checkedScoringCutoff } from './learn/cutoff-range'
import { latestReport, runReport, type RunPurpose } from './learn/run-store'
import type { TrainSettings } from './learn/train-run'

export interface EngineOptions {
  dbPath: string
  /** Folder holding the sample shop (resources/ in the repo, process.resourcesPath in a packaged app). */
  resourcesDir: string
  shell: AppInfo['shell']
  /** Built worker script for jobs; null runs jobs inline (tests on the TypeScript sources). */
  workerScript: string | null
  /** See StoreOptions.nativeBinding. */
  nativeBinding?: string
  /** Overrides for training runs (fewer epochs in tests and the CI's real-data check). */
  trainDefaults?: Partial<Pick<TrainSettings, 'epochs' | 'seed'>>
  /** The face's record of the files the merchant chose; imports read only these (a fresh, empty one by default). */
  files?: FileRegistry
  /** How the face asks the merchant for an export folder (the desktop app's dialog); without one, `export/write` returns the files. */
  chooseExportFolder?: ChooseExportFolder
}

export interface Engine extends EngineApi {
  /** Where the face registers the files the merchant chose, for a handle to pass to `import/*`. */
  readonly files: FileRegistry
  /** Resolves when a job ends; for the CLI and tests. */
  waitForJob(jobId: string): ReturnType<JobManager['wait']>
  close(): Promise<void>
}

type Handlers = { [C in Channel]: (args: ArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>> }

/**
 * The engine behind every face. It owns the main store connection (reads and
 * small writes) and the job manager (imports run on their own connection in
 * a worker). Arguments are validated here, so no face can skip it.
 */
export function createEngine(options: EngineOptions): Engine {
  const store: Store = openStore(options.dbPath, { nativeBinding: options.nativeBinding })
  const db = store.db
  const events = new EventEmitter()
  const plans = new PlanService(db)
  const exports = new ExportService(db, options.chooseExportFolder)
  const files = options.files ?? new FileRegistry()
  const jobs = new JobManager((event, payload) => events.emit(event, payload), options.workerScript)
  const startTrain = (settings: TrainArgs, purpose: RunPurpose): string => {
    // Without a cutoff the data's own range is still checked (too short a history is refused before the job).
    if (settings.cutoff === undefined) checkedScoringCutoff(db, settings.horizonDays, undefined, 'scoring')
    return jobs.start({ kind: 'train', dbPath: options.dbPath, nativeBinding: options.nativeBinding, settings: { ...settings, ...options.trainDefaults }, purpose })
  }

  const handlers: Handlers = {
    'app/info': () => ({
      version: ENGINE_VERSION,
      dbPath: options.dbPath,
      dataDir: dirname(options.dbPath),
      shell: options.shell,
      schemaVersion: LATEST_SCHEMA_VERSION,
      // Training runs in a worker; the backend it picked is recorded with the latest run.
      backend: latestReport(db)?.backend ?? null,
    }),
    'settings/get': () => readSettings(db),
    'settings/set': (args) => writeSettings(db, args),
    'formats/list': () => PRESETS.map((preset) => ({ id: preset.id, kind: preset.kind })),
    'import/inspect': async ({ file, ...rest }) => ({ file, ...(await inspectFile(files.resolve(file), rest)) }),
    'import/start': (args) => {
      // Every handle is resolved before the job starts, so one unknown file refuses the whole call.
      const requests: ImportJobRequest[] = args.requests.map(({ file, ...rest }) => ({ ...rest, path: files.resolve(file) }))
      return { jobId: jobs.start({ kind: 'import', dbPath: options.dbPath, nativeBinding: options.nativeBinding, requests }) }
    },
    'import/sample': async () => ({
      jobId: jobs.start({ kind: 'import', dbPath: options.dbPath, nativeBinding: options.nativeBinding, requests: await sampleShopRequests(options.resourcesDir) }),
    }),
    'import/batches': () => listBatches(db),
    'import/rejects': (args) => {
      requireBatch(db, args.batchId)
      return listRejects(db, args.batchId, args.offset, args.limit)
    },
    'import/rejects-csv': (args) => {
      requireBatch(db, args.batchId)
      return rejectsCsv(db, args.batchId, args.locale)
    },
    'import/undo': (args) => undoBatch(db, options.dbPath, args.batchId),
    'jobs/cancel': (args) => ({ cancelled: jobs.cancel(args.jobId) }),
    'data/overview': () => dataOverview(db),
    // Cutoffs are checked against the data before a job starts, so a bad one is refused at once.
    'model/train': (args) => ({
      jobId: startTrain({ ...args, cutoff: args.cutoff === undefined ? undefined : checkedScoringCutoff(db, args.horizonDays, args.cutoff, 'scoring') }, 'serving'),
    }),
    'model/evaluate': (args) => ({ jobId: startTrain({ horizonDays: args.horizonDays, cutoff: checkedScoringCutoff(db, args.horizonDays, args.cutoff, 'evaluation') }, 'evaluation') }),
    'model/report': (args) => (args.runId === undefined ? latestReport(db) : runReport(db, args.runId)),
    'customers/list': (args) => listCustomers(db, args),
    'customers/detail': (args) => customerDetail(db, args.customerId),
    'campaigns/list': () => listCampaigns(db),
    'campaigns/evaluate': (args) => evaluateCampaigns(db, args),
    'plan/create': (args) => ({ jobId: jobs.start({ kind: 'plan', dbPath: options.dbPath, nativeBinding: options.nativeBinding, settings: args }) }),
    'plan/resolve': (args) => plans.resolve(args),
    'plan/get': (args) => plans.get(args),
    'plan/list': () => plans.list(),
    'plan/rows': (args) => plans.rows(args),
    'plan/lock': (args) => plans.lock(args),
    'plan/approve': (args) => plans.approve(args),
    'export/plans': () => exports.plans(),
    'export/preview': (args) => exports.preview(args),
    // A job (progress and cancel): the folder is asked here, in the face's process, and the job writes there.
    'export/write': async (args) => {
      const prepared = await exports.prepareWrite(args)
      if ('cancelled' in prepared) return prepared.cancelled
      const jobId = jobs.start({ kind: 'export', dbPath: options.dbPath, nativeBinding: options.nativeBinding, args, folder: prepared.folder })
      const outcome = await jobs.wait(jobId)
      if (outcome?.status === 'exported') return outcome.written
      if (outcome?.status === 'cancelled') return exports.cancelled(args)
      const issue = outcome?.status === 'failed' ? outcome.issue : null
      const { code, ...params } = issue?.params ?? {}
      throw new EngineError(typeof code === 'string' ? code : 'export.failed', issue?.message ?? 'The export stopped unexpectedly. Nothing was stored.', params)
    },
    'results/campaign': (args) => campaignResult(db, args.campaignId),
    'results/plan': (args) => campaignResult(db, planCampaignId(db, args.planId)),
    'results/import-accounting': (args) => importAccounting(db, args.campaignId, args.batchId),
  }

  return {
    async call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
      if (!isChannel(channel)) throw new EngineError('api.unknown-channel', `Unknown call: ${String(channel)}`)
      const valid = validateArgs(channel, args)
      const handler = handlers[channel] as (args: ArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>
      return handler(valid)
    },
    on<E extends EventName>(event: E, listener: (payload: EngineEvents[E]) => void): () => void {
      events.on(event, listener)
      return () => events.off(event, listener)
    },
    files,
    waitForJob: (jobId) => jobs.wait(jobId),
    async close() {
      await jobs.close()
      store.close()
    },
  }
}
