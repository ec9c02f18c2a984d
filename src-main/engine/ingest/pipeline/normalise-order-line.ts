import { issue } from '../../shared/issue'
import { ORDER_FIELDS } from '../formats/fields'
import { classifyLine } from './line-kind'
import { cleanExternalId, productKeyOf, type LineRecord, type OrderRecord } from './normalised'
import { normaliseStatus } from './order-status'
import { CellReader, missingField, type Normalised, type RowContext } from './row-context'

export interface OrderLineRow {
  order: OrderRecord
  line: LineRecord
}

/** One line-item row → its order fields and its line, or the reason it cannot be used. */
export function normaliseOrderLine(ctx: RowContext, cells: readonly string[], lineNo: number): Normalised<OrderLineRow> {
  const order = orderFieldsOfLine(ctx, cells, lineNo)
  if (!order.ok) return order
  const read = new CellReader(ctx, cells, lineNo)

  const sku = read.text('sku')
  const name = read.text('product_name')
  if (sku === '' && name === '') {
    return { ok: false, issue: missingField(ctx, lineNo, 'sku', 'The line has neither a SKU nor a product name.') }
  }
  const quantity = read.quantity('quantity')
  const unit = read.money('unit_price', null)
  const lineTotal = read.money('line_total', null)
  const discount = Math.abs(read.money('line_discount', 0).value ?? 0)
  if (read.problem) return { ok: false, issue: read.problem }
  if (quantity === null) return { ok: false, issue: missingField(ctx, lineNo, 'quantity', 'The quantity is empty.') }
  if (quantity === 0) return { ok: false, issue: missingField(ctx, lineNo, 'quantity', 'The quantity is 0, so this line sold nothing.', 'value.quantity-zero') }

  // Some platforms give only the line total (Pinduoduo's 商品总价); derive the unit price from it.
  let unitPrice = unit.value
  if (unitPrice === null && lineTotal.value !== null) unitPrice = Math.abs(lineTotal.value / quantity)
  if (unitPrice === null) return { ok: false, issue: missingField(ctx, lineNo, ctx.columns.has('unit_price') ? 'unit_price' : 'line_total', 'The line has no price.') }

  const currency = unit.currency ?? lineTotal.currency
  if (currency && !order.value.currencyFromColumn) order.value.record.currency = currency
  // A negative quantity at price 0 gives no money back: a stock write-off
  // ("damaged", "lost"), kept as an adjustment rather than counted as a return.
  const writeOff = quantity < 0 && unitPrice === 0 && !order.value.record.isReturnInvoice
  const kind = writeOff ? 'adjustment' : classifyLine(sku, name, ctx.nonProductSkus)
  const isReturn = !writeOff && (quantity < 0 || order.value.record.isReturnInvoice)
  const amount = round4(quantity * unitPrice - Math.sign(quantity) * discount)
  return {
    ok: true,
    value: {
      order: order.value.record,
      line: {
        productKey: productKeyOf(sku, name),
        sku,
        name,
        category: read.text('category'),
        quantity,
        unitPrice: round4(unitPrice),
        discount: round4(discount),
        amount,
        kind,
        isReturn,
      },
    },
  }
}

type OrderFields = { record: OrderRecord; currencyFromColumn: boolean }

/**
 * The order fields of the last line row that had valid ones, with the cells
 * they were read from. An order's lines repeat its cells (number, date,
 * customer, country), so a line whose order cells are the previous line's
 * has the same order fields: they are not parsed again (dates, amounts and
 * the status patterns were a fifth of the import's time). Only valid fields
 * are kept, so a bad cell is still rejected on every line that has it, with
 * its own line number.
 */
interface OrderFieldsMemo {
  ctx: RowContext
  /** Cell positions of every order field the file maps (readOrderFields reads no other cell). */
  positions: number[]
  /** The cells at `positions` of the row the fields came from. */
  cells: string[]
  fields: { ok: true; value: OrderFields }
  /** The order's currency as read: a line may set `record.currency` from its price's symbol. */
  currency: string
}

let memo: OrderFieldsMemo | null = null

function orderFieldsOfLine(ctx: RowContext, cells: readonly string[], lineNo: number): Normalised<OrderFields> {
  if (memo !== null && memo.ctx === ctx && sameCells(memo, cells)) {
    memo.fields.value.record.currency = memo.currency
    return memo.fields
  }
  const fields = readOrderFields(ctx, cells, lineNo)
  if (!fields.ok) return fields
  const positions = memo !== null && memo.ctx === ctx ? memo.positions : orderFieldPositions(ctx)
  memo = { ctx, positions, cells: positions.map((p) => cells[p]), fields, currency: fields.value.record.currency }
  return fields
}

function sameCells(previous: OrderFieldsMemo, cells: readonly string[]): boolean {
  const { positions } = previous
  for (let k = 0; k < positions.length; k++) if (cells[positions[k]] !== previous.cells[k]) return false
  return true
}

function orderFieldPositions(ctx: RowContext): number[] {
  return ORDER_FIELDS.map((field) => ctx.columns.columnOf(field, ctx.header))
    .filter((column): column is string => column !== undefined)
    .map((column) => ctx.header.indexOf(column))
}

/** Order-level fields, shared by line rows and one-row-per-order sheets. */
export function readOrderFields(
  ctx: RowContext,
  cells: readonly string[],
  lineNo: number,
): Normalised<OrderFields> {
  const read = new CellReader(ctx, cells, lineNo)
  // A transaction log has no order number (normaliseOrderSummary keys its rows); a mapped column must not be blank.
  const orderKey = ctx.columns.has('order_id') ? read.required('order_id') : ''
  const date = read.date('order_date', true)
  const discountAmount = Math.abs(read.money('order_discount', 0).value ?? 0)
  const shipping = read.money('shipping', 0).value ?? 0
  const total = read.money('order_total', null)
  const refunded = Math.abs(read.money('refunded_amount', 0).value ?? 0)
  if (read.problem || date === null) {
    return { ok: false, issue: read.problem ?? missingField(ctx, lineNo, 'order_date', 'The order date is empty.') }
  }
  const currencyColumn = read.text('currency').toUpperCase()
  const prefix = ctx.preset.cancellationIdPrefix
  const isReturnInvoice = prefix !== undefined && orderKey.startsWith(prefix)
  const externalId = cleanExternalId(read.text('customer_id'))
  const email = read.text('customer_email').toLowerCase()
  const name = read.text('customer_name')
  const country = read.text('country')
  const city = read.text('city')
  // A name identifies a buyer only in files without ids or e-mails (a platform nickname);
  // where the file has those columns and this row leaves them blank, it is a guest order,
  // and two strangers called "J. Smith" are never merged.
  const nameIsIdentity = !ctx.columns.has('customer_id') && !ctx.columns.has('customer_email')
  const hasCustomer = externalId !== '' || email !== '' || (nameIsIdentity && name !== '')
  let status = normaliseStatus(read.text('financial_status'), read.text('cancelled_at'))
  if (isReturnInvoice) status = 'cancelled'
  return {
    ok: true,
    value: {
      currencyFromColumn: currencyColumn !== '',
      record: {
        orderKey,
        orderedAt: date.local,
        utcOffsetMin: date.offsetMinutes,
        currency: currencyColumn || total.currency || ctx.defaultCurrency,
        status,
        isReturnInvoice,
        discountCode: read.text('discount_code').toUpperCase(),
        discountAmount: round4(discountAmount),
        shipping: round4(shipping),
        total: total.value === null ? null : round4(total.value),
        refundedAmount: round4(refunded),
        country,
        city,
        customer: hasCustomer ? { externalId, email, name, country, city } : null,
      },
    },
  }
}

export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000
}
