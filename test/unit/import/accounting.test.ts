import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { expectAccounted, importPaths, testEngine, writeTemp } from './test-engine'

const HEADER = 'order_id,order_date,email,sku,product,qty,price,discount_code'
const ORDERS = [
  '1001,2024-03-01 10:00,ann@example.com,A1,Mug,2,9.50,',
  '1001,2024-03-01 10:00,ann@example.com,B2,Tea,1,4.00,',
  '1002,2024-03-05 12:30,bob@example.com,A1,Mug,1,9.50,SPRING10',
  '1003,2024-03-06 09:00,,C3,Spoon,3,1.20,',
  '1004,2024-03-07 18:45,ann@example.com,A1,Mug,-1,9.50,',
]

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

function setup() {
  const made = testEngine()
  current = made.engine
  return made
}

describe('import accounting', () => {
  it('puts every row in exactly one of imported, duplicate or rejected', async () => {
    const { engine, dir } = setup()
    const path = writeTemp(dir, 'orders.csv', [HEADER, ...ORDERS, '1005,not a date,x@example.com,A1,Mug,1,9.50,', '1006,2024-03-08,,D4,Plate,0,3.00,'].join('\n'))
    const { batches } = await importPaths(engine, [path])
    const [batch] = batches
    expectAccounted(batch)
    expect(batch).toMatchObject({ rows: 7, imported: 5, duplicate: 0, rejected: 2 })
    expect(batch.added).toMatchObject({ orders: 4, lines: 5, customers: 2, products: 3, returns: 1, guestOrders: 1 })
    const rejects = await engine.call('import/rejects', { batchId: batch.id, offset: 0, limit: 10 })
    expect(rejects.rows.map((r) => [r.row, r.code, r.column])).toEqual([
      [7, 'value.date', 'order_date'],
      [8, 'value.quantity-zero', 'qty'],
    ])
    expect(rejects.rows[0].raw).toContain('not a date')
  })

  it('adds nothing twice when the same or an overlapping export comes again', async () => {
    const { engine, dir } = setup()
    const first = writeTemp(dir, 'march.csv', [HEADER, ...ORDERS.slice(0, 3)].join('\n'))
    const overlap = writeTemp(dir, 'march-later.csv', [HEADER, ...ORDERS].join('\n'))
    const a = (await importPaths(engine, [first])).batches[0]
    expect(a).toMatchObject({ rows: 3, imported: 3 })
    const again = (await importPaths(engine, [first])).batches[0]
    expect(again).toMatchObject({ rows: 3, imported: 0, duplicate: 3, rejected: 0 })
    const b = (await importPaths(engine, [overlap])).batches[0]
    expect(b).toMatchObject({ rows: 5, imported: 2, duplicate: 3, rejected: 0 })
    const overview = await engine.call('data/overview', {})
    expect(overview.orders).toBe(4)
    expect(overview.lines).toBe(5)
    expect(overview.customers).toBe(2)
  })

  it('undoes a batch, keeping what later imports still use, after a backup', async () => {
    const { engine, dir, dbPath } = setup()
    const first = writeTemp(dir, 'a.csv', [HEADER, ...ORDERS.slice(0, 2)].join('\n'))
    const second = writeTemp(dir, 'b.csv', [HEADER, ...ORDERS.slice(1, 4)].join('\n'))
    const a = (await importPaths(engine, [first])).batches[0]
    const b = (await importPaths(engine, [second])).batches[0]
    expect(b).toMatchObject({ imported: 2, duplicate: 1 })

    const undone = await engine.call('import/undo', { batchId: b.id })
    expect(undone.removed).toMatchObject({ orders: 2, lines: 2 })
    expect(undone.backupPath).toMatch(/before-undo/)
    const backup = new Database(undone.backupPath, { readonly: true })
    expect(backup.prepare('SELECT COUNT(*) FROM order_lines').pluck().get()).toBe(4)
    backup.close()
    let overview = await engine.call('data/overview', {})
    expect([overview.orders, overview.lines]).toEqual([1, 2])

    await engine.call('import/undo', { batchId: a.id })
    overview = await engine.call('data/overview', {})
    expect([overview.orders, overview.lines, overview.customers, overview.products]).toEqual([0, 0, 0, 0])
    const batches = await engine.call('import/batches', {})
    expect(batches.map((x) => x.status)).toEqual(['undone', 'undone'])
    await expect(engine.call('import/undo', { batchId: a.id })).rejects.toMatchObject({ code: 'import.not-undoable' })
    expect(dbPath).toBeTruthy()
  })

  it('restores values a later file changed when that file is undone', async () => {
    const { engine, dir, dbPath } = setup()
    const orders = writeTemp(dir, 'orders.csv', [HEADER, ORDERS[0]].join('\n'))
    const products = writeTemp(dir, 'products.csv', 'sku,title,category,price,cost\nA1,Mug,Kitchen,9.50,3.10\n')
    await importPaths(engine, [orders])
    const p = (await importPaths(engine, [products], { presetId: 'generic-products' })).batches[0]
    expect(p).toMatchObject({ rows: 1, imported: 1, duplicate: 0 })
    const product = () => {
      const db = new Database(dbPath, { readonly: true })
      const row = db.prepare("SELECT cost, category FROM products WHERE product_key = 'sku:A1'").get()
      db.close()
      return row
    }
    expect(product()).toEqual({ cost: 3.1, category: 'Kitchen' })
    await engine.call('import/undo', { batchId: p.id })
    // The product stays (the order still sells it) but the catalogue's additions are gone.
    expect(product()).toEqual({ cost: null, category: null })
  })

  it('leaves the store unchanged and records why when a file cannot be imported', async () => {
    const { engine, dir } = setup()
    const good = writeTemp(dir, 'good.csv', [HEADER, ORDERS[0]].join('\n'))
    await importPaths(engine, [good])
    const before = await engine.call('data/overview', {})
    const empty = writeTemp(dir, 'empty.csv', '')
    await expect(engine.call('import/inspect', { file: engine.files.register(empty) })).rejects.toMatchObject({ code: 'reject.file.empty' })
    const { outcome, batches } = await importPaths(engine, [writeTemp(dir, 'ambiguous.csv', 'order_id,date,sku,qty,price\n1,01/02/2024,A,1,1\n2,03/04/2024,A,1,1\n')])
    expect(outcome.status).toBe('done')
    expect(batches[0].status).toBe('failed')
    expect(batches[0].failure?.code).toBe('file.dates-ambiguous')
    expect(await engine.call('data/overview', {})).toEqual(before)
  })

  it('rejects bad arguments before any work', async () => {
    const { engine } = setup()
    await expect(engine.call('import/rejects', { batchId: -1, offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'api.invalid-arguments' })
    // @ts-expect-error: an unknown channel is a compile error, and refused at run time too.
    await expect(engine.call('shell/exec', {})).rejects.toMatchObject({ code: 'api.unknown-channel' })
  })
})

describe('returns and write-offs', () => {
  it('counts money going back as a return, and zero-price negative lines as stock adjustments', async () => {
    const made = testEngine()
    current = made.engine
    const path = writeTemp(made.dir, 'mixed.csv', [HEADER, '2001,2024-04-01,ann@example.com,A1,Mug,-1,9.50,', '2002,2024-04-02,,A1,Mug,-5,0,'].join('\n'))
    const batch = (await importPaths(made.engine, [path])).batches[0]
    expect(batch).toMatchObject({ rows: 2, imported: 2 })
    expect(batch.added.returns).toBe(1)
    const db = new Database(made.dbPath, { readonly: true })
    expect(db.prepare('SELECT o.order_key, o.is_return, l.line_kind, l.is_return AS line_return FROM orders o JOIN order_lines l ON l.order_id = o.id ORDER BY o.order_key').all()).toEqual([
      { order_key: '2001', is_return: 1, line_kind: 'product', line_return: 1 },
      { order_key: '2002', is_return: 0, line_kind: 'adjustment', line_return: 0 },
    ])
    db.close()
  })
})
