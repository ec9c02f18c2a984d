/**
 * WooCommerce coupons: a CSV in the column layout common coupon import plugins
 * read, and REST API batch bodies for POST /wp-json/wc/v3/coupons/batch.
 * One coupon per treated customer. Field meanings: docs/export-formats.md.
 */
import { ExportError, type ExportFile, type ExportInput, type ExportMeta } from '../export-types'
import { amountText, fileStem, nextDay, sentences, treatedRows, type TreatedRow } from '../export-rows'
import { csvPart, jsonPart, textFile, type ExportPart } from '../export-table'
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

/**
 * The shop's own ids of a scoped offer. The REST API takes ids only; without
 * them the coupon would silently apply to the whole shop, so it is refused
 * with what the merchant can do instead.
 */
function scopeIds(row: TreatedRow, route: 'REST API' | 'coupon CSV'): { categories: number[]; products: number[] } {
  if (row.offer.scope === 'all') return { categories: [], products: [] }
  const id = row.scope?.wooId
  if (id === undefined) {
    const what = row.offer.scope === 'category' ? 'product category' : 'product'
    throw new ExportError(
      `The offer "${row.offer.id}" (code ${row.code}) is limited to the ${row.offer.scope} "${row.scope?.name ?? '?'}", but the store does not hold ` +
        `its WooCommerce ${what} id, which the ${route} needs. ` +
        (row.offer.scope === 'category' && route === 'REST API'
          ? 'Use the coupon CSV of this same format (it names the category, which coupon import plugins match), '
          : 'Use the generic CSV and set the restriction in WooCommerce, ') +
        'or make a plan without scoped offers.',
    )
  }
  return row.offer.scope === 'category' ? { categories: [id], products: [] } : { categories: [], products: [id] }
}

/**
 * The CSV's category restriction: the id when known, else the category's
 * name, which the common coupon import plugins match against the shop's
 * categories by name or slug (docs/export-formats.md). Products need ids.
 */
function csvScope(row: TreatedRow): { categories: string; products: string } {
  if (row.offer.scope === 'category' && row.scope && row.scope.wooId === undefined) return { categories: row.scope.name, products: '' }
  const ids = scopeIds(row, 'coupon CSV')
  return { categories: ids.categories.join('|'), products: ids.products.join('|') }
}

export function wooCouponCsvPart({ meta, rows }: ExportInput): ExportPart {
  const treated = treatedRows(rows)
  // Woo's date picker says it: "The coupon will expire at 00:00:00 of this date", so the day after the last valid one.
  const expires = nextDay(meta.expiresAt)
  const sentence = sentences(meta)
  // Checked for every row now, not when written: the preview already refuses what the file cannot carry.
  const scopes = treated.map(csvScope)
  return csvPart({
    fileName: `${fileStem(meta)}-woocommerce-coupons.csv`,
    destination: 'woocommerce-import',
    header: WOO_CSV_COLUMNS,
    rows: treated.length,
    cells: (i) => {
      const row = treated[i]
      const t = wooType(row)
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
        scopes[i].categories,
        scopes[i].products,
        restriction(meta, row),
      ]
    },
    warnings: [],
  })
}

export const writeWooCouponCsv = (input: ExportInput): ExportFile => textFile(wooCouponCsvPart(input))

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

const REST_PREVIEW_FIELDS = ['code', 'discount_type', 'amount', 'date_expires', 'individual_use', 'usage_limit', 'usage_limit_per_user', 'email_restrictions', 'minimum_amount', 'free_shipping', 'product_categories', 'product_ids', 'description'] as const

export function wooRestPart({ meta, rows }: ExportInput): ExportPart {
  const treated = treatedRows(rows)
  // The REST API reads a date-time in the site's time zone: the last valid day to its last second.
  const expires = `${meta.expiresAt.slice(0, 10)}T23:59:59`
  const sentence = sentences(meta)
  const scopes = treated.map((row) => scopeIds(row, 'REST API'))
  const coupon = (i: number): WooRestCoupon => {
    const row = treated[i]
    const t = wooType(row)
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
      product_categories: scopes[i].categories,
      product_ids: scopes[i].products,
    }
  }
  return jsonPart({
    fileName: `${fileStem(meta)}-woocommerce-rest.json`,
    destination: 'woocommerce-rest',
    rows: treated.length,
    warnings: [],
    preview: { header: REST_PREVIEW_FIELDS, rows: treated.length, unit: 'coupons', cells: (i) => REST_PREVIEW_FIELDS.map((field) => coupon(i)[field]) },
    document: (progress): WooRestDocument => {
      const coupons: WooRestCoupon[] = []
      for (let i = 0; i < treated.length; i++) {
        if (progress && i > 0 && i % 2000 === 0) progress(i)
        coupons.push(coupon(i))
      }
      return { format: 'woocommerce-rest', endpoint: 'POST /wp-json/wc/v3/coupons/batch', campaign: meta.campaignName, batches: chunks(coupons, WOO_BATCH).map((create) => ({ create })) }
    },
  })
}

export const writeWooRestJson = (input: ExportInput): ExportFile => textFile(wooRestPart(input))
