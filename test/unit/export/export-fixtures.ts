/** Plans and rows for the export tests, and a strict CSV reader to read files back. */
import type { ExportMeta, ExportRow } from '../../../src-main/engine/export/export-types'
import type { Offer } from '../../../src-main/engine/planner/planner-api'

export const SECRET = Buffer.alloc(32, 7)

export function meta(overrides: Partial<ExportMeta> = {}): ExportMeta {
  return {
    planId: 3,
    campaignName: 'Winter',
    currency: 'GBP',
    startsAt: '2024-11-30',
    expiresAt: '2024-12-14',
    utcOffsetMinutes: null,
    locale: 'en',
    privacy: 'keep',
    secret: SECRET,
    ...overrides,
  }
}

export const PERCENT15: Offer = { id: 'percent:15', type: 'percent', value: 15, minSpend: 0, scope: 'all' }
export const FIXED5: Offer = { id: 'fixed:5', type: 'fixed', value: 5, minSpend: 0, scope: 'all' }
export const SPEND40SAVE5: Offer = { id: 'spend_x_save_y:40:5', type: 'spend_x_save_y', value: 5, minSpend: 40, scope: 'all' }
export const FREE_SHIPPING: Offer = { id: 'free_shipping', type: 'free_shipping', value: 0, minSpend: 0, scope: 'all' }
export const PERCENT10_CATEGORY: Offer = { id: 'percent:10@category', type: 'percent', value: 10, minSpend: 0, scope: 'category' }

export function row(i: number, overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    shopId: `C${i}`,
    email: `customer${i}@example.com`,
    name: `Ann${i} Smith`,
    group: 'treatment',
    offer: PERCENT15,
    scope: null,
    code: `CODE${String(i).padStart(6, '0')}`,
    segment: 'loyal',
    pBuyWithout: 0.1234567,
    pBuyWith: 0.2,
    expectedCost: 3.456,
    expectedIncrementalProfit: 7.891,
    reasons: [{ code: 'profit', params: { profit: 7.89 } }],
    ...overrides,
  }
}

export function holdoutRow(i: number, overrides: Partial<ExportRow> = {}): ExportRow {
  return row(i, { group: 'holdout', offer: null, code: null, shopId: `H${i}`, email: `holdout${i}@example.com`, name: `Hal${i} Jones`, ...overrides })
}

/** A treated customer whose name and e-mail are spreadsheet formulas. */
export function hostileRow(i: number): ExportRow {
  return row(i, { name: '=HYPERLINK("http://evil.example","click")', firstName: '=HYPERLINK("http://evil.example","click")', email: '+1@example.com', shopId: '-2+3' })
}

/** RFC 4180 reader (CRLF, quotes): fails on anything malformed so the tests catch bad quoting. */
export function readCsv(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('no BOM')
  const body = text.slice(1)
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') {
      if (cell !== '') throw new Error(`quote inside a cell at ${i}`)
      quoted = true
    } else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`)
    else cell += c
  }
  if (quoted || cell !== '' || row.length > 0) throw new Error('file does not end with CRLF')
  return rows
}

/** Header → cell maps for the data rows, checking every row has the header's width. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header, ...rows] = readCsv(text)
  for (const r of rows) if (r.length !== header.length) throw new Error(`row of ${r.length} cells under a header of ${header.length}`)
  return { header, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) }
}

/** Any cell a spreadsheet would run: starts with = + - @ tab or CR and is not a plain number. */
export function formulaCells(cells: readonly string[]): string[] {
  return cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell))
}
