import type Database from 'better-sqlite3'
import type { Locale, Settings, SettingsChange } from '../api'
import { CURRENCY_OVERRIDE_KEY, shopCurrency } from './shop-currency'

export function getSetting(db: Database.Database, key: string): string | null {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null
}

/** Until the merchant picks a language, follow the computer's (a Chinese system opens in Chinese). */
export function systemLocale(): Locale {
  const candidates = [process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG, Intl.DateTimeFormat().resolvedOptions().locale]
  return candidates.some((value) => value !== undefined && /^zh/i.test(value)) ? 'zh-CN' : 'en'
}

export function readSettings(db: Database.Database): Settings {
  const currency = shopCurrency(db)
  return {
    locale: (getSetting(db, 'locale') as Locale | null) ?? systemLocale(),
    currency: currency.code,
    currencySource: currency.source,
    currenciesInData: currency.inData,
  }
}

export function writeSettings(db: Database.Database, changes: SettingsChange): Settings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  db.transaction(() => {
    if (changes.locale !== undefined) upsert.run('locale', changes.locale)
    if (changes.currency === null) db.prepare('DELETE FROM settings WHERE key = ?').run(CURRENCY_OVERRIDE_KEY)
    else if (changes.currency !== undefined) upsert.run(CURRENCY_OVERRIDE_KEY, changes.currency)
  })()
  return readSettings(db)
}
