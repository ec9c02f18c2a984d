/**
 * Issue 9: a file that cannot be read to its end, and what a reject shows.
 * Every file here is made by the test (the cut-short .gz from the sample shop's real one).
 */
import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { expectAccounted, importPaths, ROOT, testEngine, writeTemp } from './test-engine'

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

function engineWithDir(): { engine: Engine; dir: string; dbPath: string } {
  const made = testEngine()
  current = made.engine
  return made
}

function count(dbPath: string, table: string): number {
  const db = new Database(dbPath, { readonly: true })
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number
  } finally {
    db.close()
  }
}

/** The sample shop's real orders.csv.gz, cut off part-way: gzip itself reports an unexpected end of file. */
function cutShortGzip(dir: string): string {
  const whole = readFileSync(join(ROOT, 'resources/sample-shop/orders.csv.gz'))
  return writeTemp(dir, 'orders-cut.csv.gz', whole.subarray(0, Math.floor(whole.length * 0.6)))
}

describe('a file that cannot be read to its end', () => {
  it('fails and writes nothing; the batch is recorded as failed with the reason', async () => {
    const { engine, dir, dbPath } = engineWithDir()
    const { outcome, batches } = await importPaths(engine, [cutShortGzip(dir)])
    expect(outcome.status).toBe('done')
    expect(batches).toHaveLength(1)
    const [batch] = batches
    expect(batch).toMatchObject({ status: 'failed', imported: 0, rows: 0 })
    expect(batch!.failure).toMatchObject({ code: 'file.cut-short' })
    expect(batch!.failure!.row).toBeGreaterThan(2)
    expect(batch!.failure!.message).toMatch(/could not be read past row \d+ .*Nothing was imported/)
    for (const table of ['orders', 'order_lines', 'customers', 'products', 'import_rejects']) expect(count(dbPath, table), table).toBe(0)
  })

  it('imports the readable part when the merchant asks, with the break as one reject', async () => {
    const { engine, dir, dbPath } = engineWithDir()
    const { batches } = await importPaths(engine, [cutShortGzip(dir)], { keepReadablePart: true })
    const [batch] = batches
    expect(batch).toMatchObject({ status: 'done', failure: null })
    expectAccounted(batch!)
    expect(batch!.imported).toBeGreaterThan(100)
    expect(count(dbPath, 'orders')).toBeGreaterThan(10)
    const rejects = await engine.call('import/rejects', { batchId: batch!.id, offset: 0, limit: 1000 })
    const cut = rejects.rows.filter((row) => row.code === 'file.cut-short-kept')
    expect(cut).toHaveLength(1)
    expect(cut[0]!.message).toMatch(/rows before that point were imported/)
  })
})

const RETAIL_HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'

describe('rejects show the row as written', () => {
  it('a short row is rejected as short, with its own text, and borrows nothing from the row above', async () => {
    const { engine, dir } = engineWithDir()
    const path = writeTemp(dir, 'retail.csv', [
      RETAIL_HEADER,
      '536368,22913,RED COAT RACK PARIS FASHION,3,12/1/2010 8:34,4.95,13047,United Kingdom',
      '536368,22914,BLUE COAT RACK PARIS FASHION,3',
      '536369,"21756","BATH BUILDING, BLOCK WORD",3,12/1/2010 8:35,,13047,"United Kingdom"',
      '536370,22728,ALARM CLOCK BAKELIKE PINK,24,12/1/2010 8:45,3.75,12583,France',
      '',
    ].join('\r\n'))
    const { batches } = await importPaths(engine, [path], { presetId: 'online-retail', dateOrder: 'mdy' })
    const [batch] = batches
    expectAccounted(batch!)
    expect(batch).toMatchObject({ rows: 4, imported: 2, rejected: 2 })
    const { rows } = await engine.call('import/rejects', { batchId: batch!.id, offset: 0, limit: 10 })
    const short = rows.find((row) => row.row === 3)
    expect(short).toMatchObject({ code: 'row.short', raw: '536368,22914,BLUE COAT RACK PARIS FASHION,3', params: { found: 4, expected: 8 } })
    expect(short!.message).toMatch(/has 4 of the 8 columns/)
    expect(short!.message).toMatch(/InvoiceDate, UnitPrice, CustomerID, Country missing/)
    // A row with a real fault keeps its reason, and its raw text keeps the file's quotes.
    const noPrice = rows.find((row) => row.row === 4)
    expect(noPrice?.code).not.toBe('row.short')
    expect(noPrice?.raw).toBe('536369,"21756","BATH BUILDING, BLOCK WORD",3,12/1/2010 8:35,,13047,"United Kingdom"')
  })

  it('a continuation row that is rejected shows its blank cells, not the values filled down from its order', async () => {
    const { engine, dir } = engineWithDir()
    const header = 'Name,Email,Financial Status,Created at,Currency,Total,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku'
    const path = writeTemp(dir, 'shopify.csv', [
      header,
      '#1001,ann@example.com,paid,2024-01-02 10:00:00 +0000,USD,30.00,1,Mug,10.00,MUG-1',
      '#1001,,,,,,two,Tea,20.00,TEA-1',
      '',
    ].join('\n'))
    const { batches } = await importPaths(engine, [path], { presetId: 'shopify-orders' })
    const [batch] = batches
    expectAccounted(batch!)
    expect(batch!.rejected).toBe(1)
    const { rows } = await engine.call('import/rejects', { batchId: batch!.id, offset: 0, limit: 10 })
    expect(rows[0]).toMatchObject({ row: 3, raw: '#1001,,,,,,two,Tea,20.00,TEA-1' })
    expect(rows[0]!.raw).not.toContain('ann@example.com')
  })
})

/** The same on the real Online Retail export in ../shared/data, when it is there. */
const ONLINE_RETAIL = join(ROOT, '../shared/data/online-retail/online_retail_2010-12-01_2011-12-09.csv.gz')

describe.skipIf(!existsSync(ONLINE_RETAIL))('on the real Online Retail export', () => {
  it('a cut-short copy fails and writes nothing', async () => {
    const { engine, dir, dbPath } = engineWithDir()
    const whole = readFileSync(ONLINE_RETAIL)
    const cut = writeTemp(dir, 'online-retail-cut.csv.gz', whole.subarray(0, Math.floor(whole.length * 0.1)))
    const { batches } = await importPaths(engine, [cut], { presetId: 'online-retail' })
    expect(batches[0]).toMatchObject({ status: 'failed', failure: expect.objectContaining({ code: 'file.cut-short' }) })
    for (const table of ['orders', 'order_lines', 'customers', 'products']) expect(count(dbPath, table), table).toBe(0)
  })

  it('a line of it cut to 4 of its 8 fields is rejected as short, with its own text', async () => {
    const { engine, dir } = engineWithDir()
    const lines = gunzipSync(readFileSync(ONLINE_RETAIL)).subarray(0, 64 * 1024).toString('latin1').split(/\r?\n/).slice(0, 4)
    const short = lines[3]!.split(',').slice(0, 4).join(',')
    const path = writeTemp(dir, 'online-retail-short.csv', Buffer.from([...lines.slice(0, 3), short, ''].join('\n'), 'latin1'))
    const { batches } = await importPaths(engine, [path], { presetId: 'online-retail', dateOrder: 'mdy' })
    expectAccounted(batches[0]!)
    const { rows } = await engine.call('import/rejects', { batchId: batches[0]!.id, offset: 0, limit: 10 })
    expect(rows).toEqual([expect.objectContaining({ row: 4, code: 'row.short', raw: short, params: expect.objectContaining({ found: 4, expected: 8 }) })])
  })
})
