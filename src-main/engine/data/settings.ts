import type Database from 'better-sqlite3'
import type { Locale, Settings } from '../api'

export function getSetting(db: Database.Database, key: string): string | null {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null
}

/** Until the merchant picks a language, follow the computer's (a Chinese system opens in Chinese). */
export function systemLocale(): Locale {
  const candidates = [process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG, Intl.DateTimeFormat().resolvedOptions().locale]
  return candidates.some((value) => value !== undefined && /^zh/i.test(value)) ? 'zh-CN' : 'en'
}

export function readSettings(db: Database.Database): Settings {
  return {
    locale: (getSetting(db, 'locale') as Locale | null) ?? systemLocale(),
    currency: getSetting(db, 'currency') ?? 'USD',
  }
}

export function writeSettings(db: Database.Database, changes: Partial<Settings>): Settings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) upsert.run(key, value)
  })()
  return readSettings(db)
}
