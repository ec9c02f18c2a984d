import type { ImportBatchSummary, DataOverview } from '../engine/api'

const number = new Intl.NumberFormat('en')

export function describeBatch(batch: ImportBatchSummary): string {
  if (batch.failure) return `${batch.fileName}: not imported: ${batch.failure.message}`
  const lines = [
    `${batch.fileName} (${batch.presetId}, import #${batch.id}): ${number.format(batch.rows)} rows = ` +
      `${number.format(batch.imported)} imported + ${number.format(batch.duplicate)} duplicates + ${number.format(batch.rejected)} rejected`,
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
    `orders           ${number.format(o.orders)} (${number.format(o.guestOrders)} guest, ${number.format(o.returnOrders)} returns, ${number.format(o.discountedOrders)} with a discount)`,
    `products         ${number.format(o.products)}`,
    `order lines      ${number.format(o.lines)}`,
    `dates            ${o.firstOrderAt ?? '-'} to ${o.lastOrderAt ?? '-'}`,
    `revenue          ${money.format(o.revenue)} (returned ${money.format(o.returnedValue)}, discounts ${money.format(o.discountValue)})`,
  ].join('\n')
}
