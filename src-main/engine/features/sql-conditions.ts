/**
 * The definitions every builder shares, as SQL fragments over `orders o`,
 * `order_lines l` and `products p`, so that "a sale" or "a product line"
 * means the same in features, labels and interactions.
 *
 * Time bounds are NOT here on purpose: each query writes its own
 * `o.ordered_at < @cutoff` next to its FROM clause, where a reader checks it.
 * 'YYYY-MM-DD HH:MM:SS' < 'YYYY-MM-DD' compares as text: an order at
 * 00:00:00 on the cutoff day is not before the cutoff (the shorter string
 * sorts first), exactly as wanted.
 */

/** A sale: not a return invoice and not cancelled (pending and refunded orders did happen). */
export const SALE_ORDER = `o.is_return = 0 AND o.status <> 'cancelled'`

/** A return or refund, as the importer counts them: return invoices, refunds and cancellations. */
export const RETURN_ORDER = `(o.is_return = 1 OR o.status IN ('refunded', 'partially_refunded', 'cancelled'))`

/** A product the customer wanted: no postage, fees, adjustments, discounts or returned units. */
export const PRODUCT_LINE = `l.line_kind = 'product' AND p.is_product = 1 AND l.is_return = 0 AND l.quantity > 0`

/**
 * Money taken off an order: the order-level discount plus any negative
 * 'discount' lines (some exports list the coupon as a line instead).
 */
export const ORDER_DISCOUNT = `(o.discount_amount + COALESCE((SELECT -SUM(dl.amount) FROM order_lines dl
  WHERE dl.order_id = o.id AND dl.line_kind = 'discount' AND dl.amount < 0), 0))`

/** A non-empty discount code, upper-cased and trimmed, or NULL. */
export const ORDER_CODE = `NULLIF(UPPER(TRIM(COALESCE(o.discount_code, ''))), '')`
