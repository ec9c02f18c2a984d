import { EngineError } from '../../engine/api-schema'
import type { CampaignResult, LevelResult, ResultsImportAccounting } from '../../engine/results/results-api'
import type { Interval } from '../../engine/results/lift'
import { UsageError } from '../args'
import type { CliCommand, CliContext } from '../command'
import { describeBatch } from '../format-output'
import { parseWholeNumber } from '../options'
import { print } from '../output'
import { importCommand, importedBatches, importExitCode, importFiles } from './import'

/**
 * `offerwise results CAMPAIGN_ID` or `offerwise results --plan ID`: the
 * measured lift of a campaign (imported, or an approved plan's own) against
 * its holdout, per offer level and per segment, with the plan's prediction
 * beside it. `offerwise results import FILE... [--plan ID]` is `import` itself
 * (orders with discount codes, or a redemptions file, detected by its header),
 * so the accounting, rejects and undo are the same; with --plan it then
 * reports that plan's result too (as `{ import, result }` with --json).
 */
export const resultsCommand: CliCommand = {
  name: 'results',
  usage: [
    '  results CAMPAIGN_ID | --plan ID',
    '                               Measured lift against the holdout, per offer level and segment, predicted vs measured (95% CIs, p-values)',
    '  results import FILE... [--plan ID]',
    '                               Import what happened: orders with discount codes, or a redemptions file (as import);',
    "                               with --plan, then the plan's result",
  ].join('\n'),
  async run(argv, ctx) {
    if (argv[0] === 'import') return resultsImport(argv.slice(1), ctx)
    const { values, positionals } = ctx.parse(argv, { plan: { type: 'string' } })
    const planText = (values as { plan?: string }).plan
    if (positionals.length + (planText === undefined ? 0 : 1) !== 1) throw new UsageError('results needs one CAMPAIGN_ID (see: offerwise campaigns list) or --plan ID (see: offerwise plan list)')
    const engine = ctx.open((values as { db?: string }).db)
    const result =
      planText !== undefined
        ? await engine.call('results/plan', { planId: parseWholeNumber('--plan', planText, { min: 1, max: 2 ** 31 - 1 }) })
        : await engine.call('results/campaign', { campaignId: parseWholeNumber('campaign ID', positionals[0], { min: 1, max: 2 ** 31 - 1 }) })
    print((values as { json?: boolean }).json === true, result, () => describe(result))
    return 0
  },
}

/** `results import FILE... [--plan ID]`: --plan is taken out here, the rest is import's. */
async function resultsImport(argv: string[], ctx: CliContext): Promise<number> {
  const rest: string[] = []
  let planText: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--plan') {
      if (i + 1 >= argv.length) throw new UsageError('--plan needs a plan ID')
      planText = argv[++i]
    } else if (arg.startsWith('--plan=')) planText = arg.slice('--plan='.length)
    else rest.push(arg)
  }
  if (planText === undefined) return importCommand.run(rest, ctx)
  const planId = parseWholeNumber('--plan', planText, { min: 1, max: 2 ** 31 - 1 })
  // An unknown or draft plan is refused before any file is read.
  const { engine, outcome, json } = await importFiles(rest, ctx, async (e) => void (await e.call('results/plan', { planId })))
  const batches = await importedBatches(engine, outcome)
  const code = importExitCode(outcome, batches)
  const result = await engine.call('results/plan', { planId })
  const accounting = await Promise.all(batches.map((batch) => campaignAccounting(engine, result.campaign.id, batch.id)))
  const done = accounting.filter((a) => a !== null)
  print(json, { import: { status: outcome.status, batches }, accounting: done, result }, () =>
    [...batches.map(describeBatch), ...done.map((a) => describeAccounting(a, result.campaign.name)), '', describe(result)].join('\n'),
  )
  return code
}

/** What one imported file did for the campaign; null for a file that holds no orders or redemptions (a customer list, say). */
async function campaignAccounting(engine: Awaited<ReturnType<typeof importFiles>>['engine'], campaignId: number, batchId: number): Promise<ResultsImportAccounting | null> {
  try {
    return await engine.call('results/import-accounting', { campaignId, batchId })
  } catch (error) {
    if (error instanceof EngineError && error.code === 'results.import-not-orders') return null
    throw error
  }
}

function describeAccounting(a: ResultsImportAccounting, campaign: string): string {
  const f = (n: number): string => n.toLocaleString('en-US')
  if (a.redemptions) {
    const r = a.redemptions
    return [
      `For ${campaign} (import #${a.batchId}): ${f(r.matched)} redemptions matched to their holders`,
      `  not credited: ${f(r.otherCustomer)} used by someone other than the holder, ${f(r.unknownCode)} unknown codes, ${f(r.otherCampaigns)} of other campaigns, ${f(r.outsideWindow)} outside the window, ${f(r.sharedCode)} shared codes, ${f(r.other)} other rejects`,
    ].join('\n')
  }
  const o = a.orders!
  return [
    `For ${campaign} (import #${a.batchId}): ${f(o.inWindow)} sale orders in the window: ${f(o.treatment)} by customers with a coupon, ${f(o.holdout)} by the holdout, ${f(o.others)} by others`,
    `  codes: ${f(o.codeMatched)} used by their holders, ${f(o.codeOtherCustomer)} used by someone else (not credited)`,
  ].join('\n')
}

function describe(r: CampaignResult): string {
  const money = (v: number): string => `${r.currency} ${Math.round(v).toLocaleString('en-US')}`
  const pts = (v: number): string => `${(v * 100).toFixed(1)} pts`
  const range = (i: Interval, f: (v: number) => string): string => `${f(i.estimate)} (${f(i.low)} to ${f(i.high)})`
  const lines = [`#${r.campaign.id} ${r.campaign.name} (${r.campaign.sentAt.slice(0, 10)} → ${r.campaign.expiresAt.slice(0, 10)}): ${r.status}`, r.verdict.message]
  for (const w of r.warnings) lines.push(`  note: ${w.code} ${JSON.stringify(w.params)}`)
  if (r.overall) {
    const o = r.overall
    lines.push(
      `  bought: treatment ${o.treatment.buyers}/${o.treatment.members}, holdout ${o.control.buyers}/${o.control.members}; lift ${range(o.conversionLift, pts)}, p = ${o.conversionP.toFixed(3)}`,
      `  incremental (${Math.round(o.level * 100)}% CI): buyers ${range(o.incrementalBuyers, (v) => v.toFixed(1))}, revenue ${range(o.incrementalRevenue, money)} p = ${o.revenueP.toFixed(3)}, profit ${range(o.incrementalProfit, money)} p = ${o.profitP.toFixed(3)}; discounts ${money(o.discountCost)}`,
    )
  }
  if (r.predicted) lines.push(`  predicted: lift ${pts(r.predicted.conversionLift)}, buyers ${r.predicted.incrementalBuyers.toFixed(1)}, profit ${money(r.predicted.incrementalProfit)}, discounts ${money(r.predicted.discountCost)}`)
  lines.push(...segmentLines(r, range, pts, money))
  for (const level of r.levels) lines.push(`  ${levelName(level)} (${level.members}): ${level.lift ? `lift ${range(level.lift.conversionLift, pts)}, profit ${range(level.lift.incrementalProfit, money)}` : 'outcomes unknown'}${level.predicted ? `; predicted lift ${pts(level.predicted.conversionLift)}, profit ${money(level.predicted.incrementalProfit)}` : ''}`)
  return lines.join('\n')
}

function segmentLines(r: CampaignResult, range: (i: Interval, f: (v: number) => string) => string, pts: (v: number) => string, money: (v: number) => string): string[] {
  if (r.segmentSource === 'none') return r.overall ? ['  per segment: segments need an Offerwise plan, or orders from before the campaign to segment its members by'] : []
  if (r.segments.length === 0) return []
  const lines = [`  per segment (${r.segmentSource === 'plan' ? "the plan's segments" : 'segmented by history before the campaign'}; treated vs the same segment's holdout):`]
  for (const s of r.segments) {
    const l = s.lift
    lines.push(
      `    ${s.segment} (${s.treatment} treated, ${s.control} holdout): ${l ? `bought ${l.treatment.buyers}/${l.treatment.members} vs ${l.control.buyers}/${l.control.members}, lift ${range(l.conversionLift, pts)} p = ${l.conversionP.toFixed(3)}, profit ${range(l.incrementalProfit, money)} p = ${l.profitP.toFixed(3)}${s.small ? ' — small groups' : ''}` : 'outcomes unknown or no holdout in this segment'}`,
    )
  }
  return lines
}

function levelName(l: LevelResult): string {
  if (l.discountType === 'percent') return `${l.discountValue}% off`
  if (l.discountType === 'spend_x_save_y') return `spend ${l.minSpend} save ${l.discountValue}`
  if (l.discountType === 'free_shipping') return 'free shipping'
  return `${l.discountType} ${l.discountValue}`
}
