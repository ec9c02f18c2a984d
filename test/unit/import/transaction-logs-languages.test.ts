/**
 * Issue 9, layouts: transaction logs without order numbers, a Chinese
 * platform export keyed by 买家会员名, a German Windows-1252 sheet, and a file
 * the detector cannot place (shown as unsure, never imported as a guess).
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportInspection } from '../../../src-main/engine/api'
import type { Engine } from '../../../src-main/engine/engine'
import { expectAccounted, FORMAT_FIXTURES, importPaths, testEngine, writeTemp } from './test-engine'

let current: ReturnType<typeof testEngine> | null = null
afterEach(async () => {
  await current?.engine.close()
  current = null
})

/** import/inspect by a chosen file (a handle where the engine hands them out, else the path). */
async function inspect(engine: Engine, path: string, presetId?: string): Promise<ImportInspection> {
  const files = (engine as unknown as { files?: { register(path: string): string } }).files
  const target = files ? { file: files.register(path) } : { path }
  return engine.call('import/inspect', { ...target, ...(presetId ? { presetId } : {}) } as never)
}

async function importFixture(name: string) {
  current ??= testEngine()
  const path = join(FORMAT_FIXTURES, name)
  const { outcome, batches } = await importPaths(current.engine, [path])
  expect(outcome.status).toBe('done')
  const batch = batches[0]
  expectAccounted(batch)
  const db = new Database(current.dbPath, { readonly: true })
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[]
  return { batch, all, close: () => db.close() }
}

describe('a transaction log without order numbers', () => {
  it('CDNOW layout: detected as orders keyed by customer, each row one order, identical purchases kept apart', async () => {
    current = testEngine()
    const inspection = await inspect(current.engine, join(FORMAT_FIXTURES, 'transaction-log-cdnow.csv'))
    expect(inspection).toMatchObject({ presetId: 'generic-orders', recordKind: 'orders' })
    expect(inspection.mapping).toMatchObject({ customer_id: 'ID', order_date: 'date', order_total: 'dollar_value' })
    expect(inspection.blockers).toEqual([])

    const first = await importFixture('transaction-log-cdnow.csv')
    expect(first.batch).toMatchObject({ presetId: 'generic-orders', recordKind: 'orders', rows: 16, imported: 16, duplicate: 0, rejected: 0 })
    expect(first.batch.added).toMatchObject({ orders: 16, customers: 8, guestOrders: 0 })
    // 00002 bought the same thing twice on 12 January: two orders, not a duplicate.
    expect(
      first.all<{ ordered_at: string; total: number }>(
        "SELECT o.ordered_at, o.total FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.customer_key = 'id:00002' ORDER BY o.ordered_at, o.id",
      ).map((o) => [o.ordered_at.slice(0, 10), o.total]),
    ).toEqual([['1997-01-12', 12], ['1997-01-12', 12], ['1997-04-02', 77]])
    expect(first.all<{ n: number }>("SELECT COUNT(*) AS n FROM orders WHERE order_key LIKE 'txn:id:00002:1997-01-12%'")[0].n).toBe(2)
    first.close()

    // The same file again adds nothing.
    const again = await importFixture('transaction-log-cdnow.csv')
    expect(again.batch).toMatchObject({ rows: 16, imported: 0, duplicate: 16 })
    expect(again.batch.added.orders).toBe(0)
    expect(again.all<{ n: number }>('SELECT COUNT(*) AS n FROM orders')[0].n).toBe(16)
    again.close()
  })

  it('a hand-kept purchase sheet: orders linked to customers by e-mail', async () => {
    const { batch, all, close } = await importFixture('transaction-log-sheet.csv')
    expect(batch).toMatchObject({ presetId: 'generic-orders', rows: 6, imported: 6, rejected: 0 })
    expect(batch.added).toMatchObject({ orders: 6, customers: 3, guestOrders: 0 })
    expect(all("SELECT c.email, COUNT(*) AS n FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.email ORDER BY c.email")).toEqual([
      { email: 'ana.lima@example.com', n: 3 },
      { email: 'ben.okafor@example.com', n: 2 },
      { email: 'chloe.martin@example.fr', n: 1 },
    ])
    close()
  })

  it('read as orders on request even when the detector would not: no order number needed', async () => {
    current = testEngine()
    const path = writeTemp(current.dir, 'log.csv', 'Client,When,Paid\nC1,2024-01-02,10.00\nC1,2024-01-09,12.50\nC2,2024-01-03,8.00\n')
    const { outcome, batches } = await importPaths(current.engine, [path], {
      presetId: 'generic-orders',
      mapping: { customer_id: 'Client', order_date: 'When', order_total: 'Paid' },
    })
    expect(outcome.status).toBe('done')
    expect(batches[0]).toMatchObject({ rows: 3, imported: 3, rejected: 0 })
    expect(batches[0].added).toMatchObject({ orders: 3, customers: 2, guestOrders: 0 })
  })
})

describe('a Chinese platform export keyed by 买家会员名', () => {
  it('links orders to buyers (not recipients) and carries CNY', async () => {
    current = testEngine()
    const inspection = await inspect(current.engine, join(FORMAT_FIXTURES, 'cn-erp-orders.csv'))
    expect(inspection.mapping).toMatchObject({ customer_id: '买家会员名', customer_name: '收货人', order_id: '订单编号' })
    expect(inspection.currency).toBe('CNY')

    const { batch, all, close } = await importFixture('cn-erp-orders.csv')
    expect(batch).toMatchObject({ rows: 5, imported: 5, rejected: 0 })
    expect(batch.added).toMatchObject({ orders: 4, customers: 3, guestOrders: 0 })
    // 茶香小铺's second order went to 李娜 as a gift: still 茶香小铺's order.
    expect(all("SELECT COUNT(*) AS n FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.customer_key = 'id:茶香小铺'")).toEqual([{ n: 2 }])
    expect(all('SELECT DISTINCT currency FROM orders')).toEqual([{ currency: 'CNY' }])
    expect(all("SELECT unit_price FROM order_lines l JOIN products p ON p.id = l.product_id WHERE p.sku = 'XZ-100'")).toEqual([{ unit_price: 59.9 }])
    close()
  })
})

describe('a German Windows-1252 sheet', () => {
  it('maps every column from its German headers and imports euro amounts', async () => {
    current = testEngine()
    const inspection = await inspect(current.engine, join(FORMAT_FIXTURES, 'german-orders-cp1252.csv'))
    expect(inspection).toMatchObject({ presetId: 'generic-order-lines', encoding: 'windows-1252', delimiter: ';', currency: 'EUR', blockers: [] })
    expect(inspection.mapping).toEqual({
      order_id: 'Bestellnummer', order_date: 'Bestelldatum', customer_id: 'Kundennummer', customer_name: 'Kundenname',
      customer_email: 'E-Mail', country: 'Land', sku: 'Artikelnummer', product_name: 'Bezeichnung', quantity: 'Menge',
      unit_price: 'Einzelpreis', line_discount: 'Rabatt', line_total: 'Summe',
    })

    const { batch, all, close } = await importFixture('german-orders-cp1252.csv')
    expect(batch).toMatchObject({ rows: 6, imported: 6, rejected: 0 })
    expect(batch.added).toMatchObject({ orders: 5, lines: 6, customers: 4, guestOrders: 0 })
    expect(all('SELECT DISTINCT currency FROM orders')).toEqual([{ currency: 'EUR' }])
    expect(all("SELECT o.ordered_at, l.unit_price, l.discount, l.amount, p.name FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id WHERE p.sku = 'ST-ESS-6'")).toEqual([
      { ordered_at: '2024-03-21 00:00:00', unit_price: 1249, discount: 124.9, amount: 1124.1, name: 'Besteckset Edelstahl für 6 Personen' },
    ])
    expect(all("SELECT name FROM customers WHERE customer_key = 'id:K-1001'")).toEqual([{ name: 'Jürgen Weiß' }])
    close()
  })
})

describe('a file the detector cannot place', () => {
  it('is shown as unsure with its alternatives, and confirmed by choosing a format', async () => {
    current = testEngine()
    const path = writeTemp(current.dir, 'export.csv', 'Spalte 1,Spalte 2,Spalte 3\nx,1,2024-01-01\ny,2,2024-01-02\n')
    const inspection = await inspect(current.engine, path)
    expect(inspection.blockers.map((b) => b.code)).toContain('file.format-unsure')
    const confirmed = await inspect(current.engine, path, inspection.presetId)
    expect(confirmed.blockers.map((b) => b.code)).not.toContain('file.format-unsure')
  })
})
