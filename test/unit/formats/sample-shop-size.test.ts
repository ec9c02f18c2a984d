import { describe, expect, it } from 'vitest'
import { DEFAULT_SEED, buildSampleShop } from '../../../scripts/sample-shop/shop'
import { CUSTOMER_COUNT } from '../../../scripts/sample-shop/customers'

// The bench builds shops of any size (bench/scale-bench.ts); the shipped shop keeps CUSTOMER_COUNT.
describe('sample shop size option', () => {
  it('builds the number of customers asked for, each with a unique id and e-mail', () => {
    const shop = buildSampleShop(DEFAULT_SEED, { customers: 240 })
    expect(shop.stats.customers).toBe(240)
    const rows = shop.customers.trimEnd().split('\n').slice(1)
    expect(rows).toHaveLength(240)
    expect(Object.keys(shop.truthData.customers)).toHaveLength(240)
    expect(shop.stats.orders).toBeGreaterThan(240)
  }, 60_000)

  it('grows the orders with the customers', () => {
    const small = buildSampleShop(DEFAULT_SEED, { customers: 100 })
    const large = buildSampleShop(DEFAULT_SEED, { customers: 400 })
    expect(large.stats.orders).toBeGreaterThan(small.stats.orders * 2.5)
  }, 60_000)

  it('refuses sizes that are not whole numbers of at least 50', () => {
    expect(() => buildSampleShop(DEFAULT_SEED, { customers: 10 })).toThrow(/customers must be/)
    expect(() => buildSampleShop(DEFAULT_SEED, { customers: 1.5 })).toThrow(/customers must be/)
  })

  it('keeps the shipped size by default', () => {
    expect(buildSampleShop(DEFAULT_SEED).stats.customers).toBe(CUSTOMER_COUNT)
  }, 60_000)
})
