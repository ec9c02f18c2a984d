/**
 * The canonical fields an import can fill. Every format preset maps a file's
 * columns onto these; the merchant can adjust the mapping in the Import step.
 *
 * A file describes one kind of record:
 *  - `order-lines`: one row per line item (Shopify, WooCommerce line exports, Online Retail, Chinese platforms)
 *  - `orders`: one row per order with a total and no line items (merchants' own sheets)
 *  - `customers`: a customer list (Shopify customers export)
 *  - `products`: a catalogue (Shopify/WooCommerce products, with cost where known)
 *  - `campaign-members`: past coupon campaigns, one row per customer contacted or held out
 *  - `redemptions`: codes used on orders, from the shop or e-mail tool (engine/results/)
 */
export type RecordKind = 'order-lines' | 'orders' | 'customers' | 'products' | 'campaign-members' | 'redemptions'

export const RECORD_KINDS: readonly RecordKind[] = ['order-lines', 'orders', 'customers', 'products', 'campaign-members', 'redemptions']

export const ORDER_FIELDS = [
  'order_id',
  'order_date',
  'customer_id',
  'customer_email',
  'customer_name',
  'country',
  'city',
  'currency',
  'financial_status',
  'cancelled_at',
  'discount_code',
  'order_discount',
  'shipping',
  'order_total',
  'refunded_amount',
] as const

export const LINE_FIELDS = [
  'sku',
  'product_name',
  'category',
  'quantity',
  'unit_price',
  'line_total',
  'line_discount',
  'line_type',
] as const

export const CUSTOMER_FIELDS = [
  'customer_id',
  'customer_email',
  'first_name',
  'last_name',
  'customer_name',
  'country',
  'city',
  'accepts_marketing',
  'signed_up_at',
  'tags',
  // Summary columns of customer exports, kept as stated attributes (customers.stated_*).
  'total_spent',
  'orders_count',
  'last_order_at',
] as const

export const PRODUCT_FIELDS = [
  'product_key',
  'sku',
  'product_name',
  'category',
  'vendor',
  'unit_price',
  'cost',
  'tags',
] as const

/** A campaign-member row (see src-main/engine/campaigns/campaign-tables.md). */
export const CAMPAIGN_FIELDS = [
  'campaign_id',
  'campaign_name',
  'customer_id',
  'customer_email',
  'group',
  'discount_type',
  'discount_value',
  'min_spend',
  'applies_to',
  'sent_at',
  'expires_at',
  'code',
  'redeemed',
  'order_id',
  'converted',
  'revenue',
] as const

/** A redemption row: a code used on an order (engine/results/redemption-writer.ts). */
export const REDEMPTION_FIELDS = ['code', 'order_id', 'order_date', 'customer_email', 'order_discount', 'order_total'] as const

export type CanonicalField =
  | (typeof ORDER_FIELDS)[number]
  | (typeof LINE_FIELDS)[number]
  | (typeof CUSTOMER_FIELDS)[number]
  | (typeof PRODUCT_FIELDS)[number]
  | (typeof CAMPAIGN_FIELDS)[number]
  | 'first_name'
  | 'last_name'

/** Every canonical field once, for validating mappings. */
export const CANONICAL_FIELD_LIST = [
  ...new Set<CanonicalField>([...ORDER_FIELDS, ...LINE_FIELDS, ...CUSTOMER_FIELDS, ...PRODUCT_FIELDS, ...CAMPAIGN_FIELDS]),
] as [CanonicalField, ...CanonicalField[]]

/** Fields a file of each kind may use, in the order the mapping editor shows them. */
export const FIELDS_BY_KIND: Record<RecordKind, readonly CanonicalField[]> = {
  'order-lines': [...ORDER_FIELDS, ...LINE_FIELDS],
  orders: ORDER_FIELDS,
  customers: CUSTOMER_FIELDS,
  products: PRODUCT_FIELDS,
  'campaign-members': CAMPAIGN_FIELDS,
  redemptions: REDEMPTION_FIELDS,
}

/**
 * What a file must map before it can be imported. Each entry is a set of
 * alternatives: one of them is enough (a line needs a SKU or a product name;
 * a price or a line total).
 */
export const REQUIRED_BY_KIND: Record<RecordKind, readonly (readonly CanonicalField[])[]> = {
  'order-lines': [['order_id'], ['order_date'], ['quantity'], ['unit_price', 'line_total'], ['sku', 'product_name']],
  // Without an order number, customer + date + row key the order: a transaction log, one row
  // per purchase (normalise-records.ts, transactionKey).
  orders: [['order_id', 'customer_id', 'customer_email', 'customer_name'], ['order_date'], ['order_total']],
  customers: [['customer_id', 'customer_email', 'customer_name', 'first_name']],
  products: [['sku', 'product_name', 'product_key']],
  // The discount type may be left out when the value says it ("10%"); a window needs both ends.
  'campaign-members': [['campaign_id', 'campaign_name'], ['customer_id', 'customer_email'], ['group'], ['sent_at'], ['expires_at']],
  redemptions: [['code'], ['order_date']],
}

/** Required alternatives the mapping does not cover, each as its list of acceptable fields. */
export function missingRequired(kind: RecordKind, mapping: ColumnMapping): (readonly CanonicalField[])[] {
  return REQUIRED_BY_KIND[kind].filter((alternatives) => !alternatives.some((field) => Boolean(mapping[field])))
}

/** Field → the header text of the column it reads from (as written in the file), or absent. */
export type ColumnMapping = Partial<Record<CanonicalField, string>>

/** Day/month order of slash- or dot-separated dates. `auto` decides per column from all its values. */
export type DateOrder = 'auto' | 'dmy' | 'mdy' | 'ymd'

export const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'CNY', 'JPY', 'CAD', 'AUD', 'HKD', 'TWD', 'SGD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'NZD', 'INR', 'KRW', 'BRL', 'MXN'] as const
