import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { backupDatabase } from './backup'
import { currentSchemaVersion, migrate, MIGRATIONS, pendingMigrations, type Migration } from './migrations'

export interface Store {
  db: Database.Database
  path: string
  close(): void
}

/**
 * Opens (creating if needed) the shop's database: WAL so readers never wait
 * for an import, foreign keys on, migrations applied. A database written by a
 * newer Offerwise is refused before anything touches it.
 */
export interface StoreOptions {
  /**
   * better-sqlite3 addon built for a different runtime (Electron's ABI), so the
   * same node_modules serves both plain Node (CLI, tests) and the desktop app.
   */
  nativeBinding?: string
  /** The schema steps to apply; the bundled ones unless a test supplies others. */
  migrations?: readonly Migration[]
}

export function openStore(path: string, options: StoreOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const existed = path !== ':memory:' && existsSync(path)
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // NORMAL is durable across application crashes in WAL mode; only an OS crash may lose the last commit.
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 10000')
    // 64 MB of page cache: an import touches several B-tree indexes per row, and
    // the 2 MB default makes SQLite evict and re-read index pages constantly.
    db.pragma('cache_size = -65536')
    const migrations = options.migrations ?? MIGRATIONS
    const pending = pendingMigrations(db, migrations)
    if (existed && pending.length > 0 && currentSchemaVersion(db) > 0) backupDatabase(db, path, 'before-migration')
    migrate(db, migrations)
  } catch (error) {
    db.close()
    throw error
  }
  return { db, path, close: () => db.close() }
}
