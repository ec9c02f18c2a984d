import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SEED, buildSampleShop, writeSampleShop, type SampleShop } from '../../../scripts/generate-sample-shop'
import { detectFormats } from '../../../src-main/engine/ingest/formats/detect'
import { splitCsvLine } from './fixture-header'

const RESOURCES = resolve(__dirname, '../../../resources/sample-shop')

function text(path: string): string {
  const bytes = readFileSync(path)
  return path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8')
}

function hashOf(shop: Pick<SampleShop, 'products' | 'customers' | 'orders'>): string {
  return createHash('sha256').update(shop.products).update(shop.customers).update(shop.orders).digest('hex')
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
  })

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes Shopify files that detection recognises', () => {
    const written = writeSampleShop(shop, dir)
    const names = written.files.map((file) => file.slice(dir.length + 1)).sort()
    expect(names).toEqual(['customers.csv', 'orders.csv.gz', 'products.csv'])
    const expected: Record<string, string> = { 'orders.csv.gz': 'shopify-orders', 'products.csv': 'shopify-products', 'customers.csv': 'shopify-customers' }
    for (const [name, preset] of Object.entries(expected)) {
      const header = splitCsvLine(text(join(dir, name)).split('\n')[0], ',')
      const [best] = detectFormats(header)
      expect(best.presetId).toBe(preset)
      expect(best.confidence).toBeGreaterThanOrEqual(0.9)
    }
  })

  it('is deterministic: same seed, same files; another seed, other files', () => {
    const again = buildSampleShop(DEFAULT_SEED)
    expect(hashOf(again)).toBe(hashOf(shop))
    expect(hashOf(buildSampleShop(DEFAULT_SEED + 1))).not.toBe(hashOf(shop))
  })

  it('matches the files shipped in resources/sample-shop (regenerate with npx tsx scripts/generate-sample-shop.ts)', () => {
    const orders = ['orders.csv.gz', 'orders.csv'].map((name) => join(RESOURCES, name)).filter(existsSync)
    expect(orders).toHaveLength(1)
    const shipped = { products: text(join(RESOURCES, 'products.csv')), customers: text(join(RESOURCES, 'customers.csv')), orders: text(orders[0]) }
    expect(hashOf(shipped)).toBe(hashOf(shop))
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

  it('hides a discount response a model can learn: sensitive customers buy far more during sales', () => {
    const sensitivity = new Map(table(shop.truth).map((row) => [row.email, Number(row.discount_sensitivity)]))
    const sales: [string, string][] = [['2023-04-13', '2023-04-16'], ['2023-11-24', '2023-11-27'], ['2024-04-11', '2024-04-14'], ['2024-07-18', '2024-07-21'], ['2024-11-29', '2024-12-02']]
    const inSale = (day: string): boolean => sales.some(([from, to]) => day >= from && day <= to)
    const counts = { low: { sale: 0, other: 0 }, high: { sale: 0, other: 0 } }
    for (const row of table(shop.orders)) {
      if (row['Financial Status'] === '' || row.Email === '') continue // continuation rows, market stall
      const s = sensitivity.get(row.Email) ?? 0
      const group = s < 0.2 ? counts.low : s >= 0.5 ? counts.high : null
      if (group) group[inSale(row['Created at'].slice(0, 10)) ? 'sale' : 'other']++
    }
    const share = (g: { sale: number; other: number }): number => g.sale / (g.sale + g.other)
    expect(share(counts.high)).toBeGreaterThan(2 * share(counts.low))
  })
})
