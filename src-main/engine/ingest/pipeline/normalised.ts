import type { LineKind } from './line-kind'
import type { OrderStatus } from './order-status'

/** Who placed an order, as far as the file says. Empty strings mean "not given". */
export interface CustomerRef {
  externalId: string
  email: string
  name: string
  country: string
  city: string
}

export interface OrderRecord {
  orderKey: string
  orderedAt: string
  utcOffsetMin: number | null
  currency: string
  status: OrderStatus
  /** The whole invoice is a return (Online Retail 'C' invoices). */
  isReturnInvoice: boolean
  discountCode: string
  discountAmount: number
  shipping: number
  /** As stated by the file; null when the file has no total (it is then summed from the lines). */
  total: number | null
  refundedAmount: number
  country: string
  city: string
  customer: CustomerRef | null
}

export interface LineRecord {
  productKey: string
  sku: string
  name: string
  category: string
  quantity: number
  unitPrice: number
  discount: number
  amount: number
  kind: LineKind
  isReturn: boolean
}

export interface CustomerRecord extends CustomerRef {
  acceptsMarketing: boolean | null
  signedUpAt: string | null
  tags: string
  /** Summary columns of customer exports ("Total Spent", "Total Orders", a last-order date); absent/null = not stated. */
  statedTotalSpent?: number | null
  statedOrders?: number | null
  statedLastOrderAt?: string | null
}

export interface ProductRecord {
  productKey: string
  sku: string
  name: string
  category: string
  vendor: string
  price: number | null
  cost: number | null
  tags: string
}

/** A line's identity within its order: product, quantity, price, discount. */
export function lineKeyOf(line: Pick<LineRecord, 'productKey' | 'quantity' | 'unitPrice' | 'discount'>): string {
  return `${line.productKey}\u001f${line.quantity}\u001f${line.unitPrice}\u001f${line.discount}`
}

export function productKeyOf(sku: string, name: string): string {
  if (sku !== '') return `sku:${sku.toUpperCase()}`
  return `name:${name.toLowerCase().replace(/\s+/g, ' ').trim()}`
}

/** Merges the same person across files: shop id first, then e-mail, then buyer name. */
export function customerKeyOf(ref: CustomerRef): string | null {
  if (ref.externalId !== '') return `id:${ref.externalId}`
  if (ref.email !== '') return `email:${ref.email}`
  if (ref.name !== '') return `name:${ref.name}`
  return null
}

/** Online Retail writes customer ids as floats ("17850.0"); shops mean the integer. */
export function cleanExternalId(text: string): string {
  return /^\d+\.0+$/.test(text) ? text.slice(0, text.indexOf('.')) : text
}
