import { afterEach, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import type { Engine } from '../../../src-main/engine/engine'
import { importPaths, testEngine, writeTemp } from '../import/test-engine'

const HEADER = 'order_id,order_date,email,sku,product,qty,price,currency'

let current: { engine: Engine; dir: string } | null = null
afterEach(async () => {
  await current?.engine.close()
  if (current) rmSync(current.dir, { recursive: true, force: true })
  current = null
})

function setup() {
  const made = testEngine()
  current = made
  return made
}

describe('the shop currency comes from its data', () => {
  it('shows a GBP shop in GBP even when the import request said USD (the app default)', async () => {
    const { engine, dir } = setup()
    const path = writeTemp(dir, 'orders.csv', [HEADER, '1,2024-03-01,a@example.com,A,Mug,1,10.00,GBP', '2,2024-03-02,b@example.com,A,Mug,2,10.00,GBP'].join('\n'))
    await importPaths(engine, [path], { currency: 'USD' })
    const settings = await engine.call('settings/get', {})
    expect(settings).toMatchObject({ currency: 'GBP', currencySource: 'data' })
    const overview = await engine.call('data/overview', {})
    expect(overview.currency).toBe('GBP')
  })

  it('says when the store holds several currencies, and lets the merchant choose and un-choose', async () => {
    const { engine, dir } = setup()
    const path = writeTemp(
      dir,
      'orders.csv',
      [HEADER, '1,2024-03-01,a@example.com,A,Mug,1,10.00,EUR', '2,2024-03-02,b@example.com,A,Mug,2,10.00,EUR', '3,2024-03-03,c@example.com,A,Mug,1,10.00,GBP'].join('\n'),
    )
    await importPaths(engine, [path])
    const overview = await engine.call('data/overview', {})
    expect(overview.currency).toBe('EUR')
    expect(overview.currenciesInData).toEqual([
      { code: 'EUR', orders: 2 },
      { code: 'GBP', orders: 1 },
    ])
    expect((await engine.call('settings/set', { currency: 'GBP' })).currencySource).toBe('merchant')
    expect((await engine.call('data/overview', {})).currency).toBe('GBP')
    expect(await engine.call('settings/set', { currency: null })).toMatchObject({ currency: 'EUR', currencySource: 'data' })
  })
})

describe('figures divide by sale orders', () => {
  it('computes the average order and the guest share over sales, not returns', async () => {
    const { engine, dir } = setup()
    const path = writeTemp(
      dir,
      'orders.csv',
      [
        'order_id,order_date,email,sku,product,qty,price',
        '1,2024-03-01,a@example.com,A,Mug,1,30.00',
        '2,2024-03-02,,A,Mug,1,10.00',
        'C3,2024-03-03,a@example.com,A,Mug,-1,30.00',
        'C4,2024-03-04,a@example.com,A,Mug,-1,10.00',
      ].join('\n'),
    )
    await importPaths(engine, [path])
    const overview = await engine.call('data/overview', {})
    expect(overview.orders).toBe(4)
    expect(overview.returnOrders).toBe(2)
    expect(overview.salesOrders).toBe(2)
    expect(overview.averageOrderValue).toBe(20)
    expect(overview.guestSalesOrders).toBe(1)
    expect(overview.returnLines).toBe(2)
  })
})

describe('duplicates say what happened', () => {
  it('counts lines repeated within one file as repeated in the file, not as already in the data', async () => {
    const { engine, dir } = setup()
    const rows = ['order_id,order_date,email,sku,product,qty,price', '1,2024-03-01,a@example.com,A,Mug,1,30.00', '1,2024-03-01,a@example.com,A,Mug,1,30.00']
    const path = writeTemp(dir, 'orders.csv', rows.join('\n'))
    const first = (await importPaths(engine, [path])).batches[0]
    expect(first).toMatchObject({ rows: 2, imported: 1, duplicate: 1, repeatedInFile: 1 })
    const again = (await importPaths(engine, [path])).batches[0]
    expect(again).toMatchObject({ rows: 2, imported: 0, duplicate: 2, repeatedInFile: 0 })
  })
})
