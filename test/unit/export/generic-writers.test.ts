import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { writeExport } from '../../../src-main/engine/export/export-files'
import { ExportError } from '../../../src-main/engine/export/export-types'
import { hashPersonal } from '../../../src-main/engine/export/export-rows'
import { writeGenericCsv, writeGenericXlsx, writeHoldoutCsv } from '../../../src-main/engine/export/formats/generic'
import { PERCENT10_CATEGORY, SECRET, csvRecords, formulaCells, holdoutRow, hostileRow, meta, row } from './export-fixtures'

const HEADER = [
  'customer_id', 'email', 'group', 'discount_type', 'discount_value', 'min_spend', 'applies_to', 'starts_at', 'expires_at',
  'p_buy_without', 'p_buy_with', 'expected_cost', 'expected_incremental_profit', 'reason', 'code', 'offer_text',
]
const ROWS = [row(1), holdoutRow(2), row(3, { offer: PERCENT10_CATEGORY, scope: { name: 'Tea', shopifyId: 'gid://shopify/Collection/9', wooId: 9 } }), holdoutRow(4), hostileRow(5)]

async function readXlsx(content: Buffer): Promise<{ sheet: string; values: unknown[][]; types: number[] }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(content as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  const values: unknown[][] = []
  const types: number[] = []
  sheet.eachRow((r) => {
    values.push((r.values as unknown[]).slice(1))
    r.eachCell((cell) => types.push(cell.type))
  })
  return { sheet: sheet.name, values, types }
}

describe('generic CSV', () => {
  it('writes the plan columns, code and offer text for treated customers only', () => {
    const file = writeGenericCsv({ meta: meta(), rows: ROWS })
    const { header, records } = csvRecords(file.content as string)
    expect(header).toEqual(HEADER)
    expect(file.rows).toBe(3)
    expect(records.map((r) => r.customer_id)).toEqual(['C1', 'C3', "'-2+3"])
    expect(records.every((r) => r.group === 'treatment')).toBe(true)
    expect(file.content).not.toMatch(/holdout|H2|H4/)
    expect(records[0]).toMatchObject({
      email: 'customer1@example.com', discount_type: 'percent', discount_value: '15', min_spend: '0', applies_to: 'all',
      starts_at: '2024-11-30', expires_at: '2024-12-14', p_buy_without: '0.1235', expected_cost: '3.46',
      expected_incremental_profit: '7.89', code: 'CODE000001', offer_text: '15% off your next order, until 14 Dec 2024',
    })
    expect(records[0].reason).toContain('profit')
    expect(records[1]).toMatchObject({ applies_to: 'category:Tea', offer_text: '10% off your next order on Tea, until 14 Dec 2024' })
  })

  it('neutralises formula cells', () => {
    const { records } = csvRecords(writeGenericCsv({ meta: meta(), rows: [hostileRow(1)] }).content as string)
    expect(records[0].email).toBe("'+1@example.com")
    expect(formulaCells(Object.values(records[0]))).toEqual([])
  })

  it('hashes or drops e-mail on request', () => {
    const hashed = csvRecords(writeGenericCsv({ meta: meta({ privacy: 'hash' }), rows: [row(1)] }).content as string).records[0]
    expect(hashed.email).toMatch(/^[0-9a-f]{64}$/)
    expect(hashed.email).toBe(hashPersonal(SECRET, 'Customer1@Example.com '))
    expect(hashed.email).not.toBe(hashPersonal(Buffer.alloc(32, 9), 'customer1@example.com'))
    const dropped = csvRecords(writeGenericCsv({ meta: meta({ privacy: 'drop' }), rows: [row(1)] }).content as string)
    expect(dropped.header).toEqual(HEADER.filter((h) => h !== 'email'))
    expect(dropped.records[0].customer_id).toBe('C1')
    expect(JSON.stringify(dropped.records)).not.toContain('example.com')
  })

  it('refuses a treated row without a code', () => {
    expect(() => writeGenericCsv({ meta: meta(), rows: [row(1, { code: null })] })).toThrow(ExportError)
  })
})

describe('generic XLSX', () => {
  it('reads back with exceljs: same header and rows, text cells, no formulas', async () => {
    const file = await writeGenericXlsx({ meta: meta(), rows: ROWS })
    expect(Buffer.isBuffer(file.content)).toBe(true)
    const { sheet, values, types } = await readXlsx(file.content as Buffer)
    expect(sheet).toBe('Coupons')
    expect(values[0]).toEqual(HEADER)
    expect(values).toHaveLength(4)
    expect(values[1][HEADER.indexOf('code')]).toBe('CODE000001')
    expect(values[1][HEADER.indexOf('discount_value')]).toBe(15)
    expect(values[3][HEADER.indexOf('email')]).toBe("'+1@example.com")
    expect(types).not.toContain(ExcelJS.ValueType.Formula)
    expect(JSON.stringify(values)).not.toContain('holdout')
  })

  it('streams a large sheet that reads back whole', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => row(i))
    const file = await writeGenericXlsx({ meta: meta(), rows: many })
    const { values } = await readXlsx(file.content as Buffer)
    expect(file.rows).toBe(3_000)
    expect(values).toHaveLength(3_001)
    expect(values[3_000][HEADER.indexOf('code')]).toBe('CODE002999')
  })
})

describe('holdout file', () => {
  it('lists only holdout customers, named HOLDOUT-DO-NOT-MAIL, with a warning', () => {
    const file = writeHoldoutCsv({ meta: meta(), rows: ROWS })
    expect(file.fileName).toMatch(/HOLDOUT-DO-NOT-MAIL\.csv$/)
    const { header, records } = csvRecords(file.content as string)
    expect(header).toEqual(['customer_id', 'email', 'name', 'group', 'segment'])
    expect(records.map((r) => r.customer_id)).toEqual(['H2', 'H4'])
    expect(file.warnings[0]).toMatch(/must NOT be sent/)
    expect(() => writeHoldoutCsv({ meta: meta(), rows: [holdoutRow(1, { code: 'X' })] })).toThrow(/never get one/)
  })

  it('is written by writeExport only when asked for', async () => {
    const without = await writeExport({ meta: meta(), rows: ROWS }, { format: 'csv', withHoldout: false })
    expect(without.map((f) => f.fileName)).toEqual(['plan-3-winter-coupons.csv'])
    const withHoldout = await writeExport({ meta: meta(), rows: ROWS }, { format: 'shopify', withHoldout: true })
    expect(withHoldout.map((f) => f.fileName)).toEqual([
      'plan-3-winter-shopify-discounts.csv',
      'plan-3-winter-shopify-api.json',
      'plan-3-winter-HOLDOUT-DO-NOT-MAIL.csv',
    ])
    expect(withHoldout.map((f) => f.destination)).toEqual(['shopify-matrixify', 'shopify-api', 'holdout'])
  })
})
