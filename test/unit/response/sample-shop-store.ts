import { join } from 'node:path'
import Database from 'better-sqlite3'
import { importPaths, ROOT, testEngine } from '../import/test-engine'

export const SAMPLE_SHOP = join(ROOT, 'resources/sample-shop')

/**
 * The sample shop (products, customers, orders, campaigns.csv) imported into
 * a temp store, as the app's "Try the sample shop" plus the campaign file.
 * Returns the store opened read-only; close() closes both.
 */
export async function sampleShopStore(): Promise<{ db: Database.Database; close: () => Promise<void> }> {
  const { engine, dbPath } = testEngine()
  const files = ['products.csv', 'customers.csv', 'orders.csv.gz', 'campaigns.csv'].map((f) => join(SAMPLE_SHOP, f))
  for (const path of files) {
    const { outcome } = await importPaths(engine, [path])
    if ('error' in outcome && outcome.error) throw new Error(`import ${path}: ${JSON.stringify(outcome)}`)
  }
  const db = new Database(dbPath, { readonly: true })
  return {
    db,
    close: async () => {
      db.close()
      await engine.close()
    },
  }
}
