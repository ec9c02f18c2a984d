/**
 * Complete headers of Shopify's exports, as Shopify writes them. Detection only
 * needs the presets; these full lists exist so the fixtures and the sample shop
 * write files exactly like a real export (same columns, same order).
 */

/** Orders export (Orders → Export): 79 columns, one row per line item. */
export const SHOPIFY_ORDERS_HEADER: readonly string[] = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing',
  'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount',
  'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price',
  'Lineitem compare at price', 'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable',
  'Lineitem fulfillment status', 'Billing Name', 'Billing Street', 'Billing Address1', 'Billing Address2',
  'Billing Company', 'Billing City', 'Billing Zip', 'Billing Province', 'Billing Country', 'Billing Phone',
  'Shipping Name', 'Shipping Street', 'Shipping Address1', 'Shipping Address2', 'Shipping Company',
  'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone', 'Notes',
  'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor',
  'Outstanding Balance', 'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level', 'Source',
  'Lineitem discount', 'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name', 'Tax 2 Value', 'Tax 3 Name', 'Tax 3 Value',
  'Tax 4 Name', 'Tax 4 Value', 'Tax 5 Name', 'Tax 5 Value', 'Phone', 'Receipt Number', 'Duties',
  'Billing Province Name', 'Shipping Province Name', 'Payment ID', 'Payment Terms Name',
  'Next Payment Due At', 'Payment References',
]

/** Customers export, current layout (2023 onwards). IDs and zips are written as `'123`. */
export const SHOPIFY_CUSTOMERS_HEADER: readonly string[] = [
  'Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Default Address Company',
  'Default Address Address1', 'Default Address Address2', 'Default Address City',
  'Default Address Province Code', 'Default Address Country Code', 'Default Address Zip',
  'Default Address Phone', 'Phone', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Note',
  'Tax Exempt', 'Tags',
]

/** Customers export, legacy layout (before 2023), still found in merchants' archives. */
export const SHOPIFY_CUSTOMERS_LEGACY_HEADER: readonly string[] = [
  'First Name', 'Last Name', 'Email', 'Company', 'Address1', 'Address2', 'City', 'Province', 'Province Code',
  'Country', 'Country Code', 'Zip', 'Phone', 'Accepts Marketing', 'Total Spent', 'Total Orders', 'Tags',
  'Note', 'Tax Exempt',
]

/** Products export/import template with market price columns (Shopify's sample file). */
export const SHOPIFY_PRODUCTS_HEADER: readonly string[] = [
  'Handle', 'Title', 'Body (HTML)', 'Vendor', 'Product Category', 'Type', 'Tags', 'Published',
  'Option1 Name', 'Option1 Value', 'Option2 Name', 'Option2 Value', 'Option3 Name', 'Option3 Value',
  'Variant SKU', 'Variant Grams', 'Variant Inventory Tracker', 'Variant Inventory Qty',
  'Variant Inventory Policy', 'Variant Fulfillment Service', 'Variant Price', 'Variant Compare At Price',
  'Variant Requires Shipping', 'Variant Taxable', 'Variant Barcode', 'Image Src', 'Image Position',
  'Image Alt Text', 'Gift Card', 'SEO Title', 'SEO Description', 'Google Shopping / Google Product Category',
  'Google Shopping / Gender', 'Google Shopping / Age Group', 'Google Shopping / MPN',
  'Google Shopping / Condition', 'Google Shopping / Custom Product', 'Variant Image', 'Variant Weight Unit',
  'Variant Tax Code', 'Cost per item', 'Included / United States', 'Price / United States',
  'Compare At Price / United States', 'Included / International', 'Price / International',
  'Compare At Price / International', 'Status',
]

/** Products export, 2024 layout: linked options, unit prices, category metafields. */
export const SHOPIFY_PRODUCTS_2024_HEADER: readonly string[] = [
  'Handle', 'Title', 'Body (HTML)', 'Vendor', 'Product Category', 'Type', 'Tags', 'Published',
  'Option1 Name', 'Option1 Value', 'Option1 Linked To', 'Option2 Name', 'Option2 Value', 'Option2 Linked To',
  'Option3 Name', 'Option3 Value', 'Option3 Linked To', 'Variant SKU', 'Variant Grams',
  'Variant Inventory Tracker', 'Variant Inventory Qty', 'Variant Inventory Policy',
  'Variant Fulfillment Service', 'Variant Price', 'Variant Compare At Price', 'Variant Requires Shipping',
  'Variant Taxable', 'Unit Price Total Measure', 'Unit Price Total Measure Unit', 'Unit Price Base Measure',
  'Unit Price Base Measure Unit', 'Variant Barcode', 'Image Src', 'Image Position', 'Image Alt Text',
  'Gift Card', 'SEO Title', 'SEO Description', 'Google Shopping / Google Product Category',
  'Google Shopping / Gender', 'Google Shopping / Age Group', 'Google Shopping / MPN',
  'Google Shopping / Condition', 'Google Shopping / Custom Product', 'Google Shopping / Custom Label 0',
  'Google Shopping / Custom Label 1', 'Google Shopping / Custom Label 2', 'Google Shopping / Custom Label 3',
  'Google Shopping / Custom Label 4', 'Color (product.metafields.shopify.color-pattern)', 'Variant Image',
  'Variant Weight Unit', 'Variant Tax Code', 'Cost per item', 'Status',
]
