import { describe, expect, it } from 'vitest'
import { WOO_CSV_COLUMNS, writeWooCouponCsv, writeWooRestJson, type WooRestDocument } from '../../../src-main/engine/export/formats/woocommerce'
import { FREE_SHIPPING, PERCENT10_CATEGORY, SPEND40SAVE5, csvRecords, formulaCells, holdoutRow, hostileRow, meta, row } from './export-fixtures'

const ROWS = [
  row(1),
  holdoutRow(2),
  row(3, { offer: SPEND40SAVE5 }),
  row(4, { offer: FREE_SHIPPING }),
  row(5, { offer: PERCENT10_CATEGORY, scope: { name: 'Tea', wooId: 17 } }),
  hostileRow(6),
]

describe('WooCommerce coupon CSV', () => {
  it('writes one coupon per treated customer in the plugin layout', () => {
    const file = writeWooCouponCsv({ meta: meta(), rows: ROWS })
    const { header, records } = csvRecords(file.content as string)
    expect(header).toEqual([...WOO_CSV_COLUMNS])
    expect(records.map((r) => r.post_title)).toEqual(['CODE000001', 'CODE000003', 'CODE000004', 'CODE000005', 'CODE000006'])
    expect(file.content).not.toMatch(/CODE000002|holdout2/)
    expect(records[0]).toEqual({
      post_title: 'CODE000001', post_excerpt: '15% off your next order, until 14 Dec 2024', discount_type: 'percent', coupon_amount: '15',
      individual_use: 'yes', usage_limit: '1', usage_limit_per_user: '1',
      // Woo expires a coupon at 00:00 of date_expires: the day after the last valid day.
      date_expires: '2024-12-15', minimum_amount: '', free_shipping: 'no', product_categories: '', product_ids: '', customer_email: 'customer1@example.com',
    })
    expect(records[1]).toMatchObject({ discount_type: 'fixed_cart', coupon_amount: '5', minimum_amount: '40' })
    expect(records[2]).toMatchObject({ discount_type: 'fixed_cart', coupon_amount: '0', free_shipping: 'yes' })
    expect(records[3]).toMatchObject({ product_categories: '17' })
  })

  it('neutralises formulas and leaves the e-mail restriction out under hash/drop', () => {
    const { records } = csvRecords(writeWooCouponCsv({ meta: meta(), rows: ROWS }).content as string)
    expect(records[4].customer_email).toBe("'+1@example.com")
    expect(formulaCells(records.flatMap((r) => Object.values(r)))).toEqual([])
    for (const privacy of ['hash', 'drop'] as const) {
      const text = writeWooCouponCsv({ meta: meta({ privacy }), rows: ROWS }).content as string
      expect(csvRecords(text).records.every((r) => r.customer_email === '')).toBe(true)
    }
  })

  it('restricts a category offer by the category name when the store has no id, and by the id when given', () => {
    const byName = csvRecords(writeWooCouponCsv({ meta: meta(), rows: [row(1, { offer: PERCENT10_CATEGORY, scope: { name: 'Tea' } })] }).content as string).records[0]
    expect(byName).toMatchObject({ product_categories: 'Tea', product_ids: '' })
    const byId = csvRecords(writeWooCouponCsv({ meta: meta(), rows: [row(1, { offer: PERCENT10_CATEGORY, scope: { name: 'Tea', wooId: 17 } })] }).content as string).records[0]
    expect(byId).toMatchObject({ product_categories: '17', product_ids: '' })
  })

  it('refuses a product offer without its WooCommerce product id, naming the offer and what to do', () => {
    const product = { ...PERCENT10_CATEGORY, id: 'percent:10@product', scope: 'product' as const }
    expect(() => writeWooCouponCsv({ meta: meta(), rows: [row(1, { offer: product, scope: { name: 'Green tea' } })] })).toThrow(
      /offer "percent:10@product" \(code CODE000001\) is limited to the product "Green tea".*WooCommerce product id.*generic CSV/,
    )
  })
})

describe('WooCommerce REST batches', () => {
  function document(rows = ROWS, privacy: 'keep' | 'hash' = 'keep'): WooRestDocument {
    return JSON.parse(writeWooRestJson({ meta: meta({ privacy }), rows }).content as string) as WooRestDocument
  }

  it('writes coupons with amounts as strings and e-mail restrictions', () => {
    const doc = document()
    expect(doc.endpoint).toBe('POST /wp-json/wc/v3/coupons/batch')
    const create = doc.batches[0].create
    expect(create).toHaveLength(5)
    expect(create[0]).toEqual({
      code: 'CODE000001', description: '15% off your next order, until 14 Dec 2024', discount_type: 'percent', amount: '15',
      date_expires: '2024-12-14T23:59:59', individual_use: true, usage_limit: 1, usage_limit_per_user: 1,
      email_restrictions: ['customer1@example.com'], minimum_amount: '0', free_shipping: false, product_categories: [], product_ids: [],
    })
    expect(create[1]).toMatchObject({ discount_type: 'fixed_cart', amount: '5', minimum_amount: '40' })
    expect(create[2]).toMatchObject({ amount: '0', free_shipping: true })
    expect(create[3].product_categories).toEqual([17])
    for (const coupon of create) expect(typeof coupon.amount).toBe('string')
    // JSON goes to the API, not a spreadsheet: addresses stay exact.
    expect(create[4].email_restrictions).toEqual(['+1@example.com'])
    expect(JSON.stringify(doc)).not.toContain('CODE000002')
    expect(document(ROWS, 'hash').batches[0].create.every((c) => c.email_restrictions.length === 0)).toBe(true)
  })

  it('refuses a category offer without its id (the REST API takes ids only), pointing to the coupon CSV', () => {
    expect(() => writeWooRestJson({ meta: meta(), rows: [row(1, { offer: PERCENT10_CATEGORY, scope: { name: 'Tea' } })] })).toThrow(/product category id, which the REST API needs\. Use the coupon CSV/)
  })

  it('splits into batches of at most 100', () => {
    const doc = document(Array.from({ length: 250 }, (_, i) => row(i)))
    expect(doc.batches.map((b) => b.create.length)).toEqual([100, 100, 50])
    expect(new Set(doc.batches.flatMap((b) => b.create.map((c) => c.code))).size).toBe(250)
  })
})
