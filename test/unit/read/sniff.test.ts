import { describe, expect, it } from 'vitest'
import { sniffFile } from '../../../src-main/engine/ingest/read'
import type { FileLayout } from '../../../src-main/engine/ingest/read/types'
import { fixture } from './helpers'

const LATIN_HEADER = ['order_id', 'order_date', 'customer', 'sku', 'product', 'quantity', 'unit_price']
const FIRST_LATIN_ROW = ['1001', '2024-01-31 10:22:01', 'Anna Müller', 'MUG-01', 'Café mug', '2', '£12.50']
const SECOND_LATIN_ROW = ['1002', '2024-02-01 09:05:00', 'Zoë O’Brien', 'APR-02', 'Baker’s apron', '1', '£8.00']

async function layoutOf(name: string, options = {}): Promise<FileLayout> {
  const result = await sniffFile(fixture(name), options)
  if (!result.ok) throw new Error(`${name}: ${result.issue.code} ${result.issue.message}`)
  return result.layout
}

describe('sniffFile: encodings', () => {
  it.each([
    ['orders-utf8.csv', 'utf-8'],
    ['orders-utf8-bom.csv', 'utf-8'],
    ['orders-utf16le-bom.csv', 'utf-16le'],
    ['orders-utf16be-bom.csv', 'utf-16be'],
    ['orders-utf16le-nobom.csv', 'utf-16le'],
    ['orders-win1252.csv', 'windows-1252'],
  ] as const)('%s is %s and decodes exactly', async (name, encoding) => {
    const layout = await layoutOf(name)
    expect(layout.encoding).toBe(encoding)
    expect(layout.kind).toBe('csv')
    expect(layout.delimiter).toBe(',')
    expect(layout.header).toEqual(LATIN_HEADER) // BOM gone from the first name
    expect(layout.headerLine).toBe(1)
    expect(layout.sample).toHaveLength(4)
    expect(layout.sample[0]).toEqual({ line: 2, cells: FIRST_LATIN_ROW })
    expect(layout.sample[1]).toEqual({ line: 3, cells: SECOND_LATIN_ROW })
  })

  it('reads GBK Chinese exports with Chinese headers and product names', async () => {
    const layout = await layoutOf('orders-gbk.csv')
    expect(layout.encoding).toBe('gb18030')
    expect(layout.header).toEqual(['订单编号', '下单时间', '买家', '商品编码', '商品名称', '数量', '单价', '优惠'])
    expect(layout.sample.map((r) => r.cells[4])).toEqual(['青花瓷茶杯', '龙井绿茶 250克', '手工竹编收纳篮'])
    expect(layout.sample[0].cells).toEqual(['E20240131001', '2024年1月31日 10:22', '张三', 'SKU-001', '青花瓷茶杯', '2', '￥38.00', '5.00'])
  })

  it('reads the same Chinese table in UTF-8 as UTF-8', async () => {
    const layout = await layoutOf('orders-zh-utf8.csv')
    expect(layout.encoding).toBe('utf-8')
    expect(layout.sample[2].cells[4]).toBe('手工竹编收纳篮')
  })

  it('lets the caller override a guess', async () => {
    const layout = await layoutOf('orders-win1252.csv', { encoding: 'utf-8' })
    expect(layout.encoding).toBe('utf-8')
    expect(layout.sample[0].cells[2]).toBe('Anna M\uFFFDller')
  })
})

describe('sniffFile: separators and layout', () => {
  it.each([
    ['orders-semicolon.csv', ';'],
    ['orders-tab.tsv', '\t'],
    ['orders-pipe.txt', '|'],
  ] as const)('%s uses %j', async (name, delimiter) => {
    const layout = await layoutOf(name)
    expect(layout.delimiter).toBe(delimiter)
    expect(layout.header).toEqual(LATIN_HEADER)
    expect(layout.sample).toHaveLength(4)
  })

  it('keeps decimal commas and a quoted separator in semicolon files', async () => {
    const layout = await layoutOf('orders-semicolon.csv')
    expect(layout.sample[0].cells[6]).toBe('£12,50')
    expect(layout.sample[1].cells[4]).toBe('Baker’s apron; blue')
  })

  it('reads space-aligned text with multi-word values', async () => {
    const layout = await layoutOf('orders-whitespace.txt')
    expect(layout.delimiter).toBe('whitespace')
    expect(layout.whitespaceRun).toBe(2)
    expect(layout.header).toEqual(['order_id', 'order_date', 'customer', 'sku', 'quantity', 'unit_price'])
    expect(layout.sample[1].cells).toEqual(['1002', '2024-02-01 09:05:00', 'Zoë O’Brien', 'APR-02', '1', '8.00'])
  })

  it('reads single-space separated text', async () => {
    const layout = await layoutOf('orders-single-space.txt')
    expect(layout.delimiter).toBe('whitespace')
    expect(layout.whitespaceRun).toBe(1)
    expect(layout.sample.map((r) => r.cells)).toEqual([
      ['1001', '2', '12.50'],
      ['1002', '1', '8.00'],
      ['1003', '3', '4.25'],
    ])
  })

  it('finds the header below title lines', async () => {
    const layout = await layoutOf('title-rows.csv')
    expect(layout.headerLine).toBe(4)
    expect(layout.header).toEqual(['order_id', 'order_date', 'sku', 'quantity', 'unit_price'])
    expect(layout.sample).toEqual([
      { line: 5, cells: ['6001', '2024-01-31', 'MUG-01', '2', '12.50'] },
      { line: 6, cells: ['6002', '2024-02-01', 'TEA-02', '1', '8.00'] },
    ])
  })

  it('reads gzip transparently and reports the compressed size', async () => {
    const layout = await layoutOf('orders.csv.gz')
    expect(layout.gzip).toBe(true)
    expect(layout.header).toEqual(LATIN_HEADER)
    expect(layout.sample[0].cells).toEqual(FIRST_LATIN_ROW)
    expect(layout.sizeBytes).toBeLessThan(339) // the uncompressed CSV is 339 bytes
  })

  it('limits the sample to sampleSize rows', async () => {
    const layout = await layoutOf('orders-utf8.csv', { sampleSize: 2 })
    expect(layout.sample.map((r) => r.line)).toEqual([2, 3])
  })

  it.each(['orders-crlf.csv', 'orders-cr.csv'])('handles the line endings of %s', async (name) => {
    const layout = await layoutOf(name)
    expect(layout.header).toEqual(LATIN_HEADER)
    expect(layout.sample.map((r) => r.line)).toEqual([2, 3, 4, 5])
    expect(layout.sample[3].cells[6]).toBe('£12.50')
  })
})

describe('sniffFile: files that cannot be imported', () => {
  it.each([
    ['empty.csv', 'file.empty'],
    ['blank.csv', 'file.empty'],
    ['header-only.csv', 'file.header-only'],
    ['header-only-trailing-blank.csv', 'file.header-only'],
    ['binary.csv', 'file.binary'],
    ['legacy.xls', 'file.old-excel'],
    ['not-a-workbook.zip', 'file.unreadable'],
    ['does-not-exist.csv', 'file.not-found'],
  ] as const)('%s → %s, with a message for the shop owner', async (name, code) => {
    const result = await sniffFile(fixture(name))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issue.code).toBe(code)
    expect(result.issue.row).toBe(0)
    expect(result.issue.message.length).toBeGreaterThan(20)
  })

  it('explains a binary file in plain words', async () => {
    const result = await sniffFile(fixture('binary.csv'))
    expect(result.ok ? '' : result.issue.message).toMatch(/not a spreadsheet or text export/)
  })
})
