import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  BASIC_CREATE,
  BULK_ADD,
  FREE_SHIPPING_CREATE,
  MATRIXIFY_COLUMNS,
  writeShopifyApiJson,
  writeShopifyMatrixifyCsv,
  writeShopifyMatrixifyXlsx,
  type ShopifyApiDocument,
} from '../../../src-main/engine/export/formats/shopify'
import { FIXED5, FREE_SHIPPING, PERCENT10_CATEGORY, PERCENT15, SPEND40SAVE5, csvRecords, formulaCells, holdoutRow, meta, row } from './export-fixtures'

const ROWS = [
  row(1),
  holdoutRow(2),
  row(3, { offer: SPEND40SAVE5 }),
  row(4),
  row(5, { offer: FREE_SHIPPING }),
  row(6, { offer: FIXED5 }),
  row(7, { offer: PERCENT10_CATEGORY, scope: { name: 'Tea', shopifyId: 'gid://shopify/Collection/11' } }),
]

describe('Shopify Matrixify sheet', () => {
  it('has one row per code, codes of one offer sharing a title, no holdout', () => {
    const file = writeShopifyMatrixifyCsv({ meta: meta({ utcOffsetMinutes: 60 }), rows: ROWS })
    expect(file.fileName).toContain('discounts')
    const { header, records } = csvRecords(file.content as string)
    expect(header).toEqual([...MATRIXIFY_COLUMNS])
    expect(records.map((r) => r.Code)).toEqual(['CODE000001', 'CODE000004', 'CODE000003', 'CODE000005', 'CODE000006', 'CODE000007'])
    expect(file.content).not.toContain('CODE000002')
    const byCode = Object.fromEntries(records.map((r) => [r.Code, r]))
    expect(byCode.CODE000001.Title).toBe(byCode.CODE000004.Title)
    expect(new Set(records.map((r) => r.Title)).size).toBe(5)
    expect(byCode.CODE000001).toEqual({
      Title: 'Winter – 15% off your next order', Command: 'NEW', Code: 'CODE000001', Type: 'Percentage', 'Value Type': 'percentage',
      Value: '-15', 'Minimum Requirement': 'None', 'Minimum Value': '', 'Limit Total Times': '1', 'Limit One Use Per Customer': 'TRUE',
      'Starts At': '2024-11-30T00:00:00+01:00', 'Ends At': '2024-12-14T23:59:59+01:00',
    })
    expect(byCode.CODE000003).toMatchObject({ Type: 'Fixed Amount', 'Value Type': 'fixed_amount', Value: '-5', 'Minimum Requirement': 'Minimum Purchase Amount', 'Minimum Value': '40' })
    expect(byCode.CODE000005).toMatchObject({ Type: 'Free Shipping', Value: '-100' })
    expect(byCode.CODE000006).toMatchObject({ Type: 'Fixed Amount', Value: '-5', 'Minimum Requirement': 'None' })
    // A scoped offer cannot be limited in this layout: the merchant is told.
    expect(file.warnings).toHaveLength(1)
    expect(file.warnings[0]).toContain('Tea')
    expect(formulaCells(records.flatMap((r) => Object.values(r)))).toEqual([])
  })

  it('writes time-zone-less times when the offset is unknown, negative offsets when behind UTC', () => {
    const none = csvRecords(writeShopifyMatrixifyCsv({ meta: meta(), rows: [row(1)] }).content as string).records[0]
    expect(none['Ends At']).toBe('2024-12-14T23:59:59')
    const behind = csvRecords(writeShopifyMatrixifyCsv({ meta: meta({ utcOffsetMinutes: -330 }), rows: [row(1)] }).content as string).records[0]
    expect(behind['Starts At']).toBe('2024-11-30T00:00:00-05:30')
  })

  it('reads back as XLSX from a sheet named Discounts, values as numbers', async () => {
    const file = await writeShopifyMatrixifyXlsx({ meta: meta(), rows: ROWS })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Discounts')
    expect(sheet).toBeDefined()
    expect((sheet!.getRow(1).values as unknown[]).slice(1)).toEqual([...MATRIXIFY_COLUMNS])
    expect(sheet!.rowCount).toBe(7)
    expect(sheet!.getRow(2).getCell(6).value).toBe(-15)
  })
})

function apiDocument(rows = ROWS): ShopifyApiDocument {
  return JSON.parse(writeShopifyApiJson({ meta: meta({ utcOffsetMinutes: 0 }), rows }).content as string) as ShopifyApiDocument
}

describe('Shopify Admin API payloads', () => {
  it('creates one discount per offer with its first code; percentages as 0–1', () => {
    const doc = apiDocument()
    expect(doc.discounts.map((d) => d.offerId)).toEqual(['percent:15', 'spend_x_save_y:40:5', 'free_shipping', 'fixed:5', 'percent:10@category'])
    const percent = doc.discounts[0]
    expect(percent.codes).toBe(2)
    expect(percent.create.mutation).toBe(BASIC_CREATE)
    expect(percent.create.variables).toEqual({
      basicCodeDiscount: {
        title: 'Winter – 15% off your next order',
        code: 'CODE000001',
        startsAt: '2024-11-30T00:00:00+00:00',
        endsAt: '2024-12-14T23:59:59+00:00',
        customerSelection: { all: true },
        minimumRequirement: null,
        appliesOncePerCustomer: true,
        usageLimit: 1,
        customerGets: { value: { percentage: 0.15 }, items: { all: true } },
      },
    })
    expect(percent.bulkAdd).toEqual([{ mutation: BULK_ADD, variables: { discountId: null, codes: [{ code: 'CODE000004' }] } }])
    expect(JSON.stringify(doc)).not.toContain('CODE000002')
  })

  it('writes spend-X-save-Y as an amount with a minimum subtotal, free shipping with its own mutation, scopes by id', () => {
    const [, spend, free, fixed, scoped] = apiDocument().discounts
    const basic = spend.create.variables.basicCodeDiscount as Record<string, unknown>
    expect(basic.customerGets).toEqual({ value: { discountAmount: { amount: '5', appliesOnEachItem: false } }, items: { all: true } })
    expect(basic.minimumRequirement).toEqual({ subtotal: { greaterThanOrEqualToSubtotal: '40' } })
    expect(free.create.mutation).toBe(FREE_SHIPPING_CREATE)
    expect(free.create.variables.freeShippingCodeDiscount).toMatchObject({ code: 'CODE000005', destination: { all: true }, usageLimit: 1, appliesOncePerCustomer: true })
    expect((fixed.create.variables.basicCodeDiscount as Record<string, unknown>).minimumRequirement).toBeNull()
    expect((scoped.create.variables.basicCodeDiscount as { customerGets: unknown }).customerGets).toEqual({
      value: { percentage: 0.1 },
      items: { collections: { add: ['gid://shopify/Collection/11'] } },
    })
  })

  it('refuses a scoped offer without its Shopify id rather than discount the whole shop', () => {
    expect(() => apiDocument([row(1, { offer: PERCENT10_CATEGORY, scope: { name: 'Tea' } })])).toThrow(/limited to the category "Tea", but the store does not hold its Shopify collection id .*Use the Matrixify sheet/)
  })

  it('adds the remaining codes in batches of at most 250', () => {
    const many = Array.from({ length: 752 }, (_, i) => row(i, { offer: PERCENT15 }))
    const [discount] = apiDocument(many).discounts
    expect(discount.codes).toBe(752)
    // 1 code in the create call, 751 left: 250 + 250 + 250 + 1.
    expect(discount.bulkAdd.map((b) => b.variables.codes.length)).toEqual([250, 250, 250, 1])
    const all = [(discount.create.variables.basicCodeDiscount as { code: string }).code, ...discount.bulkAdd.flatMap((b) => b.variables.codes.map((c) => c.code))]
    expect(new Set(all).size).toBe(752)
  })
})
