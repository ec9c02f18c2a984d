import type { CampaignDiscountType } from '../planner/offer-types'

/**
 * The words merchants use in campaign sheets for the arm, the discount type and
 * yes/no outcomes, in English and Chinese. Compared after lower-casing and
 * folding spaces, hyphens and underscores together, so "Free-Shipping",
 * "free_shipping" and "free shipping" are one word.
 */
function fold(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, ' ')
}

function table<T>(entries: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(entries).map(([word, value]) => [fold(word), value]))
}

const GROUPS = table<'treatment' | 'control'>({
  treatment: 'treatment', treated: 'treatment', test: 'treatment', 'test group': 'treatment', variant: 'treatment', offer: 'treatment',
  coupon: 'treatment', sent: 'treatment', exposed: 'treatment', target: 'treatment', 实验组: 'treatment', 实验: 'treatment', 处理组: 'treatment',
  测试组: 'treatment', 发券组: 'treatment',
  // A holdout is a control group: people deliberately not contacted.
  control: 'control', 'control group': 'control', holdout: 'control', 'hold out': 'control', holdback: 'control', 'held out': 'control',
  'not sent': 'control', 对照组: 'control', 对照: 'control', 控制组: 'control', 留出组: 'control', 保留组: 'control', 空白组: 'control',
})

const DISCOUNT_TYPES = table<CampaignDiscountType>({
  percent: 'percent', percentage: 'percent', '%': 'percent', pct: 'percent', 'percent off': 'percent', 'percentage off': 'percent',
  'percent discount': 'percent', 'percentage discount': 'percent', 百分比: 'percent', 折扣: 'percent', 打折: 'percent', 折扣券: 'percent',
  fixed: 'fixed', amount: 'fixed', 'fixed amount': 'fixed', 'fixed cart': 'fixed', 'fixed product': 'fixed', 'amount off': 'fixed',
  'money off': 'fixed', flat: 'fixed', cash: 'fixed', 立减: 'fixed', 固定金额: 'fixed', 现金券: 'fixed', 代金券: 'fixed', 减免: 'fixed',
  'free shipping': 'free_shipping', shipping: 'free_shipping', freeshipping: 'free_shipping', 'free delivery': 'free_shipping',
  'free postage': 'free_shipping', 包邮: 'free_shipping', 免运费: 'free_shipping', 免邮: 'free_shipping',
  'spend x save y': 'spend_x_save_y', 'spend and save': 'spend_x_save_y', 'spend save': 'spend_x_save_y', tiered: 'spend_x_save_y',
  threshold: 'spend_x_save_y', 满减: 'spend_x_save_y', 满额减: 'spend_x_save_y',
  none: 'none', 'no discount': 'none', 'no coupon': 'none', message: 'none', 'message only': 'none', '-': 'none', 无: 'none',
  无优惠: 'none', 不发券: 'none',
})

const YES = new Set(['yes', 'y', 'true', '1', 'redeemed', 'used', 'converted', 'purchased', '是', '已核销', '已使用', '已转化', '有'].map(fold))
const NO = new Set(['no', 'n', 'false', '0', 'not redeemed', 'unused', 'not used', '否', '未核销', '未使用', '未转化', '无'].map(fold))

export function readGroup(text: string): 'treatment' | 'control' | null {
  return GROUPS.get(fold(text)) ?? null
}

export function readDiscountType(text: string): CampaignDiscountType | null {
  return DISCOUNT_TYPES.get(fold(text)) ?? null
}

/** true / false, null for an empty cell, undefined for a word that is neither. */
export function readFlag(text: string): boolean | null | undefined {
  if (text.trim() === '') return null
  const word = fold(text)
  if (YES.has(word)) return true
  if (NO.has(word)) return false
  return undefined
}

const ALL_SCOPES = new Set(['all', 'everything', 'store', 'shop', 'whole shop', 'sitewide', 'site wide', 'storewide', '全部', '全场', '全店', '通用'].map(fold))

/** 'all' for the whole shop, or null when the text names something narrower. */
export function isWholeShop(text: string): boolean {
  return text.trim() === '' || ALL_SCOPES.has(fold(text))
}
