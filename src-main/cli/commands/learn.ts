import type { ModelReport } from '../../engine/api'
import { EngineError } from '../../engine/api-schema'
import type { Engine } from '../../engine/engine'
import { UsageError } from '../args'
import type { CliCommand, CliContext } from '../command'
import { describeReport } from '../format-output'
import { parseCutoff, parseEpochs, parseHorizon } from '../options'
import { print } from '../output'
import { runJob } from '../run-job'

const OPTIONS = {
  cutoff: { type: 'string' },
  horizon: { type: 'string', default: '90d' },
  epochs: { type: 'string' },
  progress: { type: 'boolean', default: false },
} as const

export const trainCommand: CliCommand = {
  name: 'train',
  usage: ['  train [--cutoff DATE] [--horizon 90d] [--epochs purchase=N,sequence=N,affinity=N]', '                               Learn from the history; prints the models and their metrics'].join('\n'),
  async run(argv, ctx) {
    const { values } = ctx.parse(argv, OPTIONS)
    const horizonDays = parseHorizon(values.horizon)
    const cutoff = values.cutoff === undefined ? undefined : parseCutoff(values.cutoff)
    const eng = openForTraining(ctx, values.db, values.epochs)
    return finish(eng, await runJob(eng, (await eng.call('model/train', { cutoff, horizonDays })).jobId, values), values.json, describeReport)
  },
}

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  usage: [
    '  evaluate --cutoff DATE [--horizon 90d] [--epochs ...]',
    '                               Every model beside its baselines, judged on [DATE, DATE + horizon);',
    '                               the customer scores in use stay as they are',
  ].join('\n'),
  async run(argv, ctx) {
    const { values } = ctx.parse(argv, OPTIONS)
    if (values.cutoff === undefined) throw new UsageError('evaluate needs --cutoff DATE')
    const horizonDays = parseHorizon(values.horizon)
    const cutoff = parseCutoff(values.cutoff)
    const eng = openForTraining(ctx, values.db, values.epochs)
    // An evaluation run is stored apart and never serves (docs/learning.md), so the report printed is that run's own.
    const outcome = await runJob(eng, (await eng.call('model/evaluate', { cutoff, horizonDays })).jobId, values)
    return finish(eng, outcome, values.json, (report) => `${describeReport(report)}\nEvaluation only: the customer scores in use are unchanged.`)
  },
}

function openForTraining(ctx: CliContext, db: string | undefined, epochsText: string | undefined): Engine {
  const epochs = epochsText === undefined ? undefined : parseEpochs(epochsText)
  return ctx.open(db, epochs ? { epochs } : undefined)
}

async function finish(eng: Engine, outcome: Awaited<ReturnType<typeof runJob>>, json: boolean, describe: (report: ModelReport) => string): Promise<number> {
  if (outcome.status === 'failed') throw new EngineError(String(outcome.issue.params?.code ?? 'learn.failed'), outcome.issue.message)
  if (outcome.status === 'cancelled') {
    process.stderr.write('Cancelled: nothing was saved.\n')
    return 130
  }
  if (outcome.status !== 'trained') throw new Error('A training job cannot end with imports.')
  const report = await eng.call('model/report', { runId: outcome.runId })
  if (!report) throw new Error('The training run left no report.')
  print(json, report, () => describe(report))
  return 0
}
