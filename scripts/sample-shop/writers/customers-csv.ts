/** The Shopify customers export (current layout); ids and zips written `'6512300020832`. */
import { SHOPIFY_CUSTOMERS_HEADER } from '../../../src-main/engine/ingest/formats/shopify-headers'
import type { Customer } from '../customers'
import { orderTotals } from '../orders/model'
import { csvCell, csvLine, money } from './csv'

export function customersCsv(customers: readonly Customer[]): string {
  const lines = [SHOPIFY_CUSTOMERS_HEADER.map(csvCell).join(',')]
  const spent = (c: Customer): number => c.orders.filter((o) => o.cancelledSecond === null).reduce((sum, o) => sum + orderTotals(o).total - o.refunded, 0)
  const spends = customers.map(spent).sort((a, b) => b - a)
  const vipFloor = spends[Math.floor(customers.length * 0.05)]
  for (const c of customers) {
    const total = spent(c)
    const counted = c.orders.filter((o) => o.cancelledSecond === null).length
    const tags = [c.acceptsMarketing ? 'newsletter' : '', total >= vipFloor && total > 0 ? 'vip' : '', c.company !== '' ? 'trade' : ''].filter(Boolean).join(', ')
    lines.push(
      csvLine(SHOPIFY_CUSTOMERS_HEADER, {
        'Customer ID': `'${c.id}`,
        'First Name': c.firstName,
        'Last Name': c.lastName,
        Email: c.email,
        'Accepts Email Marketing': c.acceptsMarketing ? 'yes' : 'no',
        'Default Address Company': c.company,
        'Default Address Address1': c.street,
        'Default Address Address2': c.address2,
        'Default Address City': c.place.city,
        'Default Address Province Code': c.place.province,
        'Default Address Country Code': c.place.country,
        'Default Address Zip': `'${c.zip}`,
        'Default Address Phone': c.phone === '' ? '' : `'${c.phone}`,
        Phone: c.phone === '' ? '' : `'${c.phone}`,
        'Accepts SMS Marketing': c.acceptsSms ? 'yes' : 'no',
        'Total Spent': money(total),
        'Total Orders': String(counted),
        Note: '',
        'Tax Exempt': 'no',
        Tags: tags,
      }),
    )
  }
  return lines.join('\n') + '\n'
}
