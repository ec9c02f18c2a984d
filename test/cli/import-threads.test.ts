/**
 * Issue 9 (speed): the built CLI can read and normalise order lines on a second
 * thread (out/main/parse-worker.js) while the job writes them; an engine running
 * jobs inline from the sources does both on one. The store, the rejects and the
 * counts must be the same either way: on a file with every kind of row the
 * writer tells apart, on a re-import, on the platforms' exports and on a file
 * that breaks off. OFFERWISE_IMPORT_THREADS=2 makes the
 * CLI use the second thread whatever the machine's load.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../src-main/engine/engine'
import { CLI, killImportMidway, offerwise, ONLINE_RETAIL_GZ, requireBuild, requireSharedData, ROOT, tempDb } from './run-cli'

const threadsBefore = process.env.OFFERWISE_IMPORT_THREADS
beforeAll(() => {
  requireBuild()
  process.env.OFFERWISE_IMPORT_THREADS = '2'
})
afterAll(() => {
  if (threadsBefore === undefined) delete process.env.OFFERWISE_IMPORT_THREADS
  else process.env.OFFERWISE_IMPORT_THREADS = threadsBefore
})

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'

/** Online Retail layout: repeated lines, an order that comes back after others, returns, renamed products, short and bad rows. */
function orderFile(seed: number, orders: number): string {
  let state = seed
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n
  }
  const rows = [HEADER]
  for (let o = 0; o < orders; o++) {
    const invoice = `${o % 9 === 0 ? 'C' : ''}${540000 + o}`
    const date = `2011-0${1 + (o % 9)}-1${o % 10} 1${o % 10}:0${o % 6}:00`
    const customer = o % 7 === 0 ? '' : `${12000 + (o % 40)}.0`
    for (let l = 0; l < 1 + next(6); l++) {
      const sku = `2${next(50)}A`
      const name = next(15) === 0 ? `ITEM ${sku} (NEW NAME)` : `ITEM ${sku}`
      const quantity = (o % 9 === 0 ? -1 : 1) * (1 + next(12))
      const price = next(30) === 0 ? `£${(1 + next(900) / 100).toFixed(2)}` : (1 + next(900) / 100).toFixed(2)
      rows.push(`${invoice},${next(25) === 0 ? sku.toLowerCase() : sku},${name},${quantity},${date},${price},${customer},United Kingdom`)
      if (next(10) === 0) rows.push(rows[rows.length - 1]!)
      if (next(40) === 0) rows.push(`${invoice},${sku},ITEM ${sku},${quantity}`)
      if (next(40) === 0) rows.push(`${invoice},${sku},ITEM ${sku},many,${date},1.00,${customer},United Kingdom`)
      if (next(60) === 0) rows.push(`${invoice},${sku},ITEM ${sku},0,${date},1.00,${customer},United Kingdom`)
      if (next(60) === 0) rows.push(`${invoice},${sku},ITEM ${sku},1,2011-13-40 10:00:00,1.00,${customer},United Kingdom`)
      if (next(80) === 0) rows.push(`${invoice},${sku},ITEM ${sku},1,${date},1.00,${customer},United Kingdom,extra`)
    }
    // An earlier order seen again after others (a file that is not grouped by order).
    if (o > 3 && next(8) === 0) rows.push(`${540000 + o - 3},POST,POSTAGE,1,2011-01-01 10:00:00,18.00,,United Kingdom`)
  }
  return `${rows.join('\n')}\n`
}

const TABLES = {
  orders: 'SELECT id, order_key, customer_id, ordered_at, currency, status, is_return, total, total_stated, refunded_amount, country, batch_id FROM orders ORDER BY id',
  order_lines: 'SELECT order_id, line_key, product_id, sku, name, quantity, unit_price, discount, amount, line_kind, is_return, source_row, batch_id FROM order_lines ORDER BY order_id, line_key',
  customers: 'SELECT id, customer_key, external_id, email, name, country, batch_id FROM customers ORDER BY id',
  products: 'SELECT id, product_key, sku, name, category, price, is_product, batch_id FROM products ORDER BY id',
  rejects: 'SELECT id, batch_id, row_number, column_name, code, params_json, message, raw FROM import_rejects ORDER BY id',
  batches: 'SELECT status, rows_total, rows_imported, rows_duplicate, rows_repeated, rows_rejected, added_json, failure_json FROM import_batches ORDER BY id',
}

function contents(dbPath: string): Record<string, unknown[]> {
  const db = new Database(dbPath, { readonly: true })
  try {
    return Object.fromEntries(Object.entries(TABLES).map(([name, sql]) => [name, db.prepare(sql).all()]))
  } finally {
    db.close()
  }
}

/** Imports on one thread: the engine runs the job inline from the sources, where no parse worker is built. */
async function importInline(dbPath: string, paths: string[], keepReadablePart = false): Promise<void> {
  const engine = createEngine({ dbPath, resourcesDir: join(ROOT, 'resources'), shell: 'web-bridge', workerScript: null })
  try {
    for (const path of paths) {
      const file = engine.files.register(path)
      const inspection = await engine.call('import/inspect', { file })
      const { jobId } = await engine.call('import/start', {
        requests: [{ file, presetId: inspection.presetId, mapping: inspection.mapping, dateOrder: 'auto', currency: inspection.currency ?? 'GBP', keepReadablePart }],
      })
      await engine.waitForJob(jobId)
    }
  } finally {
    await engine.close()
  }
}

function importOnTwoThreads(dbPath: string, paths: string[], keepReadablePart = false): void {
  for (const path of paths) offerwise(['import', path, '--db', dbPath, '--json', ...(keepReadablePart ? ['--keep-readable-part'] : [])])
}

describe('import on two threads', () => {
  it('writes the same store, rejects and counts as the one-thread import, first time and on a re-import', async () => {
    const twoThreads = tempDb()
    const oneThread = resolve(twoThreads, '../one-thread.sqlite')
    const first = resolve(twoThreads, '../orders-a.csv')
    const second = resolve(twoThreads, '../orders-b.csv')
    writeFileSync(first, orderFile(7, 1500))
    // Overlaps the first (same invoices, partly the same lines) and adds its own.
    writeFileSync(second, orderFile(7, 1500).split('\n').slice(3000).join('\n').replace(/^/, `${HEADER}\n`) + orderFile(11, 300).split('\n').slice(1).join('\n'))

    importOnTwoThreads(twoThreads, [first, second, first])
    await importInline(oneThread, [first, second, first])

    const expected = contents(oneThread)
    const actual = contents(twoThreads)
    // The files really have every case: repeats, rejects of several kinds, returns, renamed products, a re-import's duplicates.
    const batches = expected.batches as { rows_imported: number; rows_repeated: number; rows_rejected: number; rows_duplicate: number }[]
    expect(batches[0]!.rows_repeated).toBeGreaterThan(0)
    expect(batches[0]!.rows_rejected).toBeGreaterThan(0)
    expect(batches[1]!.rows_duplicate).toBeGreaterThan(batches[1]!.rows_repeated)
    expect(batches[2]!.rows_imported).toBe(0)
    expect(new Set((expected.rejects as { code: string }[]).map((r) => r.code))).toEqual(
      new Set(['row.short', 'row.ragged', 'value.number', 'value.quantity-zero', 'value.date']),
    )
    expect((expected.order_lines as { name: string | null }[]).some((line) => line.name !== null)).toBe(true)
    for (const table of Object.keys(TABLES)) expect(actual[table], table).toEqual(expected[table])
  })

  it('the same for the platforms\' exports (Shopify order fields on an order\'s first line only, GBK, decimal commas) and the sample shop', async () => {
    const twoThreads = tempDb()
    const oneThread = resolve(twoThreads, '../one-thread.sqlite')
    const files = ['shopify-orders.csv', 'woocommerce-orders.csv', 'taobao-orders-gbk.csv', 'german-orders-cp1252.csv', 'pinduoduo-orders.csv', 'jd-orders.csv', 'online-retail-ii.csv']
      .map((name) => join(ROOT, 'test/fixtures/formats', name))
      .concat(join(ROOT, 'resources/sample-shop/orders.csv.gz'))
    importOnTwoThreads(twoThreads, files)
    await importInline(oneThread, files)
    const expected = contents(oneThread)
    expect((expected.batches as { status: string }[]).map((b) => b.status)).toEqual(files.map(() => 'done'))
    for (const table of Object.keys(TABLES)) expect(contents(twoThreads)[table], table).toEqual(expected[table])
  })

  it('a file that breaks off fails the same way, and keeping its readable part keeps the same rows', async () => {
    const twoThreads = tempDb()
    const oneThread = resolve(twoThreads, '../one-thread.sqlite')
    const whole = readFileSync(join(ROOT, 'resources/sample-shop/orders.csv.gz'))
    const cut = join(dirname(twoThreads), 'orders-cut.csv.gz')
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)))
    importOnTwoThreads(twoThreads, [cut])
    importOnTwoThreads(twoThreads, [cut], true)
    await importInline(oneThread, [cut])
    await importInline(oneThread, [cut], true)
    const expected = contents(oneThread)
    const batches = expected.batches as { status: string; rows_imported: number }[]
    expect(batches.map((b) => b.status)).toEqual(['failed', 'done'])
    expect(batches[1]!.rows_imported).toBeGreaterThan(100)
    for (const table of Object.keys(TABLES)) expect(contents(twoThreads)[table], table).toEqual(expected[table])
  })

  it('a process killed while both threads work leaves the store exactly as it was', async () => {
    requireSharedData()
    const dbPath = tempDb()
    importOnTwoThreads(dbPath, [join(ROOT, 'resources/sample-shop/products.csv')])
    const before = contents(dbPath)
    await killImportMidway(dbPath, ONLINE_RETAIL_GZ)
    const db = new Database(dbPath, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
    expect(contents(dbPath)).toEqual(before)
  })
})
