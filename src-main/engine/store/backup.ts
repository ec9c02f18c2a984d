import { mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type Database from 'better-sqlite3'

/**
 * Copies the whole database to `<db folder>/backups/` before a destructive step
 * (undoing an import, migrating). VACUUM INTO writes a consistent snapshot even
 * while the WAL holds uncommitted pages, and is synchronous, so the step that
 * follows cannot start before the copy is complete.
 */
export function backupDatabase(db: Database.Database, dbPath: string, reason: string): string | null {
  if (dbPath === ':memory:') return null
  const dir = join(dirname(dbPath), 'backups')
  mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = join(dir, `${basename(dbPath, '.sqlite')}-${stamp}-${reason}.sqlite`)
  db.prepare('VACUUM INTO ?').run(target)
  return target
}
