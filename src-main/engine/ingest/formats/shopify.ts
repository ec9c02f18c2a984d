import type { FormatPreset } from './preset'

/**
 * Shopify admin exports. Names are Shopify's own column titles; when a field
 * has two candidates the first is the one Shopify fills most reliably.
 */

/**
 * Orders → Export. One row per line item; only the first row of an order
 * carries the order-level columns (status, totals, addresses), so they are
 * filled down. `Name` (#1001) is what the merchant sees and searches for;
 * `Id` is Shopify's internal number, kept as a fallback for trimmed exports.
 * The export has no customer id: the email is the customer's identity.
 */
export const SHOPIFY_ORDERS: FormatPreset = {
  id: 'shopify-orders',
  kind: 'order-lines',
  columns: {
    order_id: ['Name', 'Id'],
    order_date: ['Created at', 'Paid at'],
    customer_email: ['Email'],
    customer_name: ['Billing Name', 'Shipping Name'],
    country: ['Billing Country', 'Shipping Country'],
    city: ['Billing City', 'Shipping City'],
    currency: ['Currency'],
    financial_status: ['Financial Status'],
    cancelled_at: ['Cancelled at'],
    discount_code: ['Discount Code'],
    order_discount: ['Discount Amount'],
    shipping: ['Shipping'],
    order_total: ['Total'],
    refunded_amount: ['Refunded Amount'],
    sku: ['Lineitem sku'],
    product_name: ['Lineitem name'],
    quantity: ['Lineitem quantity'],
    unit_price: ['Lineitem price'],
    line_discount: ['Lineitem discount'],
  },
  signature: [
    'Lineitem sku',
    'Lineitem name',
    'Lineitem quantity',
    'Lineitem price',
    'Lineitem fulfillment status',
    'Financial Status',
    'Fulfillment Status',
    'Billing Name',
  ],
  fillDownOrderFields: true,
}

/**
 * Customers → Export, in both the current layout ("Customer ID", "Default
 * Address ...", "Accepts Email Marketing") and the legacy one ("Address1",
 * "Accepts Marketing", no id). Shopify writes ids as `'7091234...` so Excel
 * keeps all digits.
 */
export const SHOPIFY_CUSTOMERS: FormatPreset = {
  id: 'shopify-customers',
  kind: 'customers',
  columns: {
    customer_id: ['Customer ID'],
    customer_email: ['Email'],
    first_name: ['First Name'],
    last_name: ['Last Name'],
    country: ['Default Address Country Code', 'Country Code', 'Country'],
    city: ['Default Address City', 'City'],
    accepts_marketing: ['Accepts Email Marketing', 'Accepts Marketing'],
    tags: ['Tags'],
    // Lifetime figures as Shopify counts them; the export has no last-order date.
    total_spent: ['Total Spent'],
    orders_count: ['Total Orders'],
  },
  signature: [
    'Total Spent',
    'Total Orders',
    'Accepts Email Marketing',
    'Accepts SMS Marketing',
    'Default Address Country Code',
    'Default Address Address1',
    'Tax Exempt',
  ],
  stripLeadingApostrophe: true,
}

/**
 * Products → Export (and the import template), legacy and 2024 layouts. One
 * row per variant; extra rows that carry only Handle + image columns belong to
 * the product above. `Type` is the merchant's own grouping ("Shirts"), better
 * for offers than Shopify's taxonomy path in `Product Category`, which is the
 * fallback.
 */
export const SHOPIFY_PRODUCTS: FormatPreset = {
  id: 'shopify-products',
  kind: 'products',
  columns: {
    product_key: ['Handle'],
    sku: ['Variant SKU'],
    product_name: ['Title'],
    category: ['Type', 'Product Category', 'Product Type'],
    vendor: ['Vendor'],
    unit_price: ['Variant Price'],
    cost: ['Cost per item', 'Variant Cost'],
    tags: ['Tags'],
  },
  signature: [
    'Variant SKU',
    'Variant Price',
    'Variant Inventory Policy',
    'Variant Compare At Price',
    'Variant Fulfillment Service',
    'Body (HTML)',
    'Option1 Name',
  ],
}

export const SHOPIFY_PRESETS: readonly FormatPreset[] = [SHOPIFY_ORDERS, SHOPIFY_CUSTOMERS, SHOPIFY_PRODUCTS]
