import { beforeAll, describe, expect, it } from 'vitest'
import type { DataOverview, ImportBatchSummary } from '../../src-main/engine/api'
import { offerwiseJson, ONLINE_RETAIL_GZ, ONLINE_RETAIL_II_XLSX, requireBuild, requireSharedData, tempDb } from './run-cli'

interface ImportOutput {
  status: string
  batches: ImportBatchSummary[]
}

beforeAll(() => {
  requireBuild()
  requireSharedData()
})

describe('offerwise import on the real UCI Online Retail file', () => {
  const db = tempDb()
  let first: ImportBatchSummary

  it('accounts for every one of its 541,909 data rows', () => {
    const out = offerwiseJson<ImportOutput>(['import', ONLINE_RETAIL_GZ, '--db', db])
    expect(out.status).toBe('done')
    first = out.batches[0]
    expect(first.presetId).toBe('online-retail')
    expect(first.failure).toBeNull()
    // 541,910 lines: the header and 541,909 order lines (the UCI dataset's documented row count).
    expect(first.rows).toBe(541_909)
    expect(first.imported + first.duplicate + first.rejected).toBe(first.rows)
    // Into an empty store, every duplicate repeats a line of this same file: never "already in your data".
    expect(first.duplicate).toBeGreaterThan(0)
    expect(first.repeatedInFile).toBe(first.duplicate)
    // The shop's currency comes from its data: a UK shop is shown in pounds.
    const overview = offerwiseJson<DataOverview>(['overview', '--db', db])
    expect(overview.currency).toBe('GBP')
    expect(overview.currencySource).toBe('data')
    // Average order over sale orders only (25,900 orders of which 3,836 are cancellation invoices).
    expect(overview.salesOrders).toBe(25_900 - 3_836)
    expect(overview.averageOrderValue).toBeCloseTo(overview.revenue / overview.salesOrders, 1)
    // Lines without a CustomerID (~135k) are guest orders, not rejects.
    expect(first.rejected).toBeLessThan(1_000)
    expect(first.imported).toBeGreaterThan(530_000)
    // 25,900 invoices; only an invoice whose every row was rejected could be missing.
    expect(first.added.orders).toBeLessThanOrEqual(25_900)
    expect(first.added.orders).toBeGreaterThanOrEqual(25_900 - first.rejected)
    expect(first.added.guestOrders).toBeGreaterThan(1_000)
    // Cancellation invoices ('C' prefix): 3,836 of them in this file.
    expect(first.added.returns).toBe(3_836)
  })

  it('adds nothing when the same file is imported again', () => {
    const before = offerwiseJson<DataOverview>(['overview', '--db', db])
    const again = offerwiseJson<ImportOutput>(['import', ONLINE_RETAIL_GZ, '--db', db]).batches[0]
    expect(again.rows).toBe(first.rows)
    expect(again.imported).toBe(0)
    expect(again.duplicate).toBe(first.imported + first.duplicate)
    expect(again.repeatedInFile).toBe(0)
    expect(again.rejected).toBe(first.rejected)
    expect(again.added).toEqual({ orders: 0, lines: 0, customers: 0, products: 0, returns: 0, guestOrders: 0 })
    const after = offerwiseJson<DataOverview>(['overview', '--db', db])
    expect({ ...after, batches: 0 }).toEqual({ ...before, batches: 0 })
    expect(after.customers).toBe(4_372)
  })
})

describe('offerwise import on the real Online Retail II workbook', () => {
  it('reads the XLSX and accounts for its 52,516 data rows', () => {
    const db = tempDb()
    const batch = offerwiseJson<ImportOutput>(['import', ONLINE_RETAIL_II_XLSX, '--db', db]).batches[0]
    expect(batch.presetId).toBe('online-retail-ii')
    expect(batch.rows).toBe(52_516)
    expect(batch.imported + batch.duplicate + batch.rejected).toBe(52_516)
    expect(batch.imported).toBeGreaterThan(50_000)
    const overview = offerwiseJson<DataOverview>(['overview', '--db', db])
    expect(overview.firstOrderAt?.slice(0, 10)).toBe('2009-12-01')
    expect(overview.lastOrderAt?.slice(0, 7)).toBe('2010-01')
    expect(overview.currency).toBe('GBP')
  })
})
