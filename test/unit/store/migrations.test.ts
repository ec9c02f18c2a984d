import Database from 'better-sqlite3'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { currentSchemaVersion, LATEST_SCHEMA_VERSION, migrate, MIGRATIONS, SchemaTooNewError, type Migration } from '../../../src-main/engine/store/migrations'
import { openStore } from '../../../src-main/engine/store/open-store'
import { tempDir } from '../../support/temp-dir'

describe('migrations', () => {
  it('are numbered in order, and the real ones apply to a new database', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0)
    expect(MIGRATIONS.map((m) => m.version)).toEqual([...MIGRATIONS.map((m) => m.version)].sort((a, b) => a - b))
    const db = new Database(':memory:')
    expect(migrate(db).length).toBe(MIGRATIONS.length)
    expect(currentSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['customers', 'products', 'orders', 'order_lines', 'import_batches', 'import_rejects']))
    expect(migrate(db)).toEqual([])
  })

  it('roll back a failing migration together with its bookkeeping row', () => {
    const db = new Database(':memory:')
    const steps: Migration[] = [
      { version: 1, name: 'good', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);' },
    ]
    expect(() => migrate(db, steps)).toThrow(/nowhere/)
    expect(currentSchemaVersion(db)).toBe(1)
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0)
  })

  it('refuse a database written by a newer Offerwise, without touching it', () => {
    const dir = tempDir('ow-mig-')
    const path = join(dir, 'shop.sqlite')
    openStore(path).close()
    const raw = new Database(path)
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, ?, ?)').run('future', 'now')
    raw.close()
    expect(() => openStore(path)).toThrow(SchemaTooNewError)
    const check = new Database(path)
    expect(check.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(9999)
    check.close()
  })

  it('back up an existing database before migrating it', () => {
    const dir = tempDir('ow-mig-')
    const path = join(dir, 'shop.sqlite')
    openStore(path).close()
    expect(readdirSync(dir)).not.toContain('backups')
    const extra: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER);' }
    const store = openStore(path, { migrations: [...MIGRATIONS, extra] })
    store.close()
    const backups = readdirSync(join(dir, 'backups'))
    expect(backups).toHaveLength(1)
    const copy = new Database(join(dir, 'backups', backups[0]))
    expect(copy.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(LATEST_SCHEMA_VERSION)
    copy.close()
  })

  it('open stores in WAL mode with foreign keys enforced', () => {
    const dir = tempDir('ow-store-')
    const store = openStore(join(dir, 'shop.sqlite'))
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(() => store.db.prepare("INSERT INTO order_lines (order_id, line_key, quantity, unit_price, amount, source_row, batch_id) VALUES (999, 'k', 1, 1, 1, 1, 999)").run()).toThrow(/FOREIGN KEY/)
    store.close()
  })
})
