import type { CampaignResult, LevelResult } from '../../engine/results/results-api'
import type { Interval } from '../../engine/results/lift'
import { UsageError } from '../args'
import type { CliCommand } from '../command'
import { parseWholeNumber } from '../options'
import { print } from '../output'
import { importCommand } from './import'

/**
 * `offerwise results CAMPAIGN_ID`: the measured lift of a campaign (imported or
 * a plan's own) against its holdout, per offer level, with the plan's
 * prediction beside it. `offerwise results import FILE...` is `import` itself
 * (orders with discount codes, or a redemptions file, detected by its header),
 * so the accounting, rejects and undo are the same.
 */
export const resultsCommand: CliCommand = {
  name: 'results',
  usage: [
    '  results CAMPAIGN_ID          Measured lift against the holdout, per offer level and segment, predicted vs measured (95% CIs, p-values)',
    '  results import FILE...       Import what happened: orders with discount codes, or a redemptions file (as import)',
  ].join('\n'),
  async run(argv, ctx) {
    if (argv[0] === 'import') return importCommand.run(argv.slice(1), ctx)
    const { values, positionals } = ctx.parse(argv, {})
    if (positionals.length !== 1) throw new UsageError('results needs one CAMPAIGN_ID (see: offerwise campaigns list)')
    const campaignId = parseWholeNumber('campaign ID', positionals[0], { min: 1, max: 2 ** 31 - 1 })
    const engine = ctx.open((values as { db?: string }).db)
    const result = await engine.call('results/campaign', { campaignId })
    print((values as { json?: boolean }).json === true, result, () => describe(result))
    return 0
  },
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
