/** What an order line is: a product the customer wanted, or money that is not a product. */
export type LineKind = 'product' | 'shipping' | 'fee' | 'adjustment' | 'discount'

const SHIPPING = /\b(postage|shipping|delivery|carriage|freight)\b|运费|邮费|快递费/i
const FEE = /\b(bank charges?|fee|fees|surcharge|commission)\b|手续费|服务费/i
const ADJUSTMENT = /\b(manual|adjust(ment)?|correction|write.?off)\b|调整|补差/i
const DISCOUNT = /^(discount|discounts|coupon|voucher)$|^优惠$/i

/**
 * Classifies a line from its SKU and name. Presets list the exact non-product
 * codes of their platform (Online Retail's POST, D, M ...); the patterns catch
 * the same idea in other shops' files without touching real products whose
 * names merely mention delivery ("Delivery van toy" stays a product: the
 * patterns need the word on its own and a known code or a short name).
 */
export function classifyLine(sku: string, name: string, nonProductSkus: ReadonlySet<string>): LineKind {
  if (sku !== '' && nonProductSkus.has(sku.toUpperCase())) {
    return kindFromText(name) ?? kindFromCode(sku)
  }
  // Only short, label-like names are treated as non-product when the SKU is unknown.
  if (name.length > 0 && name.length <= 24 && sku === '') return kindFromText(name) ?? 'product'
  return 'product'
}

function kindFromText(name: string): LineKind | null {
  if (DISCOUNT.test(name.trim())) return 'discount'
  if (SHIPPING.test(name)) return 'shipping'
  if (FEE.test(name)) return 'fee'
  if (ADJUSTMENT.test(name)) return 'adjustment'
  return null
}

function kindFromCode(sku: string): LineKind {
  const code = sku.toUpperCase()
  if (code === 'D') return 'discount'
  if (code === 'POST' || code === 'DOT' || code === 'C2') return 'shipping'
  if (code === 'M' || code.startsWith('ADJUST') || code === 'S' || code === 'B') return 'adjustment'
  return 'fee'
}
