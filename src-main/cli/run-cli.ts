import { writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { CustomerSort, EngineErrorPayload, ImportRequest, JobOutcome } from '../engine/api'
import { EngineError } from '../engine/api-schema'
import { createEngine, type Engine, type EngineOptions } from '../engine/engine'
import type { CanonicalField, ColumnMapping, DateOrder } from '../engine/ingest/formats/fields'
import { defaultDbPath } from '../engine/paths'
import { startWebBridge } from '../web-bridge'
import { parseCommand, UsageError } from './args'
import { describeBatch, describeCustomers, describeOverview, describeReport } from './format-output'

const USAGE = `Usage: offerwise <command> [options]

Commands:
  inspect FILE                 Show the detected format and column mapping of a file
  import FILE...               Import order, customer or product files
      --format ID              Use this format instead of the detected one
      --map field=Column       Map a field to a column (repeatable)
      --date-order ORDER       auto | dmy | mdy | ymd (default auto)
      --currency CODE          Currency when the file has none (e.g. GBP)
  sample                       Import the bundled sample shop
  batches                      List imports
  rejects BATCH [--out FILE] [--locale en|zh-CN]
                               Rows an import could not use, with reasons (CSV)
  undo BATCH                   Take an import back out (a backup is made first)
  overview                     What is in the store
  train [--cutoff DATE] [--horizon 90d] [--epochs purchase=N,sequence=N,affinity=N]
                               Learn from the history; prints the models and their metrics
  evaluate --cutoff DATE [--horizon 90d] [--epochs ...]
                               Every model beside its baselines, judged on [DATE, DATE + horizon)
  customers [--top N] [--sort p-buy|spend|recent|discount-sensitivity] [--search TEXT]
                               Customers with their scores from the latest training
  serve [--port N]             Serve the app UI on 127.0.0.1 behind a token

Every command takes --db FILE (default: the app's data folder) and --json.`

/** Paths of the built app, relative to out/main/cli.js. */
const resourcesDir = resolve(__dirname, '../../resources')
const rendererDir = resolve(__dirname, '../renderer')
const workerScript = join(__dirname, 'job-worker.js')

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return command ? 0 : 2
  }
  let engine: Engine | null = null
  let json = false
  try {
    const open = (db: string | undefined, trainDefaults?: EngineOptions['trainDefaults']): Engine =>
      (engine = createEngine({ dbPath: resolve(db ?? defaultDbPath()), resourcesDir, shell: 'web-bridge', workerScript, trainDefaults }))
    switch (command) {
      case 'inspect': {
        const { values, positionals } = parseCommand(rest, { format: { type: 'string' } })
        json = values.json
        const path = onePath(positionals)
        const result = await open(values.db).call('import/inspect', { path: resolve(path), presetId: values.format })
        print(json, result, () =>
          [
            `${result.fileName}: ${result.presetId} (${Math.round((result.guesses[0]?.confidence ?? 0) * 100)}% sure), ${result.kind}${result.gzip ? ' .gz' : ''}, ${result.encoding}, delimiter ${JSON.stringify(result.delimiter)}`,
            ...Object.entries(result.mapping).map(([field, column]) => `  ${field.padEnd(18)} ← ${column}`),
            ...result.blockers.map((b) => `  ! ${b.message}`),
          ].join('\n'),
        )
        return result.blockers.length > 0 ? 1 : 0
      }
      case 'import': {
        const { values, positionals } = parseCommand(rest, {
          format: { type: 'string' },
          map: { type: 'string', multiple: true },
          'date-order': { type: 'string', default: 'auto' },
          currency: { type: 'string' },
        })
        json = values.json
        if (positionals.length === 0) throw new UsageError('import needs at least one FILE')
        const dateOrder = values['date-order'] as DateOrder
        if (!['auto', 'dmy', 'mdy', 'ymd'].includes(dateOrder)) throw new UsageError('--date-order must be auto, dmy, mdy or ymd')
        const eng = open(values.db)
        const requests: ImportRequest[] = []
        for (const file of positionals) {
          const path = resolve(file)
          const inspection = await eng.call('import/inspect', { path, presetId: values.format }).catch((error: unknown) => {
            // Several files may be named: say which one the problem is in.
            if (error instanceof EngineError) throw new EngineError(error.code, `${file}: ${error.message}`, error.params)
            throw error
          })
          const mapping: ColumnMapping = { ...inspection.mapping, ...parseMappings(values.map ?? []) }
          requests.push({ path, presetId: inspection.presetId, mapping, dateOrder, currency: (values.currency ?? inspection.currency ?? 'USD').toUpperCase() })
        }
        const outcome = await runJob(eng, (await eng.call('import/start', { requests })).jobId, json)
        return await reportImport(eng, outcome, json)
      }
      case 'sample': {
        const { values } = parseCommand(rest, {})
        json = values.json
        const eng = open(values.db)
        const outcome = await runJob(eng, (await eng.call('import/sample', {})).jobId, json)
        return await reportImport(eng, outcome, json)
      }
      case 'batches': {
        const { values } = parseCommand(rest, {})
        json = values.json
        const batches = await open(values.db).call('import/batches', {})
        print(json, batches, () => batches.map((b) => `#${b.id} ${b.status.padEnd(9)} ${describeBatch(b)}`).join('\n') || 'No imports yet.')
        return 0
      }
      case 'rejects': {
        const { values, positionals } = parseCommand(rest, { out: { type: 'string' }, locale: { type: 'string', default: 'en' } })
        json = values.json
        const batchId = Number(onePath(positionals))
        const locale = values.locale === 'zh-CN' ? 'zh-CN' : 'en'
        const eng = open(values.db)
        if (json) {
          print(true, await eng.call('import/rejects', { batchId, offset: 0, limit: 1000 }), () => '')
          return 0
        }
        const { csv } = await eng.call('import/rejects-csv', { batchId, locale })
        if (values.out) writeFileSync(values.out, csv)
        else process.stdout.write(csv)
        return 0
      }
      case 'undo': {
        const { values, positionals } = parseCommand(rest, {})
        json = values.json
        const result = await open(values.db).call('import/undo', { batchId: Number(onePath(positionals)) })
        print(json, result, () => `Import #${result.batchId} undone: removed ${result.removed.orders} orders, ${result.removed.lines} lines, ${result.removed.customers} customers, ${result.removed.products} products.\nBackup: ${result.backupPath}`)
        return 0
      }
      case 'overview': {
        const { values } = parseCommand(rest, {})
        json = values.json
        const overview = await open(values.db).call('data/overview', {})
        print(json, overview, () => describeOverview(overview))
        return 0
      }
      case 'train':
      case 'evaluate': {
        const { values } = parseCommand(rest, { cutoff: { type: 'string' }, horizon: { type: 'string', default: '90d' }, epochs: { type: 'string' } })
        json = values.json
        const horizonDays = parseHorizon(values.horizon)
        const epochs = values.epochs === undefined ? undefined : parseEpochs(values.epochs)
        if (command === 'evaluate' && !values.cutoff) throw new UsageError('evaluate needs --cutoff DATE')
        // evaluate: the run's held-out window starts at the given cutoff, so customers are scored as of cutoff + horizon.
        const cutoff = command === 'evaluate' ? addDaysIso(values.cutoff!, horizonDays) : values.cutoff
        const eng = open(values.db, epochs ? { epochs } : undefined)
        const outcome = await runJob(eng, (await eng.call('model/train', { cutoff, horizonDays })).jobId, json)
        if (outcome.status === 'failed') throw new EngineError(String(outcome.issue.params?.code ?? 'learn.failed'), outcome.issue.message)
        if (outcome.status === 'cancelled') {
          process.stderr.write('Cancelled: nothing was saved.\n')
          return 130
        }
        const report = await eng.call('model/report', {})
        if (!report) throw new Error('The training run left no report.')
        print(json, report, () => describeReport(report))
        return 0
      }
      case 'customers': {
        const { values } = parseCommand(rest, {
          top: { type: 'string', default: '20' },
          sort: { type: 'string', default: 'p-buy' },
          search: { type: 'string', default: '' },
        })
        json = values.json
        const sort = values.sort as CustomerSort
        if (!['p-buy', 'spend', 'recent', 'discount-sensitivity'].includes(sort)) throw new UsageError('--sort must be p-buy, spend, recent or discount-sensitivity')
        const list = await open(values.db).call('customers/list', { search: values.search, sort, offset: 0, limit: Math.min(500, Math.max(1, Number(values.top))) })
        print(json, list, () => describeCustomers(list.rows, list.total))
        return 0
      }
      case 'serve': {
        const { values } = parseCommand(rest, { port: { type: 'string', default: '0' } })
        const dbPath = resolve(values.db ?? defaultDbPath())
        const eng = open(dbPath)
        const bridge = await startWebBridge({ engine: eng, rendererDir, uploadDir: join(dirname(dbPath), 'uploads'), port: Number(values.port) })
        if (values.json) process.stdout.write(`${JSON.stringify({ url: bridge.url, token: bridge.token, port: bridge.port })}\n`)
        else process.stdout.write(`Offerwise is running at ${bridge.url}\nOpen that address in a browser on this computer. Press Ctrl+C to stop.\n`)
        await new Promise<void>((done) => {
          const stop = (): void => void bridge.close().then(done)
          process.once('SIGINT', stop)
          process.once('SIGTERM', stop)
        })
        return 0
      }
      default:
        throw new UsageError(`Unknown command "${command}".`)
    }
  } catch (error) {
    return fail(error, json)
  } finally {
    await (engine as Engine | null)?.close()
  }
}

/** "purchase=20,sequence=3,affinity=4": caps on training epochs (quicker runs; early stopping still applies). */
function parseEpochs(text: string): NonNullable<NonNullable<EngineOptions['trainDefaults']>['epochs']> {
  const epochs: Record<string, number> = {}
  for (const part of text.split(',')) {
    const match = /^(purchase|sequence|affinity)=(\d+)$/.exec(part.trim())
    if (!match || Number(match[2]) < 1) throw new UsageError(`--epochs expects purchase=N,sequence=N,affinity=N, got "${part}"`)
    epochs[match[1]] = Number(match[2])
  }
  return epochs
}

/** "90d", "90" or "12w" → days. */
function parseHorizon(text: string): number {
  const match = /^(\d+)\s*([dw]?)$/i.exec(text.trim())
  if (!match) throw new UsageError(`--horizon expects days like 90d, got "${text}"`)
  return Number(match[1]) * (match[2].toLowerCase() === 'w' ? 7 : 1)
}

function addDaysIso(day: string, days: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError(`--cutoff expects YYYY-MM-DD, got "${day}"`)
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

function onePath(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('expected exactly one argument')
  return positionals[0]
}

function parseMappings(pairs: string[]): ColumnMapping {
  const mapping: ColumnMapping = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) throw new UsageError(`--map expects field=Column, got "${pair}"`)
    mapping[pair.slice(0, at) as CanonicalField] = pair.slice(at + 1)
  }
  return mapping
}

async function runJob(engine: Engine, jobId: string, json: boolean): Promise<JobOutcome> {
  const showProgress = !json && process.stderr.isTTY
  const off = engine.on('job/progress', (p) => {
    if (!showProgress || p.jobId !== jobId) return
    const percent = p.total ? Math.floor((p.done / p.total) * 100) : 0
    const detail = p.kind === 'train' ? (p.loss === undefined ? '' : `loss ${p.loss.toFixed(4)}`) : `${p.rows.toLocaleString('en')} rows  ${p.rowsPerSecond.toLocaleString('en')} rows/s`
    process.stderr.write(`\r${p.step.padEnd(18)} ${String(percent).padStart(3)}%  ${detail}  ETA ${p.etaSeconds ?? '?'} s        `)
  })
  const cancel = (): void => void engine.call('jobs/cancel', { jobId })
  process.once('SIGINT', cancel)
  try {
    const outcome = await engine.waitForJob(jobId)
    if (!outcome) throw new Error('The job ended before it could be followed.')
    return outcome
  } finally {
    off()
    process.off('SIGINT', cancel)
    if (showProgress) process.stderr.write('\n')
  }
}

async function reportImport(engine: Engine, outcome: JobOutcome, json: boolean): Promise<number> {
  if (outcome.status === 'failed') throw new EngineError(`reject.${outcome.issue.code}`, outcome.issue.message, outcome.issue.params)
  if (outcome.status === 'trained') throw new Error('An import job cannot end with a model.')
  const all = await engine.call('import/batches', {})
  const batches = outcome.batchIds.map((id) => all.find((b) => b.id === id)).filter((b) => b !== undefined)
  print(json, { status: outcome.status, batches }, () =>
    [...batches.map(describeBatch), ...(outcome.status === 'cancelled' ? ['Cancelled: the file being read was left out; nothing of it was saved.'] : [])].join('\n'),
  )
  const anyFailed = batches.some((b) => b.failure !== null)
  return outcome.status === 'cancelled' ? 130 : anyFailed ? 1 : 0
}

function print<T>(json: boolean, value: T, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`)
}

function fail(error: unknown, json: boolean): number {
  const usage = error instanceof UsageError
  const payload: EngineErrorPayload =
    error instanceof EngineError
      ? { code: error.code, message: error.message, params: error.params }
      : { code: usage ? 'cli.usage' : 'cli.error', message: error instanceof Error ? error.message : String(error) }
  process.stderr.write(json ? `${JSON.stringify({ error: payload })}\n` : `offerwise: ${payload.message}\n${usage ? `\n${USAGE}\n` : ''}`)
  return usage ? 2 : 1
}
