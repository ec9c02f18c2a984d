/**
 * WooCommerce coupons: a CSV in the column layout common coupon import plugins
 * read, and REST API batch bodies for POST /wp-json/wc/v3/coupons/batch.
 * One coupon per treated customer. Field meanings: docs/export-formats.md.
 */
import { toCsv } from '../csv-text'
import { ExportError, type ExportFile, type ExportInput, type ExportMeta } from '../export-types'
import { amountText, fileStem, nextDay, sentences, treatedRows, type TreatedRow } from '../export-rows'
import { chunks } from './offer-groups'

export const WOO_CSV_COLUMNS = [
  'post_title',
  'post_excerpt',
  'discount_type',
  'coupon_amount',
  'individual_use',
  'usage_limit',
  'usage_limit_per_user',
  'date_expires',
  'minimum_amount',
  'free_shipping',
  'product_categories',
  'product_ids',
  'customer_email',
] as const

/** WooCommerce's batch endpoints take at most 100 objects per request. */
export const WOO_BATCH = 100

/** Woo has no "percent off products in scope" type of its own: a percent or cart amount limited by categories/products does it. */
function wooType(row: TreatedRow): { type: 'percent' | 'fixed_cart'; amount: string; freeShipping: boolean } {
  switch (row.offer.type) {
    case 'percent':
      return { type: 'percent', amount: amountText(row.offer.value), freeShipping: false }
    case 'fixed':
    case 'spend_x_save_y':
      return { type: 'fixed_cart', amount: amountText(row.offer.value), freeShipping: false }
    case 'free_shipping':
      // A zero cart coupon that grants free shipping (the Free shipping method must accept coupons).
      return { type: 'fixed_cart', amount: '0', freeShipping: true }
  }
}

/**
 * E-mail restriction only with real addresses: a hashed or dropped address
 * would make the coupon unusable by its own customer. The code stays
 * single-use either way (usage_limit 1).
 */
function restriction(meta: ExportMeta, row: TreatedRow): string | null {
  return meta.privacy === 'keep' && row.email ? row.email.trim() : null
}

function scopeIds(row: TreatedRow): { categories: number[]; products: number[] } {
  if (row.offer.scope === 'all') return { categories: [], products: [] }
  const id = row.scope?.wooId
  if (id === undefined) {
    throw new ExportError(`The WooCommerce ${row.offer.scope === 'category' ? 'category' : 'product'} id of "${row.scope?.name ?? '?'}" is needed for code ${row.code}.`)
  }
  return row.offer.scope === 'category' ? { categories: [id], products: [] } : { categories: [], products: [id] }
}

export function writeWooCouponCsv({ meta, rows }: ExportInput): ExportFile {
  const treated = treatedRows(rows)
  // Woo's date picker says it: "The coupon will expire at 00:00:00 of this date", so the day after the last valid one.
  const expires = nextDay(meta.expiresAt)
  const sentence = sentences(meta)
  const body = treated.map((row) => {
    const t = wooType(row)
    const ids = scopeIds(row)
    return [
      row.code,
      sentence(row),
      t.type,
      t.amount,
      'yes',
      1,
      1,
      expires,
      row.offer.minSpend > 0 ? amountText(row.offer.minSpend) : '',
      t.freeShipping ? 'yes' : 'no',
      ids.categories.join('|'),
      ids.products.join('|'),
      restriction(meta, row),
    ]
  })
  return { fileName: `${fileStem(meta)}-woocommerce-coupons.csv`, content: toCsv(WOO_CSV_COLUMNS, body), rows: body.length, warnings: [] }
}

export interface WooRestCoupon {
  code: string
  description: string
  discount_type: 'percent' | 'fixed_cart'
  /** Woo's REST API takes money as strings. */
  amount: string
  date_expires: string
  individual_use: boolean
  usage_limit: number
  usage_limit_per_user: number
  email_restrictions: string[]
  minimum_amount: string
  free_shipping: boolean
  product_categories: number[]
  product_ids: number[]
}

export interface WooRestDocument {
  format: 'woocommerce-rest'
  endpoint: 'POST /wp-json/wc/v3/coupons/batch'
  campaign: string
  /** Each element is one request body. */
  batches: { create: WooRestCoupon[] }[]
}

export function writeWooRestJson({ meta, rows }: ExportInput): ExportFile {
  const treated = treatedRows(rows)
  // The REST API reads a date-time in the site's time zone: the last valid day to its last second.
  const expires = `${meta.expiresAt.slice(0, 10)}T23:59:59`
  const sentence = sentences(meta)
  const coupons = treated.map((row): WooRestCoupon => {
    const t = wooType(row)
    const ids = scopeIds(row)
    const email = restriction(meta, row)
    return {
      code: row.code,
      description: sentence(row),
      discount_type: t.type,
      amount: t.amount,
      date_expires: expires,
      individual_use: true,
      usage_limit: 1,
      usage_limit_per_user: 1,
      email_restrictions: email ? [email] : [],
      minimum_amount: amountText(row.offer.minSpend),
      free_shipping: t.freeShipping,
      product_categories: ids.categories,
      product_ids: ids.products,
    }
  })
  const document: WooRestDocument = {
    format: 'woocommerce-rest',
    endpoint: 'POST /wp-json/wc/v3/coupons/batch',
    campaign: meta.campaignName,
    batches: chunks(coupons, WOO_BATCH).map((create) => ({ create })),
  }
  return { fileName: `${fileStem(meta)}-woocommerce-rest.json`, content: `${JSON.stringify(document, null, 2)}\n`, rows: coupons.length, warnings: [] }
}
