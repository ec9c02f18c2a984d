import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type Database from 'better-sqlite3'

/** How many backups of a database are kept; older ones are removed, oldest first, after each new one. */
export const BACKUPS_KEPT = 5

/** `<db folder>/backups/`: where the copies go. */
export function backupsDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups')
}

/**
 * Copies the whole database to `<db folder>/backups/` before a destructive step
 * (undoing an import, migrating). VACUUM INTO writes a consistent snapshot even
 * while the WAL holds uncommitted pages, and is synchronous, so the step that
 * follows cannot start before the copy is complete. Afterwards only the
 * `keep` newest backups of this database stay (see pruneBackups).
 */
export function backupDatabase(db: Database.Database, dbPath: string, reason: string, keep = BACKUPS_KEPT): string | null {
  if (dbPath === ':memory:') return null
  const dir = backupsDir(dbPath)
  mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = join(dir, `${basename(dbPath, '.sqlite')}-${stamp}-${reason}.sqlite`)
  db.prepare('VACUUM INTO ?').run(target)
  pruneBackups(dbPath, keep)
  return target
}

/**
 * Removes this database's backups beyond the `keep` newest (by the time in
 * their names, which sorts as text). Only files named as backupDatabase names
 * them are counted or touched: anything else in the folder is the merchant's.
 * Returns the removed paths.
 */
export function pruneBackups(dbPath: string, keep = BACKUPS_KEPT): string[] {
  const dir = backupsDir(dbPath)
  const prefix = `${basename(dbPath, '.sqlite')}-`
  const stamped = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-.+\.sqlite$/
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const backups = names
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ name, stamp: stamped.exec(name.slice(prefix.length))?.[1] }))
    .filter((entry): entry is { name: string; stamp: string } => entry.stamp !== undefined)
    // Newest first; the same millisecond falls back to the name, so the order is always the same.
    .sort((a, b) => (a.stamp === b.stamp ? b.name.localeCompare(a.name) : b.stamp.localeCompare(a.stamp)))
  const removed: string[] = []
  for (const { name } of backups.slice(Math.max(0, keep))) {
    const path = join(dir, name)
    // A copy that cannot be removed (held open elsewhere) is tried again after the next backup.
    try {
      rmSync(path, { force: true })
      removed.push(path)
    } catch {
      /* next time */
    }
  }
  return removed
}
