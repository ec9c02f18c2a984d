import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, MIGRATIONS } from '../../../src-main/engine/store/migrations'

describe('migration 0004_campaigns', () => {
  it('rebuilds import_batches for campaign files without breaking the rows that reference it', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS.filter((m) => m.version < 4))
    db.exec(`INSERT INTO import_batches (id, file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status, started_at)
        VALUES (7, 'o.csv', '/o.csv', 1, 'generic-orders', 'orders', '{}', '{}', 'done', '2024-01-01');
      INSERT INTO customers (id, customer_key, batch_id) VALUES (1, 'id:1', 7);
      INSERT INTO orders (order_key, customer_id, ordered_at, batch_id) VALUES ('1', 1, '2024-01-01 00:00:00', 7);`)
    expect(() =>
      db.prepare(`INSERT INTO import_batches (file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status, started_at)
        VALUES ('c', 'c', 0, 'p', 'campaign-members', '{}', '{}', 'done', 'x')`).run(),
    ).toThrow(/CHECK/)

    migrate(db)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.prepare('SELECT file_name FROM import_batches WHERE id = 7').pluck().get()).toBe('o.csv')
    db.prepare(`INSERT INTO import_batches (file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status, started_at)
      VALUES ('c', 'c', 0, 'p', 'campaign-members', '{}', '{}', 'done', 'x')`).run()
    // References still point at the rebuilt table, and are still enforced.
    expect(() => db.prepare("INSERT INTO customers (customer_key, batch_id) VALUES ('id:2', 999)").run()).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare('DELETE FROM import_batches WHERE id = 7').run()).toThrow(/FOREIGN KEY/)
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'import_batches_%'").pluck().get()).toBe(0)
    const columns = db.prepare("SELECT name FROM pragma_table_info('customers')").pluck().all()
    expect(columns).toEqual(expect.arrayContaining(['stated_total_spent', 'stated_orders', 'stated_last_order_at']))
  })
})
