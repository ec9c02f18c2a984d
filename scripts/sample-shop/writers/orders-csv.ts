/** The Shopify orders export (79 columns), one row per line item. */
import { DAYS, timestamp } from '../calendar'
import { SHOPIFY_ORDERS_HEADER } from '../../../src-main/engine/ingest/formats/shopify-headers'
import { orderTotals, type Order } from '../orders/model'
import { csvCell, csvLine, money } from './csv'

export function ordersCsv(orders: readonly Order[]): string {
  const lines = [SHOPIFY_ORDERS_HEADER.map(csvCell).join(',')]
  for (const order of orders) {
    const t = orderTotals(order)
    const created = timestamp(order.day, order.second)
    const c = order.customer
    const fulfilled = order.status !== 'pending' && order.status !== 'voided' && order.cancelledSecond === null
    const paid = order.status !== 'pending' && order.status !== 'voided'
    const shipTo = order.source !== 'pos'
    order.lines.forEach((line, index) => {
      // Continuation rows repeat only the order name, email, date and the line.
      const row: Record<string, string> = {
        Name: order.name,
        Email: c?.email ?? '',
        'Created at': created,
        'Lineitem quantity': String(line.quantity),
        'Lineitem name': line.variant.lineName,
        'Lineitem price': money(line.price),
        'Lineitem sku': line.variant.sku,
        'Lineitem requires shipping': 'true',
        'Lineitem taxable': 'true',
        'Lineitem fulfillment status': fulfilled ? 'fulfilled' : 'pending',
        Vendor: line.variant.product.vendor,
        'Lineitem discount': '0.00',
      }
      if (index === 0) {
        Object.assign(row, {
          'Financial Status': order.status,
          'Paid at': paid ? timestamp(order.day, Math.min(86_399, order.second + 4)) : '',
          'Fulfillment Status': fulfilled ? 'fulfilled' : 'unfulfilled',
          'Fulfilled at': fulfilled ? timestamp(Math.min(DAYS - 1, order.day + (order.source === 'pos' ? 0 : 1)), order.source === 'pos' ? Math.min(86_399, order.second + 60) : 50_400 + (order.second % 7200)) : '',
          'Accepts Marketing': c?.acceptsMarketing ? 'yes' : 'no',
          Currency: 'USD',
          Subtotal: money(t.subtotal),
          Shipping: money(order.shipping),
          Taxes: money(t.taxes),
          Total: money(t.total),
          'Discount Code': order.code,
          'Discount Amount': money(t.discount),
          'Shipping Method': order.shippingMethod,
          'Billing Name': order.billingName,
          'Billing Street': shipTo ? [order.street, c?.address2 ?? ''].filter(Boolean).join(', ') : '',
          'Billing Address1': shipTo ? order.street : '',
          'Billing Address2': shipTo ? (c?.address2 ?? '') : '',
          'Billing Company': shipTo ? (c?.company ?? '') : '',
          'Billing City': shipTo ? order.place.city : '',
          'Billing Zip': shipTo ? order.zip : '',
          'Billing Province': shipTo ? order.place.province : '',
          'Billing Country': shipTo ? order.place.country : '',
          'Billing Phone': shipTo ? (c?.phone ?? '') : '',
          'Shipping Name': shipTo ? order.billingName : '',
          'Shipping Street': shipTo ? [order.street, c?.address2 ?? ''].filter(Boolean).join(', ') : '',
          'Shipping Address1': shipTo ? order.street : '',
          'Shipping Address2': shipTo ? (c?.address2 ?? '') : '',
          'Shipping Company': shipTo ? (c?.company ?? '') : '',
          'Shipping City': shipTo ? order.place.city : '',
          'Shipping Zip': shipTo ? order.zip : '',
          'Shipping Province': shipTo ? order.place.province : '',
          'Shipping Country': shipTo ? order.place.country : '',
          'Shipping Phone': shipTo ? (c?.phone ?? '') : '',
          Notes: order.note,
          'Cancelled at': order.cancelledSecond === null ? '' : timestamp(order.cancelledDay, order.cancelledSecond),
          'Payment Method': order.payment,
          'Payment Reference': `c${order.id.slice(-11)}.1`,
          'Refunded Amount': money(order.refunded),
          'Outstanding Balance': '0.00',
          Location: order.source === 'pos' ? 'Juniper Lane Market Stall' : '',
          Id: order.id,
          'Risk Level': 'Low',
          Source: order.source,
          'Tax 1 Name': t.taxes > 0 ? order.place.taxName : '',
          'Tax 1 Value': t.taxes > 0 ? money(t.taxes) : '',
          Phone: c?.phone ?? '',
          'Billing Province Name': shipTo ? order.place.provinceName : '',
          'Shipping Province Name': shipTo ? order.place.provinceName : '',
          'Payment ID': `c${order.id.slice(-11)}.1`,
          'Payment References': `c${order.id.slice(-11)}.1`,
        })
      }
      lines.push(csvLine(SHOPIFY_ORDERS_HEADER, row))
    })
  }
  return lines.join('\n') + '\n'
}
