import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { buildFeatures } from '../../../src-main/engine/features/build-features'
import { buildInteractions } from '../../../src-main/engine/features/interactions'
import { buildLabels } from '../../../src-main/engine/features/labels'
import { openStore } from '../../../src-main/engine/store/open-store'
import { importPaths, testEngine, writeTemp } from '../import/test-engine'

let engine: Engine | null = null
afterEach(async () => {
  await engine?.close()
  engine = null
})

const CSV = [
  'order_id,order_date,email,sku,product,qty,price,discount_code',
  '1001,2024-03-01 10:00,ann@example.com,A1,Mug,2,9.50,',
  '1001,2024-03-01 10:00,ann@example.com,B2,Tea,1,4.00,',
  '1002,2024-03-05 12:30,bob@example.com,A1,Mug,1,9.50,SPRING10',
  '1003,2024-03-06 09:00,,C3,Spoon,3,1.20,',
  '1004,2024-03-07 18:45,ann@example.com,A1,Mug,-1,9.50,',
  '1005,2024-03-11 08:00,ann@example.com,B2,Tea,2,4.00,',
  '1006,2024-04-02 08:00,bob@example.com,C3,Spoon,1,1.20,',
].join('\n')

describe('features from an imported export', () => {
  it('read what the importer stored: sales, returns, codes, guests', async () => {
    const made = testEngine()
    engine = made.engine
    await importPaths(engine, [writeTemp(made.dir, 'orders.csv', CSV)])
    const store = openStore(made.dbPath)
    try {
      const f = buildFeatures(store.db, '2024-03-10')
      const row = (email: string) => Array.from(f.customerIds).indexOf(store.db.prepare('SELECT id FROM customers WHERE email = ?').pluck().get(email) as number)
      const get = (email: string, name: string) => f.values[row(email) * f.names.length + f.names.indexOf(name)]
      expect(f.customerIds.length).toBe(2)
      // Ann: order 1001 (2 × 9.50 + 4.00 = 23) on Mar 1; the all-negative 1004 is a return.
      expect(get('ann@example.com', 'frequency')).toBe(1)
      expect(get('ann@example.com', 'monetary')).toBeCloseTo(23, 4)
      expect(get('ann@example.com', 'recency_days')).toBe(9)
      expect(get('ann@example.com', 'returns_rate')).toBeCloseTo(0.5, 6)
      expect(get('bob@example.com', 'discount_share')).toBe(1)
      // The guest's spoons count for the shop's categories but give no row.
      expect(f.context?.topCategories).toEqual(['mug', 'tea', 'spoon'])
      const labels = buildLabels(store.db, '2024-03-10', 30, f.customerIds)
      expect(labels.bought[row('ann@example.com')]).toBe(1)
      expect(labels.bought[row('bob@example.com')]).toBe(1)
      const interactions = buildInteractions(store.db, '2024-03-10')
      expect(interactions.products.map((p) => p.name)).toEqual(['Mug', 'Tea', 'Spoon'])
    } finally {
      store.close()
    }
  })
})
