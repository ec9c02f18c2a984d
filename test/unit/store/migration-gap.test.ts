import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, type Migration } from '../../../src-main/engine/store/migrations'

describe('a migration number that landed after a higher one', () => {
  it('still runs on a store already past it, once', () => {
    const db = new Database(':memory:')
    const first: Migration[] = [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 3, name: 'three', sql: 'CREATE TABLE c (x INTEGER);' },
    ]
    expect(migrate(db, first).map((m) => m.version)).toEqual([1, 3])
    const later: Migration[] = [first[0]!, { version: 2, name: 'two', sql: 'CREATE TABLE b (x INTEGER);' }, first[1]!]
    expect(migrate(db, later).map((m) => m.version)).toEqual([2])
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(1)
    expect(migrate(db, later)).toEqual([])
  })
})
