import { describe, expect, it } from 'vitest'
import { ONLINE_RETAIL } from '../../../src-main/engine/ingest/formats/online-retail'
import type { ColumnMapping } from '../../../src-main/engine/ingest/formats/fields'
import { ColumnIndex } from '../../../src-main/engine/ingest/pipeline/mapped-row'
import { normaliseOrderLine } from '../../../src-main/engine/ingest/pipeline/normalise-order-line'
import type { RowContext } from '../../../src-main/engine/ingest/pipeline/row-context'

/**
 * Lines of one order repeat its cells, and normaliseOrderLine does not read
 * them again when they are the previous line's. Whatever it remembers, each
 * line must come out as if it had been read alone (a fresh context forgets).
 */
const header = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']
const mapping: ColumnMapping = {
  order_id: 'InvoiceNo',
  order_date: 'InvoiceDate',
  customer_id: 'CustomerID',
  country: 'Country',
  sku: 'StockCode',
  product_name: 'Description',
  quantity: 'Quantity',
  unit_price: 'UnitPrice',
}

function context(): RowContext {
  return {
    columns: new ColumnIndex(header, mapping),
    header,
    preset: ONLINE_RETAIL,
    values: { dateOrder: 'ymd', excelSerial: false, decimal: undefined },
    defaultCurrency: 'GBP',
    nonProductSkus: new Set(['POST']),
  }
}

const rows: string[][] = [
  ['536365', '85123A', 'HEART HOLDER', '6', '2010-12-01 08:26:00', '2.55', '17850.0', 'United Kingdom'],
  // The same order, its price written with a currency symbol: this line's record says EUR ...
  ['536365', '71053', 'LANTERN', '6', '2010-12-01 08:26:00', '€3.39', '17850.0', 'United Kingdom'],
  // ... and the next one, without a symbol, the file's currency again.
  ['536365', '84406B', 'CUPID COAT HANGER', '8', '2010-12-01 08:26:00', '2.75', '17850.0', 'United Kingdom'],
  // The same order number with a date that cannot be read: rejected, not taken from the line above.
  ['536365', '84029G', 'HOT WATER BOTTLE', '6', '2010-13-01 08:26:00', '3.39', '17850.0', 'United Kingdom'],
  // The same bad cells again: rejected again, with its own line number.
  ['536365', '84029E', 'RED WOOLLY HOTTIE', '6', '2010-13-01 08:26:00', '3.39', '17850.0', 'United Kingdom'],
  ['536365', '22752', 'BABUSHKA NESTING BOXES', '2', '2010-12-01 08:26:00', '7.65', '17850.0', 'United Kingdom'],
  // Another customer under the same order number: the cells differ, so the fields are read.
  ['536365', '21730', 'GLASS STAR', '6', '2010-12-01 08:26:00', '4.25', '13047.0', 'France'],
  ['C536379', 'D', 'Discount', '-1', '2010-12-01 09:41:00', '27.50', '14527.0', 'United Kingdom'],
  ['C536379', 'D', 'Discount', '0', '2010-12-01 09:41:00', '27.50', '14527.0', 'United Kingdom'],
  ['536366', '22633', 'HAND WARMER', '6', '2010-12-01 08:28:00', '1.85', '', 'United Kingdom'],
  ['536366', '22632', 'HAND WARMER RED', '6', '2010-12-01 08:28:00', '1.85', '', 'United Kingdom'],
]

describe('order fields of consecutive lines', () => {
  it('each line comes out as if it were read alone', () => {
    const shared = context()
    const results = rows.map((cells, k) => normaliseOrderLine(shared, cells, k + 2))
    rows.forEach((cells, k) => {
      const alone = normaliseOrderLine(context(), cells, k + 2)
      // Compared at once, as the writer uses a record before the next line is read.
      expect(JSON.parse(JSON.stringify(normaliseOrderLine(shared, cells, k + 2)))).toEqual(JSON.parse(JSON.stringify(alone)))
    })
    expect(results.map((r) => (r.ok ? 'ok' : r.issue.code))).toEqual(['ok', 'ok', 'ok', 'value.date', 'value.date', 'ok', 'ok', 'ok', 'value.quantity-zero', 'ok', 'ok'])
    expect(results.map((r) => (r.ok ? null : r.issue.row))).toEqual([null, null, null, 5, 6, null, null, null, 10, null, null])
  })

  it('a line whose price names a currency does not pass it to the next line of the order', () => {
    const shared = context()
    const currencies = rows.slice(0, 3).map((cells, k) => {
      const result = normaliseOrderLine(shared, cells, k + 2)
      return result.ok ? result.value.order.currency : null
    })
    expect(currencies).toEqual(['GBP', 'EUR', 'GBP'])
  })

  it('a change in any order cell is read, not remembered', () => {
    const shared = context()
    const first = normaliseOrderLine(shared, rows[5], 7)
    const other = normaliseOrderLine(shared, rows[6], 8)
    expect(first.ok && other.ok).toBe(true)
    if (!first.ok || !other.ok) return
    expect(first.value.order.customer?.externalId).toBe('17850')
    expect(other.value.order.customer?.externalId).toBe('13047')
    expect(other.value.order.country).toBe('France')
  })
})
