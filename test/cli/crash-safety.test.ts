import Database from 'better-sqlite3'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { killImportMidway, offerwiseJson, ONLINE_RETAIL_GZ, requireBuild, requireSharedData, ROOT, tempDb } from './run-cli'

beforeAll(() => {
  requireBuild()
  requireSharedData()
})

function snapshot(dbPath: string) {
  const db = new Database(dbPath, { readonly: true })
  const result = {
    integrity: db.pragma('integrity_check', { simple: true }),
    orders: db.prepare('SELECT COUNT(*) FROM orders').pluck().get(),
    lines: db.prepare('SELECT COUNT(*) FROM order_lines').pluck().get(),
    customers: db.prepare('SELECT COUNT(*) FROM customers').pluck().get(),
    batches: db.prepare('SELECT id, status FROM import_batches ORDER BY id').all(),
    linesChecksum: db.prepare('SELECT TOTAL(amount) FROM order_lines').pluck().get(),
  }
  db.close()
  return result
}

describe('a process killed in the middle of an import', () => {
  it('leaves the store consistent and exactly as it was before', async () => {
    const dbPath = tempDb()
    offerwiseJson(['import', join(ROOT, 'resources/sample-shop/products.csv'), '--db', dbPath])
    const before = snapshot(dbPath)
    expect(before.integrity).toBe('ok')

    await killImportMidway(dbPath, ONLINE_RETAIL_GZ)

    const after = snapshot(dbPath)
    expect(after).toEqual(before)
  })
})
