import { resolve } from 'node:path'
import type { CampaignSummary } from '../../engine/campaigns/campaigns-api'
import type { Engine } from '../../engine/engine'
import type { ColumnMapping, DateOrder } from '../../engine/ingest/formats/fields'
import { UsageError } from '../args'
import type { CliCommand } from '../command'
import { parseMappings, parseWholeNumber } from '../options'
import type { ResponseSummary } from '../../engine/planner/planner-api'
import { print } from '../output'
import { runJob } from '../run-job'
import { reportImport } from './import'

type Values = { db?: string; json: boolean; progress: boolean; map?: string[]; 'date-order': string; currency?: string }

/**
 * `offerwise campaigns <import|list>`: campaign history. Import is the ordinary
 * import job with the campaign-members layout, so the output and the
 * accounting are exactly `import`'s. `campaigns evaluate` (the response
 * model's held-out evaluation) is a further subcommand in SUBCOMMANDS.
 */
const SUBCOMMANDS: Record<string, (engine: Engine, files: string[], values: Values) => Promise<number>> = {
  import: importCampaigns,
  list: listCampaignsCommand,
  evaluate: evaluateCampaignsCommand,
}

export const campaignsCommand: CliCommand = {
  name: 'campaigns',
  usage: [
    '  campaigns import FILE...     Import past campaigns (one row per customer contacted or held out)',
    '      --map field=Column       Map a field to a column (repeatable), as for import',
    '      --date-order ORDER       auto | dmy | mdy | ymd (default auto)',
    '  campaigns list               Campaigns with their arms, offer levels and conversion',
    '  campaigns evaluate [ID]      The response model judged on campaign members it never saw: Qini, AUUC,',
    '                               uplift@10/20/30% beside random targeting, predicted vs observed lift per depth',
  ].join('\n'),
  async run(argv, ctx) {
    const { values, positionals } = ctx.parse(argv, {
      map: { type: 'string', multiple: true },
      'date-order': { type: 'string', default: 'auto' },
      currency: { type: 'string' },
      progress: { type: 'boolean', default: false },
    })
    const [sub, ...files] = positionals
    const handler = sub === undefined ? undefined : SUBCOMMANDS[sub]
    if (!handler) throw new UsageError(`campaigns needs one of: ${Object.keys(SUBCOMMANDS).join(', ')}`)
    return handler(ctx.open(values.db), files, values as Values)
  },
}

async function importCampaigns(engine: Engine, files: string[], values: Values): Promise<number> {
  if (files.length === 0) throw new UsageError('campaigns import needs at least one FILE')
  const dateOrder = values['date-order'] as DateOrder
  if (!['auto', 'dmy', 'mdy', 'ymd'].includes(dateOrder)) throw new UsageError('--date-order must be auto, dmy, mdy or ymd')
  const requests = []
  for (const file of files) {
    const handle = engine.files.register(resolve(file))
    // The layout is known: a campaign file is never read as orders or customers, whatever its header resembles.
    const inspection = await engine.call('import/inspect', { file: handle, presetId: 'campaign-members' })
    const mapping: ColumnMapping = { ...inspection.mapping, ...parseMappings(values.map ?? []) }
    requests.push({ file: handle, presetId: inspection.presetId, mapping, dateOrder, currency: (values.currency ?? inspection.currency ?? 'USD').toUpperCase() })
  }
  const outcome = await runJob(engine, (await engine.call('import/start', { requests })).jobId, values)
  return reportImport(engine, outcome, values.json)
}

async function listCampaignsCommand(engine: Engine, files: string[], values: Values): Promise<number> {
  if (files.length > 0) throw new UsageError('campaigns list takes no FILE')
  const campaigns = await engine.call('campaigns/list', {})
  print(values.json, campaigns, () => campaigns.map(describeCampaign).join('\n') || 'No campaigns yet.')
  return 0
}

async function evaluateCampaignsCommand(engine: Engine, ids: string[], values: Values): Promise<number> {
  if (ids.length > 1) throw new UsageError('campaigns evaluate takes at most one campaign ID')
  const campaignId = ids[0] === undefined ? undefined : parseWholeNumber('campaign ID', ids[0], { min: 1, max: 2 ** 31 - 1 })
  const summary = await engine.call('campaigns/evaluate', campaignId === undefined ? {} : { campaignId })
  print(values.json, summary, () => describeEvaluation(summary))
  return 0
}

function describeEvaluation(r: ResponseSummary): string {
  if (r.kind === 'assumed') {
    return 'No randomised campaign is big enough to measure response (at least 50 treated and 20 control members with known outcomes): plans use the documented prior, labelled "assumed".'
  }
  const e = r.evaluation
  if (!e) return `Measured from ${r.campaigns} campaign(s), but too few members to hold any out for judging.`
  const points = (x: number): string => `${(x * 100).toFixed(1)} points`
  return [
    `Response model on ${r.campaigns} randomised campaign(s): every one of ${e.heldOutMembers} members scored by a model fitted without them (cross-fitted; ${e.trainMembers} members per fit)`,
    `  Qini coefficient ${e.qiniCoefficient.toFixed(4)} (random targeting: 0), AUUC ${e.auuc.toFixed(4)}`,
    ...e.upliftAt.map((u) => `  uplift@${Math.round(u.share * 100)}%: ${points(u.model)} (random targeting: ${points(u.random)})`),
    ...e.perDepth.map((d) => `  ${Math.round(d.depth * 100)}% off: predicted lift ${points(d.predictedLift)}, observed ${points(d.observedLift)} (${d.members} members)`),
  ].join('\n')
}

function describeCampaign(c: CampaignSummary): string {
  const levels = c.levels.map((l) => (l.discountType === 'percent' ? `${l.discountValue}%` : l.discountType === 'none' ? 'no discount' : `${l.discountType} ${l.discountValue}`)).join(', ')
  const share = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)
  const converted = c.converted === null ? 'outcomes unknown' : `bought: treatment ${share(c.converted.treatment)}, control ${share(c.converted.control)}`
  return `#${c.id} ${c.name} (${c.sentAt.slice(0, 10)} → ${c.expiresAt.slice(0, 10)}): ${c.members} members, ${c.treatment} treatment / ${c.control} control; ${levels || 'no offer'}; ${converted}; ${c.redeemed} redeemed${c.unknown > 0 ? `; ${c.unknown} unknown` : ''}`
}
