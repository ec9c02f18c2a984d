/**
 * Issue 9 (speed): the CLI reads and normalises order lines on a second thread
 * (out/main/parse-worker.js) while the job writes; an engine running jobs inline
 * from the sources does both on one. The store and the accounting must be the
 * same either way, on a file with every kind of row the writer tells apart.
 */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../src-main/engine/engine'
import { offerwise, requireBuild, ROOT, tempDb } from './run-cli'

beforeAll(requireBuild)

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'

/** Online Retail layout: repeated lines, an order that comes back after others, returns, short and bad rows. */
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
      const quantity = (o % 9 === 0 ? -1 : 1) * (1 + next(12))
      rows.push(`${invoice},${sku},ITEM ${sku},${quantity},${date},${(1 + next(900) / 100).toFixed(2)},${customer},United Kingdom`)
      if (next(10) === 0) rows.push(rows[rows.length - 1]!)
      if (next(40) === 0) rows.push(`${invoice},${sku},ITEM ${sku},${quantity}`)
      if (next(40) === 0) rows.push(`${invoice},${sku},ITEM ${sku},many,${date},1.00,${customer},United Kingdom`)
    }
    // An earlier order seen again after others (a file that is not grouped by order).
    if (o > 3 && next(8) === 0) rows.push(`${540000 + o - 3},POST,POSTAGE,1,2011-01-01 10:00:00,18.00,,United Kingdom`)
  }
  return `${rows.join('\n')}\n`
}

const TABLES = {
  orders: 'SELECT order_key, customer_id, ordered_at, currency, status, is_return, total, total_stated, refunded_amount, country FROM orders ORDER BY id',
  order_lines: 'SELECT order_id, line_key, product_id, sku, name, quantity, unit_price, discount, amount, line_kind, is_return, source_row, batch_id FROM order_lines ORDER BY order_id, line_key',
  customers: 'SELECT customer_key, external_id, country, batch_id FROM customers ORDER BY id',
  products: 'SELECT product_key, sku, name, is_product, batch_id FROM products ORDER BY id',
  rejects: 'SELECT batch_id, row_number, column_name, code, raw FROM import_rejects ORDER BY id',
  batches: 'SELECT rows_total, rows_imported, rows_duplicate, rows_repeated, rows_rejected, added_json FROM import_batches ORDER BY id',
}

function contents(dbPath: string): Record<string, unknown[]> {
  const db = new Database(dbPath, { readonly: true })
  try {
    return Object.fromEntries(Object.entries(TABLES).map(([name, sql]) => [name, db.prepare(sql).all()]))
  } finally {
    db.close()
  }
}

async function importInline(dbPath: string, paths: string[]): Promise<void> {
  const engine = createEngine({ dbPath, resourcesDir: join(ROOT, 'resources'), shell: 'web-bridge', workerScript: null })
  try {
    for (const path of paths) {
      const file = engine.files.register(path)
      const inspection = await engine.call('import/inspect', { file })
      const { jobId } = await engine.call('import/start', {
        requests: [{ file, presetId: inspection.presetId, mapping: inspection.mapping, dateOrder: 'auto', currency: inspection.currency ?? 'GBP' }],
      })
      expect((await engine.waitForJob(jobId))?.status).toBe('done')
    }
  } finally {
    await engine.close()
  }
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

    for (const path of [first, second]) {
      const run = offerwise(['import', path, '--db', twoThreads, '--json'])
      expect(run.status, run.stderr).toBe(0)
    }
    await importInline(oneThread, [first, second])

    const expected = contents(oneThread)
    const actual = contents(twoThreads)
    // The file really has every case: repeats, rejects of several kinds, returns, a re-import's duplicates.
    const batches = expected.batches as { rows_repeated: number; rows_rejected: number; rows_duplicate: number }[]
    expect(batches[0]!.rows_repeated).toBeGreaterThan(0)
    expect(batches[0]!.rows_rejected).toBeGreaterThan(0)
    expect(batches[1]!.rows_duplicate).toBeGreaterThan(batches[1]!.rows_repeated)
    expect(new Set((expected.rejects as { code: string }[]).map((r) => r.code))).toEqual(new Set(['row.short', 'value.number']))
    for (const table of Object.keys(TABLES)) expect(actual[table], table).toEqual(expected[table])
  })
})
