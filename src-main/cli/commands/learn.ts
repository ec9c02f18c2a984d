import { EngineError } from '../../engine/api-schema'
import { UsageError } from '../args'
import type { CliCommand, CliContext } from '../command'
import { describeReport } from '../format-output'
import { addDaysIso, parseEpochs, parseHorizon } from '../options'
import { print } from '../output'
import { runJob } from '../run-job'

export const trainCommand: CliCommand = {
  name: 'train',
  usage: ['  train [--cutoff DATE] [--horizon 90d] [--epochs purchase=N,sequence=N,affinity=N]', '                               Learn from the history; prints the models and their metrics'].join('\n'),
  run: (argv, ctx) => learn('train', argv, ctx),
}

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  usage: ['  evaluate --cutoff DATE [--horizon 90d] [--epochs ...]', '                               Every model beside its baselines, judged on [DATE, DATE + horizon)'].join('\n'),
  run: (argv, ctx) => learn('evaluate', argv, ctx),
}

async function learn(command: 'train' | 'evaluate', argv: string[], ctx: CliContext): Promise<number> {
  const { values } = ctx.parse(argv, { cutoff: { type: 'string' }, horizon: { type: 'string', default: '90d' }, epochs: { type: 'string' } })
  const horizonDays = parseHorizon(values.horizon)
  const epochs = values.epochs === undefined ? undefined : parseEpochs(values.epochs)
  if (command === 'evaluate' && !values.cutoff) throw new UsageError('evaluate needs --cutoff DATE')
  // evaluate: the run's held-out window starts at the given cutoff, so customers are scored as of cutoff + horizon.
  const cutoff = command === 'evaluate' ? addDaysIso(values.cutoff!, horizonDays) : values.cutoff
  const eng = ctx.open(values.db, epochs ? { epochs } : undefined)
  const outcome = await runJob(eng, (await eng.call('model/train', { cutoff, horizonDays })).jobId, values.json)
  if (outcome.status === 'failed') throw new EngineError(String(outcome.issue.params?.code ?? 'learn.failed'), outcome.issue.message)
  if (outcome.status === 'cancelled') {
    process.stderr.write('Cancelled: nothing was saved.\n')
    return 130
  }
  const report = await eng.call('model/report', {})
  if (!report) throw new Error('The training run left no report.')
  print(values.json, report, () => describeReport(report))
  return 0
}
