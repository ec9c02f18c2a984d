import type { CustomerScore, DataOverview, ImportBatchSummary, ModelReport } from '../engine/api'

const number = new Intl.NumberFormat('en')

/** Say what happened: rows repeating an earlier row of the same file are not "already in your data". */
function duplicateWords(batch: ImportBatchSummary): string {
  if (batch.duplicate > 0 && batch.repeatedInFile === batch.duplicate) return 'repeated in this file'
  if (batch.repeatedInFile > 0) return `duplicates (${number.format(batch.repeatedInFile)} repeated in this file, ${number.format(batch.duplicate - batch.repeatedInFile)} already in your data)`
  return 'already in your data'
}

export function describeBatch(batch: ImportBatchSummary): string {
  if (batch.failure) return `${batch.fileName}: not imported: ${batch.failure.message}`
  const lines = [
    `${batch.fileName} (${batch.presetId}, import #${batch.id}): ${number.format(batch.rows)} rows = ` +
      `${number.format(batch.imported)} imported + ${number.format(batch.duplicate)} ${duplicateWords(batch)} + ${number.format(batch.rejected)} rejected`,
    `  added ${number.format(batch.added.orders)} orders, ${number.format(batch.added.lines)} lines, ` +
      `${number.format(batch.added.customers)} customers, ${number.format(batch.added.products)} products ` +
      `(${number.format(batch.added.returns)} returns, ${number.format(batch.added.guestOrders)} guest orders)`,
  ]
  if (batch.rejected > 0) lines.push(`  rejects: offerwise rejects ${batch.id} --out rejects.csv`)
  return lines.join('\n')
}

export function describeOverview(o: DataOverview): string {
  const money = new Intl.NumberFormat('en', { style: 'currency', currency: o.currency })
  return [
    `customers        ${number.format(o.customers)} (${number.format(o.repeatCustomers)} bought more than once)`,
    `orders           ${number.format(o.orders)} (${number.format(o.salesOrders)} sales, ${number.format(o.guestSalesOrders)} of them guest; ${number.format(o.returnOrders)} returned, refunded or cancelled; ${number.format(o.discountedOrders)} sales with a discount)`,
    `products         ${number.format(o.products)}`,
    `order lines      ${number.format(o.lines)}`,
    `dates            ${o.firstOrderAt ?? '-'} to ${o.lastOrderAt ?? '-'}`,
    `revenue          ${money.format(o.revenue)} (returned ${money.format(o.returnedValue)}, discounts ${money.format(o.discountValue)})`,
    `average order    ${money.format(o.averageOrderValue)} over ${number.format(o.salesOrders)} sale orders (returns and cancellations left out)`,
    ...(o.currenciesInData.length > 1
      ? [`currencies       ${o.currenciesInData.map((c) => `${c.code} ${number.format(c.orders)}`).join(', ')}: not converted, shown as ${o.currency}`]
      : []),
  ].join('\n')
}

const fixed = (value: number, digits = 3): string => (Number.isFinite(value) ? value.toFixed(digits) : '-')
const mark = (name: string, chosen: string): string => (name === chosen ? '*' : ' ')

/** Every model beside its baselines, the chosen one per task marked with *. */
export function describeReport(r: ModelReport): string {
  const lines = [
    `Held-out window: ${r.evaluationCutoff} + ${r.horizonDays} days (trained on the window before it); scores as of ${r.scoringCutoff}`,
    `${number.format(r.customers)} customers, ${number.format(r.buyers)} bought in the window. Backend: ${r.backend.name} (${r.backend.reason})`,
  ]
  if (r.fallback) lines.push(`Too little data for a learned model (${r.fallback.reason}): transparent scores are used.`)
  lines.push('', 'Who will buy          kind       AUC    log loss  calib. error')
  for (const m of r.purchase) lines.push(`${mark(m.name, r.chosen.purchase)} ${m.name.padEnd(19)} ${m.kind.padEnd(9)} ${fixed(m.auc)}  ${fixed(m.logLoss)}     ${fixed(m.ece)}`)
  lines.push('', 'What they like        kind       recall@10  NDCG@10  hit@10  new-product recall@10')
  for (const m of r.affinity) lines.push(`${mark(m.name, r.chosen.affinity)} ${m.name.padEnd(19)} ${m.kind.padEnd(9)} ${fixed(m.recallAt10)}      ${fixed(m.ndcgAt10)}    ${fixed(m.hitAt10)}   ${fixed(m.newRecallAt10)}`)
  lines.push('', 'Next order            kind       category accuracy  days-to-next error')
  for (const m of r.sequence) lines.push(`${mark(m.name, r.chosen.nextCategory)} ${m.name.padEnd(19)} ${m.kind.padEnd(9)} ${fixed(m.nextCategoryAccuracy)}              ${fixed(m.daysToNextMae, 1)} days${m.name === r.chosen.daysToNext ? ' *' : ''}`)
  lines.push('', `Training seconds: ${Object.entries(r.trainingSeconds).map(([k, v]) => `${k} ${v}`).join(', ')}`)
  return lines.join('\n')
}

/** A chance in words that never claims certainty: "over 99%" / "under 1%". */
export function chanceText(p: number): string {
  if (p > 0.99) return 'over 99%'
  if (p < 0.01) return 'under 1%'
  return `${Math.round(p * 100)}%`
}

/** Customers by the shop's own id and name, money in the shop's currency. */
export function describeCustomers(rows: CustomerScore[], total: number, currency: string): string {
  if (rows.length === 0) return 'No scored customers yet: run `offerwise train` first.'
  const money = new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 })
  return [
    `${rows.length} of ${number.format(total)} customers`,
    'customer id   name / e-mail                     orders       spend    p(buy)  exp. spend  discount-sensitive  top category',
    ...rows.map((c) =>
      `${(c.shopId ?? '-').slice(0, 12).padEnd(13)} ${(c.name ?? c.email ?? '-').slice(0, 32).padEnd(33)} ${String(c.orders).padStart(6)} ${money.format(c.spend).padStart(11)}  ${chanceText(c.pBuy).padStart(8)}  ${money.format(c.expectedSpend).padStart(10)}  ${fixed(c.discountSensitivity, 2).padStart(18)}  ${c.topCategory ?? '-'}`,
    ),
  ].join('\n')
}
