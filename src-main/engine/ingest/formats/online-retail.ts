import type { FormatPreset } from './preset'

/**
 * The UCI "Online Retail" data sets (a UK online gift shop), the usual public
 * benchmark for order-line data. Two releases with slightly different names;
 * each preset lists only its own names so that the right one ranks first.
 *
 * Both sell in GBP without saying so, mark cancellations with a 'C' invoice
 * prefix (negative quantities), and mix non-product lines into the items.
 */

/**
 * StockCodes that are not products. Products use a 5-digit code with an
 * optional letter suffix (85123A) or a DCGS... code; everything below was
 * found in the data with postage, fee, manual-adjustment, discount, sample or
 * voucher descriptions (POSTAGE, DOTCOM POSTAGE, CARRIAGE, Manual, Discount,
 * SAMPLES, Bank Charges, AMAZON FEE, CRUK Commission, Adjust bad debt, gift
 * vouchers, test lines of release II). 'PADS' is a 0.001 placeholder line.
 * Codes are compared as written: 'm' (lower case) is a separate manual code.
 */
export const ONLINE_RETAIL_NON_PRODUCT_SKUS: readonly string[] = [
  'POST',
  'DOT',
  'D',
  'M',
  'C2',
  'CRUK',
  'BANK CHARGES',
  'AMAZONFEE',
  'ADJUST',
  'ADJUST2',
  'S',
  'B',
  'PADS',
  'TEST001',
  'TEST002',
  'gift_0001_10',
  'gift_0001_20',
  'gift_0001_30',
  'gift_0001_40',
  'gift_0001_50',
  'm',
]

/** Release 1 (2010-12 to 2011-12): InvoiceNo, UnitPrice, CustomerID. */
export const ONLINE_RETAIL: FormatPreset = {
  id: 'online-retail',
  kind: 'order-lines',
  columns: {
    order_id: ['InvoiceNo'],
    order_date: ['InvoiceDate'],
    customer_id: ['CustomerID'],
    country: ['Country'],
    sku: ['StockCode'],
    product_name: ['Description'],
    quantity: ['Quantity'],
    unit_price: ['UnitPrice'],
  },
  // 'UnitPrice' is too common in merchants' sheets to be a signature.
  signature: ['StockCode', 'InvoiceNo'],
  defaultCurrency: 'GBP',
  cancellationIdPrefix: 'C',
  nonProductSkus: ONLINE_RETAIL_NON_PRODUCT_SKUS,
}

/** Release II (2009-12 to 2011-12): Invoice, Price, Customer ID. */
export const ONLINE_RETAIL_II: FormatPreset = {
  id: 'online-retail-ii',
  kind: 'order-lines',
  columns: {
    order_id: ['Invoice'],
    order_date: ['InvoiceDate'],
    customer_id: ['Customer ID'],
    country: ['Country'],
    sku: ['StockCode'],
    product_name: ['Description'],
    quantity: ['Quantity'],
    unit_price: ['Price'],
  },
  signature: ['StockCode', 'Invoice'],
  defaultCurrency: 'GBP',
  cancellationIdPrefix: 'C',
  nonProductSkus: ONLINE_RETAIL_NON_PRODUCT_SKUS,
}

export const ONLINE_RETAIL_PRESETS: readonly FormatPreset[] = [ONLINE_RETAIL, ONLINE_RETAIL_II]
