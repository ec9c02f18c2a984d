import type { Plan, PlanListItem } from '../engine/planner/planner-api'
import { offerPhrase } from '../engine/export/offer-text'

const number = new Intl.NumberFormat('en')

/** A plan in a terminal: what it costs and earns, where extra budget stops paying, and how sure the response is. */
export function describePlan(p: Plan): string {
  const money = new Intl.NumberFormat('en', { style: 'currency', currency: p.currency })
  const s = p.summary
  const lines = [
    `Plan #${p.id} (${p.status}), ${p.startsAt} to ${p.expiresAt}, budget ${money.format(p.settings.budget)} (${p.settings.budgetMode === 'expected' ? 'expected discount cost' : 'face value'})`,
    `  coupons ${number.format(s.coupons)} · held out ${number.format(s.holdout)} (control group) · excluded ${number.format(s.excluded)} · planned for ${number.format(s.eligible + s.holdout + s.excluded)}`,
    `  expected discount cost ${money.format(s.expectedCost)} (face value ${money.format(s.faceValue)})`,
    `  expected extra orders ${s.expectedExtraOrders.toFixed(1)}, extra revenue ${money.format(s.expectedExtraRevenue)}, incremental profit ${money.format(s.expectedIncrementalProfit)} (cautious: ${money.format(s.cautiousProfit)})`,
  ]
  if (p.byOffer.length > 0) {
    lines.push('', 'By offer                                   coupons   cost        profit')
    for (const o of p.byOffer) lines.push(`  ${(o.offer ? offerPhrase(o.offer, p.currency, 'en') : o.offerId).padEnd(40)} ${String(o.coupons).padStart(7)}   ${money.format(o.cost).padStart(10)}  ${money.format(o.profit).padStart(10)}`)
  }
  if (p.bySegment.length > 0) {
    lines.push('', 'By segment      coupons   cost        profit')
    for (const g of p.bySegment) lines.push(`  ${g.segment.padEnd(12)} ${String(g.coupons).padStart(7)}   ${money.format(g.cost).padStart(10)}  ${money.format(g.profit).padStart(10)}`)
  }
  const excluded = Object.entries(p.exclusionCounts).filter(([, count]) => count > 0)
  if (excluded.length > 0) lines.push('', `Left out: ${excluded.map(([rule, count]) => `${rule} ${number.format(count)}`).join(', ')}`)
  const top = p.frontier.at(-1)
  if (top) {
    const knee = p.frontier.find((point) => point.profit >= 0.9 * top.profit)
    lines.push('', `Profit vs budget: ${p.frontier.map((f) => `${money.format(f.budget)}→${money.format(f.profit)}`).join('  ')}`)
    if (knee) lines.push(`  90% of the most this plan can earn (${money.format(top.profit)}) is reached at a budget of ${money.format(knee.budget)}.`)
  }
  const r = p.response
  lines.push('')
  if (r.kind === 'assumed') {
    lines.push(`Response assumed, not measured: this plan's holdout will measure it (prior: a coupon multiplies the most responsive customers' purchase rate by up to ${r.prior?.maxRateMultiplier ?? '?'}).`)
  } else if (r.evaluation) {
    const e = r.evaluation
    lines.push(`Response measured from ${r.campaigns} randomised campaign(s); judged on ${number.format(e.heldOutMembers)} held-out members (fitted on ${number.format(e.trainMembers)}):`)
    lines.push(`  Qini coefficient ${e.qiniCoefficient.toFixed(4)}, AUUC ${e.auuc.toFixed(4)}`)
    for (const u of e.upliftAt) lines.push(`  uplift@${Math.round(u.share * 100)}%: ${(u.model * 100).toFixed(1)} points (random targeting: ${(u.random * 100).toFixed(1)})`)
    for (const d of e.perDepth) lines.push(`  ${Math.round(d.depth * 100)}% off: predicted lift ${(d.predictedLift * 100).toFixed(1)} points, observed ${(d.observedLift * 100).toFixed(1)} (${d.members} members)`)
  } else {
    lines.push(`Response measured from ${r.campaigns} randomised campaign(s) (too few members to hold any out for judging).`)
  }
  return lines.join('\n')
}

export function describePlanList(plans: PlanListItem[], currency: string): string {
  if (plans.length === 0) return 'No plans yet: `offerwise plan --budget AMOUNT` makes one.'
  const money = new Intl.NumberFormat('en', { style: 'currency', currency })
  return plans.map((p) => `#${p.id} ${p.status.padEnd(8)} ${p.createdAt.slice(0, 16).replace('T', ' ')}  budget ${money.format(p.budget)}  ${number.format(p.coupons)} coupons  expected profit ${money.format(p.expectedIncrementalProfit)}`).join('\n')
}
