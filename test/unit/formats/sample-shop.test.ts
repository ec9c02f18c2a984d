import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SEED, buildSampleShop, shopHash, writeSampleShop, type SampleShop } from '../../../scripts/sample-shop/shop'
import { detectFormats } from '../../../src-main/engine/ingest/formats/detect'
import { splitCsvLine } from './fixture-header'

const RESOURCES = resolve(__dirname, '../../../resources/sample-shop')

function text(path: string): string {
  const bytes = readFileSync(path)
  return path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8')
}

function table(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv.trimEnd().split('\n')
  const header = splitCsvLine(head, ',')
  return lines.map((line) => {
    const cells = splitCsvLine(line, ',')
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']))
  })
}

describe('sample shop generator', () => {
  let shop: SampleShop
  let dir: string

  beforeAll(() => {
    shop = buildSampleShop(DEFAULT_SEED)
    dir = mkdtempSync(join(tmpdir(), 'offerwise-sample-shop-'))
  }, 60_000)

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes Shopify files that detection recognises', () => {
    const written = writeSampleShop(shop, dir)
    const names = written.files.map((file) => file.slice(dir.length + 1)).sort()
    expect(names).toEqual(['campaigns.csv', 'customers.csv', 'orders.csv.gz', 'products.csv', 'truth.json'])
    const expected: Record<string, string> = { 'orders.csv.gz': 'shopify-orders', 'products.csv': 'shopify-products', 'customers.csv': 'shopify-customers' }
    for (const [name, preset] of Object.entries(expected)) {
      const header = splitCsvLine(text(join(dir, name)).split('\n')[0], ',')
      const [best] = detectFormats(header)
      expect(best.presetId).toBe(preset)
      expect(best.confidence).toBeGreaterThanOrEqual(0.9)
    }
  })

  // Same seed, same files is the next test (the shipped files came from another process); here only that the seed matters.
  it('gives other files for another seed', () => {
    expect(shopHash(buildSampleShop(DEFAULT_SEED + 1))).not.toBe(shopHash(shop))
  })

  it('matches the files shipped in resources/sample-shop (regenerate with npm run sample-shop)', () => {
    const orders = ['orders.csv.gz', 'orders.csv'].map((name) => join(RESOURCES, name)).filter(existsSync)
    expect(orders).toHaveLength(1)
    const read = (name: string): string => text(join(RESOURCES, name))
    const shipped = { products: read('products.csv'), customers: read('customers.csv'), orders: text(orders[0]), campaigns: read('campaigns.csv'), truth: read('truth.json') }
    expect(shopHash(shipped)).toBe(shopHash(shop))
  })

  it('has the size and events the README promises', () => {
    const { stats } = shop
    expect(stats.customers).toBe(1500)
    expect(stats.orders).toBeGreaterThanOrEqual(6000)
    expect(stats.orders).toBeLessThanOrEqual(9000)
    expect(stats.firstOrder).toBe('2023-01-01')
    expect(stats.lastOrder).toBe('2024-12-31')
    expect(stats.codes.BF2023).toBeGreaterThan(60)
    expect(stats.codes.BF2024).toBeGreaterThan(100)
    expect(stats.codes.WELCOME10).toBeGreaterThan(200)
    expect(stats.codes.SPRING15).toBeGreaterThan(50)
    const returns = (stats.refunded + stats.partiallyRefunded) / stats.orders
    expect(returns).toBeGreaterThan(0.03)
    expect(returns).toBeLessThan(0.08)
    expect(stats.cancelled).toBeGreaterThan(10)
  })

  it('hides a discount response a model can learn: strong responders buy far more during sales than sure things', () => {
    const customers = shop.truthData.customers
    const byEmail = new Map(Object.values(customers).map((c) => [c.email, c]))
    const sales: [string, string][] = [['2023-04-13', '2023-04-16'], ['2023-11-24', '2023-11-27'], ['2024-04-11', '2024-04-14'], ['2024-07-18', '2024-07-21'], ['2024-11-29', '2024-12-02']]
    const inSale = (day: string): boolean => sales.some(([from, to]) => day >= from && day <= to)
    const counts = { sure: { sale: 0, other: 0 }, strong: { sale: 0, other: 0 } }
    for (const row of table(shop.orders)) {
      if (row['Financial Status'] === '' || row.Email === '') continue // continuation rows, market stall
      const type = byEmail.get(row.Email)?.type
      const group = type === 'sure-thing' ? counts.sure : type === 'strong' ? counts.strong : null
      if (group) group[inSale(row['Created at'].slice(0, 10)) ? 'sale' : 'other']++
    }
    const share = (g: { sale: number; other: number }): number => g.sale / (g.sale + g.other)
    expect(share(counts.strong)).toBeGreaterThan(2 * share(counts.sure))
  })
})
