import { describe, expect, it } from 'vitest'
import { sniffFile } from '../../../src-main/engine/ingest/read'
import { cellText, numberText } from '../../../src-main/engine/ingest/read/xlsx-cell'
import { fixture, readAll } from './helpers'

describe('XLSX fixtures', () => {
  it('sniffs the first sheet, lists all sheets and converts every cell kind to text', async () => {
    const result = await sniffFile(fixture('orders.xlsx'))
    if (!result.ok) throw new Error(result.issue.message)
    const layout = result.layout
    expect(layout.kind).toBe('xlsx')
    expect(layout.delimiter).toBeNull()
    expect(layout.sheets).toEqual(['Orders', 'Returns'])
    expect(layout.sheet).toBe('Orders')
    expect(layout.header).toEqual(['order_id', 'order_date', 'product', 'quantity', 'unit_price', 'line_total', 'link'])
    expect(layout.sample[0]).toEqual({ line: 2, cells: ['1001', '2024-01-31 10:22:01', 'Café mug', '2', '12.5', '25', 'Order 1001'] })
  })

  it('reads rows with sheet row numbers, skipping the blank row', async () => {
    const result = await sniffFile(fixture('orders.xlsx'))
    if (!result.ok) throw new Error(result.issue.message)
    const all = await readAll(fixture('orders.xlsx'), result.layout)
    expect(all.issues).toEqual([])
    expect(all.rows).toEqual([
      { line: 2, cells: ['1001', '2024-01-31 10:22:01', 'Café mug', '2', '12.5', '25', 'Order 1001'] },
      // rich text → its text; a formula → its cached result
      { line: 3, cells: ['1002', '2024-02-01 09:05:00', 'Baker’s apron', '1', '8', '8', 'Order 1002'] },
      // 0.1 + 0.2 shows as Excel shows it
      { line: 4, cells: ['1003', '2024-02-03 18:40:12', '青花瓷茶杯', '3', '0.3', '0.9', 'Order 1003'] },
      // an error cell is empty, a boolean is TRUE
      { line: 6, cells: ['1004', '2024-02-04 00:00:00', 'Gift card', '1', '', 'TRUE', ''] },
    ])
  })

  it('reads a named sheet and finds its header below a title', async () => {
    const result = await sniffFile(fixture('orders.xlsx'), { sheet: 'Returns' })
    if (!result.ok) throw new Error(result.issue.message)
    expect(result.layout.sheet).toBe('Returns')
    expect(result.layout.headerLine).toBe(3)
    expect(result.layout.header).toEqual(['return_id', 'order_id', 'amount'])
    const all = await readAll(fixture('orders.xlsx'), result.layout)
    expect(all.rows).toEqual([
      { line: 4, cells: ['R-1', '1001', '-12.5'] },
      { line: 5, cells: ['R-2', '1003', '-4.25'] },
    ])
  })

  it('names the sheets when asked for one that does not exist', async () => {
    const result = await sniffFile(fixture('orders.xlsx'), { sheet: 'Nope' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issue.code).toBe('file.no-sheet')
    expect(result.issue.message).toContain('Orders, Returns')
  })

  it('reports empty and header-only sheets', async () => {
    const empty = await sniffFile(fixture('empty-sheet.xlsx'))
    expect(empty.ok ? null : empty.issue.code).toBe('file.empty')
    const headerOnly = await sniffFile(fixture('header-only.xlsx'))
    expect(headerOnly.ok ? null : headerOnly.issue.code).toBe('file.header-only')
  })
})

describe('cellText', () => {
  it('prints dates from their UTC fields, rounded to the second', () => {
    expect(cellText(new Date(Date.UTC(2024, 0, 31, 10, 22, 0, 999)))).toBe('2024-01-31 10:22:01')
    expect(cellText(new Date(Date.UTC(2009, 11, 1, 7, 45)))).toBe('2009-12-01 07:45:00')
  })

  it('prints numbers without float noise or exponents', () => {
    expect(numberText(17850)).toBe('17850')
    expect(numberText(2.5499999999999998)).toBe('2.55')
    expect(numberText(1e21)).toBe('1000000000000000000000')
    expect(numberText(0.0000001)).toBe('0.0000001')
    expect(numberText(-4.25)).toBe('-4.25')
  })

  it('handles rich text, formulas, hyperlinks, errors and empties', () => {
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab')
    expect(cellText({ formula: 'A1*2', result: 4 })).toBe('4')
    expect(cellText({ sharedFormula: 'A1', result: new Date(Date.UTC(2024, 0, 1)) })).toBe('2024-01-01 00:00:00')
    expect(cellText({ formula: 'A1/0', result: { error: '#DIV/0!' } })).toBe('')
    expect(cellText({ text: 'Shop', hyperlink: 'https://x' })).toBe('Shop')
    expect(cellText({ error: '#N/A' })).toBe('')
    expect(cellText(null)).toBe('')
    expect(cellText(false)).toBe('FALSE')
  })
})
