import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { safeCell, toCsv } from '../../../src-main/engine/export/csv-text'
import { importPaths, testEngine, writeTemp } from './test-engine'

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

describe('CSV written by Offerwise', () => {
  it('never lets a spreadsheet run a cell as a formula', () => {
    expect(safeCell('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")')
    expect(safeCell('+1+2')).toBe("'+1+2")
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(safeCell('-2+3')).toBe("'-2+3")
    expect(safeCell('-12.5')).toBe('-12.5')
    expect(safeCell('\tcmd')).toBe("'\tcmd")
    expect(safeCell('Mug')).toBe('Mug')
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"']])).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n')
  })
})

describe('the rejects CSV', () => {
  it('gives row, column and a translated reason with field names, in either language, formula-safe', async () => {
    const { engine, dir } = testEngine()
    current = engine
    const path = writeTemp(dir, 'orders.csv', 'order_id,order_date,sku,qty,price\n=1+cmd|calc,2024-01-02,A,1,\n2,someday,B,1,3\n')
    const batch = (await importPaths(engine, [path])).batches[0]
    expect(batch.rejected).toBe(2)

    const en = await engine.call('import/rejects-csv', { batchId: batch.id, locale: 'en' })
    expect(en.fileName).toBe('orders-rejects.csv')
    const lines = en.csv.replace('\uFEFF', '').trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^2,price,/)
    expect(lines[1]).toContain('Unit price')
    expect(lines[1]).not.toContain('unit_price')
    // The raw row starts with "=": written with a leading apostrophe, so it stays text.
    expect(lines[1]).toMatch(/,"'=1\+cmd\|calc,2024-01-02,A,1,"$/)
    expect(lines[2]).toMatch(/^3,order_date,.*someday/)

    const zh = await engine.call('import/rejects-csv', { batchId: batch.id, locale: 'zh-CN' })
    expect(zh.csv.split('\r\n')[0]).not.toBe(en.csv.split('\r\n')[0])
    expect(zh.csv).toMatch(/[\u4e00-\u9fff]/)
  })
})
