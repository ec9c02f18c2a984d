import type { FormatPreset } from './preset'

/**
 * Past coupon campaigns: one row per customer contacted or held out, as
 * merchants keep them (their own sheet, or an e-mail tool's send list with a
 * group column added). No platform exports this layout, so the names are the
 * plain ones merchants write, in English and Chinese, snake_case and spaced
 * (detection compares letters and digits only, so "Campaign ID",
 * "campaign_id" and "campaignId" are one name).
 *
 * The signature is the campaign-only vocabulary: three of these headers make
 * the layout certain, and no order or customer export carries them.
 */
export const CAMPAIGN_MEMBERS: FormatPreset = {
  id: 'campaign-members',
  kind: 'campaign-members',
  columns: {
    campaign_id: ['campaign_id', 'campaign', 'campaign code', 'campaign no', '活动编号', '活动ID', '活动代码'],
    campaign_name: ['campaign_name', 'campaign title', 'name of campaign', '活动名称', '活动'],
    customer_id: ['customer_id', 'customer', 'customer no', 'customer number', 'member id', 'member', 'user id', '客户编号', '客户ID', '会员', '会员ID', '会员编号', '用户ID'],
    customer_email: ['email', 'e-mail', 'customer email', 'email address', 'recipient', '邮箱', '电子邮箱', '邮件地址'],
    group: ['group', 'arm', 'variant', 'test group', 'cohort', 'treatment group', '分组', '组别', '实验分组'],
    discount_type: ['discount_type', 'offer type', 'coupon type', 'type', '优惠类型', '折扣类型', '券类型'],
    discount_value: ['discount_value', 'discount', 'value', 'amount off', 'offer value', 'percent off', '优惠金额', '折扣', '优惠力度', '面额'],
    min_spend: ['min_spend', 'minimum spend', 'min order', 'minimum order', 'threshold', 'spend threshold', '最低消费', '门槛', '使用门槛', '满'],
    applies_to: ['applies_to', 'scope', 'applies', 'valid for', 'category', 'sku', '适用范围', '适用商品'],
    sent_at: ['sent_at', 'sent', 'send date', 'sent date', 'date sent', 'start', 'starts at', 'valid from', '发送时间', '发送日期', '开始时间'],
    expires_at: ['expires_at', 'expires', 'expiry', 'expiry date', 'expiration date', 'end', 'ends at', 'valid until', 'valid to', '到期时间', '截止时间', '结束时间', '有效期至'],
    code: ['code', 'coupon code', 'coupon', 'discount code', 'promo code', 'voucher', '优惠码', '券码', '优惠券码'],
    redeemed: ['redeemed', 'used', 'coupon used', 'redemption', '是否核销', '已核销', '是否使用'],
    order_id: ['order_id', 'order', 'order number', 'redeemed order', '订单号', '订单编号'],
    converted: ['converted', 'purchased', 'bought', 'conversion', '是否转化', '是否购买'],
    revenue: ['revenue', 'sales', 'order value', 'spend', '金额', '销售额', '成交金额'],
  },
  signature: [
    'campaign_id', 'campaign_name', 'campaign', 'group', 'discount_type', 'discount_value', 'min_spend', 'applies_to', 'sent_at', 'expires_at',
    '活动编号', '活动名称', '分组', '组别', '优惠类型', '最低消费', '适用范围', '发送时间', '到期时间', '截止时间',
  ],
}

export const CAMPAIGN_PRESETS: readonly FormatPreset[] = [CAMPAIGN_MEMBERS]
