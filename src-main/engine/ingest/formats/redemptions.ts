import type { FormatPreset } from './preset'

/**
 * Redemptions: one row per coupon code used on an order, as shops and e-mail
 * tools list them (a Shopify discount-code usage report, a WooCommerce coupon
 * usage export, a Klaviyo/Mailchimp coupon report, or a plain
 * `code,order_id,date,amount` sheet). Each row is matched to a campaign member
 * by its code (engine/results/redemption-writer.ts).
 *
 * Order exports that carry a discount-code column are imported as orders, not
 * as this: their codes mark redemptions already (campaigns/outcomes.ts). The
 * signature is therefore the usage vocabulary no order export has ("used at",
 * "redeemed at", "used by") plus a bare "code" and "amount" column, which
 * order exports never name alone: a plain `code,order_id,date,amount` sheet is
 * read as redemptions (an order sheet with a promo "code" and an "amount"
 * total can be switched to "one row per order" in the Import step).
 */
export const REDEMPTIONS: FormatPreset = {
  id: 'redemptions',
  kind: 'redemptions',
  columns: {
    code: ['code', 'coupon code', 'discount code', 'coupon', 'coupon_items', 'coupons used', 'coupons', 'promo code', 'voucher', 'voucher code', 'redeemed code', 'code used', '优惠码', '券码', '优惠券码'],
    order_id: ['order_id', 'order', 'order number', 'order name', 'order no', 'order #', 'order reference', '订单号', '订单编号'],
    order_date: ['redeemed_at', 'redeemed at', 'used at', 'date used', 'used on', 'redemption date', 'date', 'order date', 'created at', '核销时间', '使用时间', '下单时间'],
    customer_email: ['email', 'customer email', 'used by', 'billing email', 'email address', '邮箱', '电子邮箱'],
    order_discount: ['amount', 'discount amount', 'discount', 'amount discounted', 'coupon amount', 'discount value', '优惠金额', '抵扣金额'],
    order_total: ['order total', 'total', 'order amount', 'order value', 'total sales', '订单金额', '实付金额'],
  },
  signature: ['code', 'amount', 'redeemed_at', 'redeemed at', 'used at', 'date used', 'used on', 'redemption date', 'used by', 'code used', '核销时间', '使用时间'],
}

export const REDEMPTION_PRESETS: readonly FormatPreset[] = [REDEMPTIONS]
