/** Orders and their lines as the simulation builds them, and their money. */
import type { Variant } from '../catalogue'
import type { Customer } from '../customers'
import type { Place } from '../places'

export interface Line {
  variant: Variant
  quantity: number
  price: number // cents
}

export interface Order {
  customer: Customer | null
  day: number
  second: number
  lines: Line[]
  code: string
  percent: number
  shipping: number
  shippingMethod: string
  place: Place
  street: string
  zip: string
  billingName: string
  status: 'paid' | 'refunded' | 'partially_refunded' | 'voided' | 'pending'
  refunded: number
  cancelledSecond: number | null
  cancelledDay: number
  payment: string
  source: string
  note: string
  // filled when numbering
  name: string
  id: string
}

export interface Totals {
  gross: number
  discount: number
  subtotal: number
  taxes: number
  total: number
}

/** Discounts are a percentage of the product subtotal; tax applies to the discounted subtotal. */
export function orderTotals(order: Order): Totals {
  const gross = order.lines.reduce((sum, line) => sum + line.price * line.quantity, 0)
  const discount = Math.round((gross * order.percent) / 100)
  const subtotal = gross - discount
  const taxes = Math.round(subtotal * order.place.tax)
  return { gross, discount, subtotal, taxes, total: subtotal + order.shipping + taxes }
}
