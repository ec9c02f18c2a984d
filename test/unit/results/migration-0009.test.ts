import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, MIGRATIONS } from '../../../src-main/engine/store/migrations'

const BATCH = (kind: string) => `INSERT INTO import_batches (file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status, started_at)
  VALUES ('r.csv', '/r.csv', 1, 'redemptions', '${kind}', '{}', '{}', 'done', 'x')`

describe('migration 0009_redemptions', () => {
  it('lets import_batches take redemption files, keeps every row and reference, and adds the redemptions table', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS.filter((m) => m.version < 9))
    db.exec(`INSERT INTO import_batches (id, file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status, started_at, rows_repeated)
        VALUES (7, 'o.csv', '/o.csv', 1, 'generic-orders', 'campaign-members', '{}', '{}', 'done', '2024-01-01', 3);
      INSERT INTO customers (id, customer_key, batch_id) VALUES (1, 'id:1', 7);
      INSERT INTO campaigns (id, campaign_key, name, source, sent_at, expires_at, batch_id) VALUES (1, 'file:A', 'A', 'imported', 'a', 'b', 7);
      INSERT INTO campaign_members (id, campaign_id, customer_id, arm, discount_type, sent_at, expires_at, code, batch_id) VALUES (1, 1, 1, 'treatment', 'percent', 'a', 'b', 'X', 7);`)
    expect(() => db.prepare(BATCH('redemptions')).run()).toThrow(/CHECK/)

    migrate(db)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.prepare('SELECT record_kind, rows_repeated FROM import_batches WHERE id = 7').get()).toEqual({ record_kind: 'campaign-members', rows_repeated: 3 })
    const batchId = Number(db.prepare(BATCH('redemptions')).run().lastInsertRowid)
    db.prepare(`INSERT INTO redemptions (member_id, campaign_id, code, redeemed_at, identity, batch_id) VALUES (1, 1, 'x', '2024-01-02 00:00:00', '1:a', ?)`).run(batchId)
    expect(() => db.prepare(BATCH('something-else')).run()).toThrow(/CHECK/)
    // References into the rebuilt table are still enforced, and a removed member takes its redemptions along.
    expect(() => db.prepare("INSERT INTO customers (customer_key, batch_id) VALUES ('id:2', 999)").run()).toThrow(/FOREIGN KEY/)
    db.prepare('DELETE FROM campaign_members WHERE id = 1').run()
    expect(db.prepare('SELECT COUNT(*) FROM redemptions').pluck().get()).toBe(0)
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'import_batches_%'").pluck().get()).toBe(0)
  })
})
