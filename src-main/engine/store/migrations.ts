/// <reference types="vite/client" />
import type Database from 'better-sqlite3'

/** A schema step: `NNNN_name.sql`, applied in order, each in its own transaction. */
export interface Migration {
  version: number
  name: string
  sql: string
}

// Bundled at build time so the CLI, the worker and the app carry their migrations with them.
const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

export const MIGRATIONS: readonly Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{4})_([a-z0-9_-]+)\.sql$/.exec(path)
    if (!match) throw new Error(`Migration file name must be NNNN_name.sql: ${path}`)
    return { version: Number(match[1]), name: match[2], sql }
  })
  .sort((a, b) => a.version - b.version)

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0

export class SchemaTooNewError extends Error {
  readonly code = 'store.schema-too-new'
  constructor(readonly found: number, readonly supported: number) {
    super(`This data file was written by a newer Offerwise (schema ${found}; this version understands up to ${supported}). Update Offerwise to open it.`)
  }
}

export function currentSchemaVersion(db: Database.Database): number {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()
  if (!hasTable) return 0
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }
  return row.v ?? 0
}

/** Migrations that would run on this database, after checking it is not from a newer app. */
export function pendingMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const current = currentSchemaVersion(db)
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest) throw new SchemaTooNewError(current, latest)
  if (current === 0) return [...migrations]
  // By version present, not just above the highest: a number reserved while a later one landed first
  // (0007 after 0008) still runs on stores already past it. Such migrations must not depend on each other.
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]))
  return migrations.filter((m) => !applied.has(m.version))
}

/**
 * Applies pending migrations. Each file and its bookkeeping row commit together,
 * so a crash leaves the database at a clean version boundary. Errors propagate:
 * a half-migrated store must never be used.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`)
  const pending = pendingMigrations(db, migrations)
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql)
      record.run(migration.version, migration.name, new Date().toISOString())
    })()
  }
  return pending
}
