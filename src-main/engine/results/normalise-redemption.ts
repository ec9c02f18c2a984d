import { CellReader, missingField, type Normalised, type RowContext } from '../ingest/pipeline/row-context'
import { orderCodes } from '../campaigns/outcomes'

/** One row of a redemptions file, read but not yet matched to a member. */
export interface RedemptionRecord {
  /** Upper-case codes the row names (a WooCommerce `coupon_items` cell may list several). */
  codes: string[]
  /** The code cell as written. */
  codeText: string
  orderKey: string | null
  /** 'YYYY-MM-DD HH:MM:SS' (a date without a time: the start of that day). */
  redeemedAt: string
  email: string
  discountAmount: number | null
  orderTotal: number | null
}

/** Reads a redemption row; the first problem becomes the row's reject reason. */
export function normaliseRedemption(ctx: RowContext, cells: readonly string[], lineNo: number): Normalised<RedemptionRecord> {
  const read = new CellReader(ctx, cells, lineNo)
  const codeText = read.text('code')
  const codes = orderCodes(codeText)
  if (codes.length === 0) return { ok: false, issue: missingField(ctx, lineNo, 'code', 'The row names no code.') }
  const date = read.date('order_date', true)
  const discount = read.money('order_discount', null)
  const total = read.money('order_total', null)
  if (read.problem) return { ok: false, issue: read.problem }
  if (date === null) return { ok: false, issue: missingField(ctx, lineNo, 'order_date', 'The row has no date.') }
  if (discount.value !== null && discount.value < 0) {
    // Shops write discounts as negative amounts as often as positive ones ("-5.00").
    discount.value = -discount.value
  }
  const orderKey = read.text('order_id').trim()
  return {
    ok: true,
    value: {
      codes,
      codeText,
      orderKey: orderKey === '' ? null : orderKey,
      redeemedAt: date.local,
      email: read.text('customer_email').trim().toLowerCase(),
      discountAmount: discount.value,
      orderTotal: total.value,
    },
  }
}
