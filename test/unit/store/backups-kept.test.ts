import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { backupDatabase, BACKUPS_KEPT, pruneBackups } from '../../../src-main/engine/store/backup'
import { expectAccounted, FORMAT_FIXTURES, importPaths, testEngine } from '../import/test-engine'
import { tempDir } from '../../support/temp-dir'

const opened: { close(): unknown }[] = []
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close()
})

describe('backups', () => {
  it('keeps the newest few, dropping the oldest first, and leaves other files alone', () => {
    const dir = tempDir('ow-backups-')
    const dbPath = join(dir, 'offerwise.sqlite')
    const db = new Database(dbPath)
    opened.push(db)
    db.exec('CREATE TABLE t (x)')
    const backups = join(dir, 'backups')
    const made: string[] = []
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) {
      const path = backupDatabase(db, dbPath, `step-${i}`)
      if (path === null) throw new Error('no backup')
      made.push(path)
      expect(readdirSync(backups).length).toBe(Math.min(i + 1, BACKUPS_KEPT))
    }
    expect(readdirSync(backups).sort()).toEqual(made.slice(-BACKUPS_KEPT).map((path) => path.slice(backups.length + 1)).sort())
    // The merchant's own files, and another database's backups, are never counted or removed.
    writeFileSync(join(backups, 'my-notes.txt'), 'keep')
    writeFileSync(join(backups, 'other-2020-01-01T00-00-00-000Z-before-undo-1.sqlite'), 'x')
    expect(pruneBackups(dbPath, 2)).toHaveLength(BACKUPS_KEPT - 2)
    expect(existsSync(join(backups, 'my-notes.txt'))).toBe(true)
    expect(existsSync(join(backups, 'other-2020-01-01T00-00-00-000Z-before-undo-1.sqlite'))).toBe(true)
    expect(made.slice(-2).every((path) => existsSync(path))).toBe(true)
  })

  it('undo says where the backups are and how many are kept, and never keeps more', async () => {
    const { engine, dir } = testEngine()
    opened.push(engine)
    let last = null
    for (let i = 0; i < BACKUPS_KEPT + 2; i++) {
      const { batches } = await importPaths(engine, [join(FORMAT_FIXTURES, 'shopify-orders.csv')])
      expectAccounted(batches[0]!)
      last = await engine.call('import/undo', { batchId: batches[0]!.id })
    }
    expect(last).toMatchObject({ backupsDir: join(dir, 'backups'), backupsKept: BACKUPS_KEPT })
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(BACKUPS_KEPT)
    expect(existsSync(last!.backupPath)).toBe(true)
  })
})
