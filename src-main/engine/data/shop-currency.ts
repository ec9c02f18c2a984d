import type Database from 'better-sqlite3'
import type { ShopCurrency } from '../api'

/** Settings key of the merchant's own choice; absent = follow the data. */
export const CURRENCY_OVERRIDE_KEY = 'currency_override'

/** Shown when the store has no orders yet and the merchant chose nothing. */
const NO_DATA_CURRENCY = 'USD'

/**
 * The shop's currency, as every screen, chart and file shows money: the
 * merchant's choice if they made one, else the currency most of the shop's
 * sale orders were written in. Offerwise never converts between currencies,
 * so a store holding several says so (`inData` lists them) instead of adding
 * pounds to euros silently.
 */
export function shopCurrency(db: Database.Database): ShopCurrency {
  const inData = db
    .prepare(`SELECT currency AS code, COUNT(*) AS orders FROM orders
      WHERE currency IS NOT NULL AND currency != '' AND is_return = 0 AND status != 'cancelled'
      GROUP BY currency ORDER BY orders DESC, code`)
    .all() as { code: string; orders: number }[]
  const override = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(CURRENCY_OVERRIDE_KEY) as string | undefined
  if (override) return { code: override, source: 'merchant', inData }
  const first = inData[0]
  return first ? { code: first.code, source: 'data', inData } : { code: NO_DATA_CURRENCY, source: 'default', inData }
}
