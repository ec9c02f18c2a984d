import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readRows, sniffFile } from '../../../src-main/engine/ingest/read'

/**
 * The public UCI Online Retail data in ../shared/data (see its README). The
 * README's "541,909 lines" and "52,516 lines" are data rows: the CSV has
 * 541,910 lines with its header, the sheet 52,517 rows.
 */
const RETAIL_CSV = fileURLToPath(new URL('../../../../shared/data/online-retail/online_retail_2010-12-01_2011-12-09.csv.gz', import.meta.url))
const RETAIL_XLSX = fileURLToPath(new URL('../../../../shared/data/online-retail-ii/online_retail_II_2009-12_2010-01.xlsx', import.meta.url))

async function count(path: string, sheet?: string): Promise<{ rows: number; issues: number; first: string[]; last: string[]; lastLine: number }> {
  const sniffed = await sniffFile(path, { sheet })
  if (!sniffed.ok) throw new Error(sniffed.issue.message)
  let rows = 0
  let issues = 0
  let first: string[] = []
  let last: string[] = []
  let lastLine = 0
  for await (const batch of readRows(path, sniffed.layout)) {
    if (rows === 0 && batch.rows.length > 0) first = batch.rows[0].cells
    rows += batch.rows.length
    issues += batch.issues.length
    const end = batch.rows.at(-1)
    if (end) {
      last = end.cells
      lastLine = end.line
    }
  }
  return { rows, issues, first, last, lastLine }
}

describe.skipIf(!existsSync(RETAIL_CSV))('Online Retail CSV (.gz)', () => {
  it('reads every one of its 541,909 data rows without an issue', async () => {
    const sniffed = await sniffFile(RETAIL_CSV)
    expect(sniffed.ok && sniffed.layout.header).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'])
    const result = await count(RETAIL_CSV)
    expect(result.rows).toBe(541_909)
    expect(result.issues).toBe(0)
    expect(result.first).toEqual(['536365', '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '6', '2010-12-01 08:26:00', '2.55', '17850.0', 'United Kingdom'])
    expect(result.lastLine).toBe(541_910)
    expect(result.last.at(-1)).toBe('France')
  })
})

describe.skipIf(!existsSync(RETAIL_XLSX))('Online Retail II workbook', () => {
  it('reads every one of its 52,516 data rows, with dates as wall-clock text', async () => {
    const sniffed = await sniffFile(RETAIL_XLSX)
    if (!sniffed.ok) throw new Error(sniffed.issue.message)
    expect(sniffed.layout.sheets).toEqual(['2009-2010'])
    expect(sniffed.layout.header).toEqual(['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'])
    const result = await count(RETAIL_XLSX)
    expect(result.rows).toBe(52_516)
    expect(result.issues).toBe(0)
    expect(result.first).toEqual(['489434', '85048', '15CM CHRISTMAS GLASS BALL 20 LIGHTS', '12', '2009-12-01 07:45:00', '6.95', '13085', 'United Kingdom'])
    expect(result.lastLine).toBe(52_517)
    expect(result.last).toEqual(['496348', '22657', expect.any(String), '6', '2010-01-31 16:02:00', '0.85', '15022', 'United Kingdom'])
  })
})
