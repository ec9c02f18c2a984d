import { resolve } from 'node:path'
import type { ImportRequest, JobOutcome } from '../../engine/api'
import { EngineError } from '../../engine/api-schema'
import type { Engine } from '../../engine/engine'
import type { ColumnMapping, DateOrder } from '../../engine/ingest/formats/fields'
import { UsageError } from '../args'
import type { CliCommand, CliContext } from '../command'
import { describeBatch } from '../format-output'
import { parseMappings } from '../options'
import { print } from '../output'
import { runJob } from '../run-job'

export const importCommand: CliCommand = {
  name: 'import',
  usage: [
    '  import FILE...               Import order, customer or product files',
    '      --format ID              Use this format instead of the detected one',
    '      --map field=Column       Map a field to a column (repeatable)',
    '      --date-order ORDER       auto | dmy | mdy | ymd (default auto)',
    '      --currency CODE          Currency when the file has none (e.g. GBP)',
    '      --keep-readable-part     Import the rows before the point where a damaged file stops',
    '                               (otherwise such a file fails and nothing of it is written)',
    '      --progress               Progress on stderr even with --json (also for sample, train, evaluate)',
  ].join('\n'),
  async run(argv, ctx) {
    const { engine, outcome, json } = await importFiles(argv, ctx)
    return await reportImport(engine, outcome, json)
  },
}

/**
 * Reads and imports the FILEs named in `argv` (with import's options) as one job, and waits for it.
 * `before` runs on the opened store before anything is read (a check that should refuse early).
 */
export async function importFiles(argv: string[], ctx: CliContext, before?: (engine: Engine) => Promise<void>): Promise<{ engine: Engine; outcome: JobOutcome; json: boolean }> {
  const { values, positionals } = ctx.parse(argv, {
    format: { type: 'string' },
    map: { type: 'string', multiple: true },
    'date-order': { type: 'string', default: 'auto' },
    currency: { type: 'string' },
    'keep-readable-part': { type: 'boolean', default: false },
    progress: { type: 'boolean', default: false },
  })
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE')
  const dateOrder = values['date-order'] as DateOrder
  if (!['auto', 'dmy', 'mdy', 'ymd'].includes(dateOrder)) throw new UsageError('--date-order must be auto, dmy, mdy or ymd')
  const eng = ctx.open(values.db)
  await before?.(eng)
  const requests: ImportRequest[] = []
  for (const file of positionals) {
    // The CLI's user is trusted: the files named on the command line are the files chosen.
    const handle = eng.files.register(resolve(file))
    const inspection = await eng.call('import/inspect', { file: handle, presetId: values.format }).catch((error: unknown) => {
      // Several files may be named: say which one the problem is in.
      if (error instanceof EngineError) throw new EngineError(error.code, `${file}: ${error.message}`, error.params)
      throw error
    })
    const unsure = inspection.blockers.find((blocker) => blocker.code === 'file.format-unsure')
    if (unsure && !values.format) {
      // Nothing is written: a file read as the wrong kind (customers for orders) is worse than none.
      const best = inspection.guesses.find((guess) => guess.presetId === inspection.presetId) ?? inspection.guesses[0]
      const command = `offerwise import ${file} --format ${best?.presetId ?? 'generic-orders'}`
      throw new EngineError('reject.file.format-unsure', `${file}: ${unsure.message} To import it, name the format: ${command} (add --map field=Column where needed).`, { ...unsure.params, command })
    }
    const mapping: ColumnMapping = { ...inspection.mapping, ...parseMappings(values.map ?? []) }
    requests.push({
      file: handle, presetId: inspection.presetId, mapping, dateOrder, currency: (values.currency ?? inspection.currency ?? 'USD').toUpperCase(),
      ...(values['keep-readable-part'] ? { keepReadablePart: true } : {}),
    })
  }
  const outcome = await runJob(eng, (await eng.call('import/start', { requests })).jobId, values)
  return { engine: eng, outcome, json: values.json }
}

export const sampleCommand: CliCommand = {
  name: 'sample',
  usage: '  sample                       Import the bundled sample shop',
  async run(argv, ctx) {
    const { values } = ctx.parse(argv, { progress: { type: 'boolean', default: false } })
    const eng = ctx.open(values.db)
    const outcome = await runJob(eng, (await eng.call('import/sample', {})).jobId, values)
    return await reportImport(eng, outcome, values.json)
  },
}

/** Prints the batches an import job made; exit 1 when a file failed, 130 when cancelled. */
export async function reportImport(engine: Engine, outcome: JobOutcome, json: boolean): Promise<number> {
  const batches = await importedBatches(engine, outcome)
  print(json, { status: outcome.status, batches }, () =>
    [...batches.map(describeBatch), ...(outcome.status === 'cancelled' ? ['Cancelled: the file being read was left out; nothing of it was saved.'] : [])].join('\n'),
  )
  return importExitCode(outcome, batches)
}

/** The batches an import job made (throws the job's failure). */
export async function importedBatches(engine: Engine, outcome: JobOutcome) {
  if (outcome.status === 'failed') throw new EngineError(`reject.${outcome.issue.code}`, outcome.issue.message, outcome.issue.params)
  if (outcome.status === 'trained' || outcome.status === 'planned' || outcome.status === 'exported') throw new Error('An import job cannot end with a model, a plan or an export.')
  const all = await engine.call('import/batches', {})
  return outcome.batchIds.map((id) => all.find((b) => b.id === id)).filter((b) => b !== undefined)
}

/** 1 when a file failed, 130 when cancelled, else 0. */
export function importExitCode(outcome: JobOutcome, batches: readonly { failure: unknown }[]): number {
  return outcome.status === 'cancelled' ? 130 : batches.some((b) => b.failure !== null) ? 1 : 0
}
