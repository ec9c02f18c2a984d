import { createHash } from 'node:crypto'
import { issue } from '../../shared/issue'
import { cleanExternalId, customerKeyOf, productKeyOf, type CustomerRecord, type OrderRecord, type ProductRecord } from './normalised'
import { readOrderFields, round4 } from './normalise-order-line'
import { CellReader, type Normalised, type RowContext } from './row-context'

/**
 * A one-row-per-order sheet: the order and its stated total, without line
 * items. Without an order-number column it is a transaction log (one row per
 * purchase) and each row is one order keyed by transactionKey.
 */
export function normaliseOrderSummary(ctx: RowContext, cells: readonly string[], lineNo: number): Normalised<OrderRecord> {
  const order = readOrderFields(ctx, cells, lineNo)
  if (!order.ok) return order
  if (order.value.record.total === null) {
    const column = ctx.columns.columnOf('order_total', ctx.header) ?? 'order_total'
    return { ok: false, issue: issue(lineNo, 'value.required', 'The order total is empty.', { field: 'order_total', column }, column) }
  }
  const record = order.value.record
  if (!ctx.columns.has('order_id')) record.orderKey = transactionKey(ctx, record, cells)
  // A negative total is a refund or credit note, not a sale.
  if (record.total !== null && record.total < 0) record.isReturnInvoice = true
  return { ok: true, value: record }
}

/** Per file (one RowContext per import): how often each transaction content has been seen so far. */
const occurrences = new WeakMap<RowContext, Map<string, number>>()

/**
 * The order number of a transaction-log row, which has none of its own:
 *
 *   txn:<customer key or "guest">:<order date and time>:<content hash>:<n>
 *
 * The content hash (SHA-256, 16 hex digits) covers every cell of the row,
 * trimmed, so it changes with anything the row says (quantity, amount, any
 * other column). `n` counts the rows of this file with the same customer,
 * date and content, from 1: two identical purchases on one day stay two
 * orders, and re-importing the same file (or a longer export of it with the
 * same columns, identical rows in the same order) gives the same keys, so it
 * adds nothing. A file with other columns, or the same purchases written
 * differently, makes different keys.
 */
export function transactionKey(ctx: RowContext, record: OrderRecord, cells: readonly string[]): string {
  const who = (record.customer && customerKeyOf(record.customer)) ?? 'guest'
  const hash = createHash('sha256').update(cells.map((cell) => cell.trim()).join('\u001f')).digest('hex').slice(0, 16)
  const base = `txn:${who}:${record.orderedAt}:${hash}`
  let seen = occurrences.get(ctx)
  if (!seen) occurrences.set(ctx, (seen = new Map()))
  const n = (seen.get(base) ?? 0) + 1
  seen.set(base, n)
  return `${base}:${n}`
}

// Shopify writes yes/no, Klaviyo SUBSCRIBED / NEVER_SUBSCRIBED / UNSUBSCRIBED, Mailchimp subscribed / cleaned.
const YES = /^(yes|y|true|1|subscribed|opted[\s_-]?in|granted|consented|是|接受|已订阅|同意)$/i
const NO = /^(no|n|false|0|unsubscribed|not[\s_-]?subscribed|never[\s_-]?subscribed|opted[\s_-]?out|suppressed|cleaned|declined|否|不接受|未订阅|拒绝|退订)$/i

export function normaliseCustomer(ctx: RowContext, cells: readonly string[], lineNo: number): Normalised<CustomerRecord> {
  const read = new CellReader(ctx, cells, lineNo)
  const first = read.text('first_name')
  const last = read.text('last_name')
  const fullName = read.text('customer_name') || [first, last].filter(Boolean).join(' ')
  const marketing = read.text('accepts_marketing')
  const signedUp = read.text('signed_up_at') === '' ? null : read.date('signed_up_at', false)
  const totalSpent = read.money('total_spent', null).value
  const ordersCount = read.quantity('orders_count')
  const lastOrder = read.text('last_order_at') === '' ? null : read.date('last_order_at', false)
  if (read.problem) return { ok: false, issue: read.problem }
  const record: CustomerRecord = {
    externalId: cleanExternalId(read.text('customer_id')),
    email: read.text('customer_email').toLowerCase(),
    name: fullName,
    country: read.text('country'),
    city: read.text('city'),
    acceptsMarketing: YES.test(marketing) ? true : NO.test(marketing) ? false : null,
    signedUpAt: signedUp?.local ?? null,
    tags: read.text('tags'),
    statedTotalSpent: totalSpent === null ? null : round4(totalSpent),
    statedOrders: ordersCount === null ? null : Math.round(ordersCount),
    statedLastOrderAt: lastOrder?.local ?? null,
  }
  if (record.externalId === '' && record.email === '' && record.name === '') {
    return { ok: false, issue: issue(lineNo, 'value.required', 'The row has no customer id, e-mail or name.', { field: 'customer_email' }) }
  }
  return { ok: true, value: record }
}

/**
 * A catalogue row. Rows that only continue a product (Shopify's image rows:
 * a Handle and nothing else) come back as `continuation` so they are counted,
 * not rejected.
 */
export function normaliseProduct(
  ctx: RowContext,
  cells: readonly string[],
  lineNo: number,
): Normalised<ProductRecord | { continuation: string }> {
  const read = new CellReader(ctx, cells, lineNo)
  const handle = read.text('product_key')
  const sku = read.text('sku')
  const name = read.text('product_name')
  const price = read.money('unit_price', null).value
  const cost = read.money('cost', null).value
  if (read.problem) return { ok: false, issue: read.problem }
  // No SKU and no price under a handle: an image or option row of the product above
  // (its title arrives filled down from that row, so the title alone proves nothing).
  if (sku === '' && price === null && handle !== '') return { ok: true, value: { continuation: handle } }
  if (sku === '' && name === '') {
    return { ok: false, issue: issue(lineNo, 'value.required', 'The row has neither a SKU nor a product name.', { field: 'sku' }) }
  }
  return {
    ok: true,
    value: {
      productKey: productKeyOf(sku, name),
      sku,
      name,
      category: read.text('category'),
      vendor: read.text('vendor'),
      price: price === null ? null : round4(price),
      cost: cost === null ? null : round4(cost),
      tags: read.text('tags'),
    },
  }
}
