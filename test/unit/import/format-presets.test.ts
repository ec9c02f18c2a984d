import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { expectAccounted, FORMAT_FIXTURES, importPaths, testEngine } from './test-engine'

let current: { engine: Engine; dbPath: string } | null = null
afterEach(async () => {
  await current?.engine.close()
  current = null
})

async function importFixture(name: string, overrides = {}) {
  current = testEngine()
  const { outcome, batches } = await importPaths(current.engine, [join(FORMAT_FIXTURES, name)], overrides)
  expect(outcome.status).toBe('done')
  const batch = batches[0]
  if (batch.status === 'done') expectAccounted(batch)
  const db = new Database(current.dbPath, { readonly: true })
  const all = <T>(sql: string) => db.prepare(sql).all() as T[]
  return { batch, all, close: () => db.close() }
}

describe('each format preset, imported from its fixture', () => {
  it('Shopify orders: continuation rows, offsets, codes, refunds, cancellations, guests', async () => {
    const { batch, all, close } = await importFixture('shopify-orders.csv')
    expect(batch).toMatchObject({ presetId: 'shopify-orders', rows: 19, imported: 19, rejected: 0 })
    expect(batch.added).toMatchObject({ orders: 10, lines: 19, guestOrders: 1, returns: 3 })
    const orders = all<{ order_key: string; status: string; discount_code: string | null; utc_offset_min: number; refunded_amount: number }>(
      'SELECT order_key, status, discount_code, utc_offset_min, refunded_amount FROM orders ORDER BY order_key',
    )
    expect(orders.find((o) => o.order_key === '#1001')).toMatchObject({ status: 'paid', discount_code: 'WELCOME10', utc_offset_min: -300 })
    expect(orders.find((o) => o.order_key === '#1003')).toMatchObject({ status: 'refunded', refunded_amount: 68 })
    expect(orders.find((o) => o.order_key === '#1005')?.status).toBe('cancelled')
    expect(orders.find((o) => o.order_key === '#1010')?.utc_offset_min).toBe(-240)
    expect(all('SELECT name FROM products WHERE name LIKE \'%,%\'')).toEqual([{ name: 'Linen Napkins, Set of 4 - Sage' }])
    close()
  })

  it('Shopify customers: apostrophe ids stripped, marketing consent read', async () => {
    const { batch, all, close } = await importFixture('shopify-customers-current.csv')
    expect(batch).toMatchObject({ presetId: 'shopify-customers', rows: 12, imported: 12 })
    const first = all<{ customer_key: string; accepts_marketing: number }>('SELECT customer_key, accepts_marketing FROM customers ORDER BY id LIMIT 2')
    expect(first).toEqual([
      { customer_key: 'id:7091234567890', accepts_marketing: 1 },
      { customer_key: 'id:7091234600658', accepts_marketing: 0 },
    ])
    close()
  })

  it('Shopify customers, legacy layout', async () => {
    const { batch, close } = await importFixture('shopify-customers-legacy.csv')
    expect(batch).toMatchObject({ presetId: 'shopify-customers', rows: 10, imported: 10, rejected: 0 })
    close()
  })

  it('Shopify products: variants with cost; image rows fold into their product', async () => {
    const { batch, all, close } = await importFixture('shopify-products-new.csv')
    expect(batch.presetId).toBe('shopify-products')
    expect(batch.rejected).toBe(0)
    expect(all("SELECT COUNT(*) AS n FROM products WHERE product_key LIKE 'name:%'")).toEqual([{ n: 0 }])
    expect(all("SELECT price, cost FROM products WHERE product_key = 'sku:CND-FIG-L'")).toEqual([{ price: 34, cost: 11.4 }])
    close()
  })

  it('Shopify products, legacy template', async () => {
    const { batch, close } = await importFixture('shopify-products.csv')
    expect(batch).toMatchObject({ presetId: 'shopify-products', rows: 17, rejected: 0 })
    close()
  })

  it('WooCommerce products and orders', async () => {
    const products = await importFixture('woocommerce-products.csv')
    expect(products.batch).toMatchObject({ presetId: 'woocommerce-products', rows: 25, rejected: 0 })
    products.close()
    await current?.engine.close()
    const orders = await importFixture('woocommerce-orders.csv')
    expect(orders.batch).toMatchObject({ presetId: 'woocommerce-orders', rows: 17, imported: 17 })
    expect(orders.batch.added.orders).toBe(9)
    orders.close()
  })

  it('Online Retail (both releases): cancellations are returns, postage is not a product, guests kept', async () => {
    const { batch, all, close } = await importFixture('online-retail.csv')
    expect(batch).toMatchObject({ presetId: 'online-retail', rows: 34, imported: 34, rejected: 0 })
    expect(batch.added.guestOrders).toBe(1)
    expect(all("SELECT is_return, status FROM orders WHERE order_key LIKE 'C%'")).toEqual(expect.arrayContaining([{ is_return: 1, status: 'cancelled' }]))
    expect(all("SELECT is_product FROM products WHERE product_key = 'sku:POST'")).toEqual([{ is_product: 0 }])
    expect(all("SELECT DISTINCT currency FROM orders")).toEqual([{ currency: 'GBP' }])
    close()
    await current?.engine.close()
    const ii = await importFixture('online-retail-ii.csv')
    expect(ii.batch).toMatchObject({ presetId: 'online-retail-ii', rows: 31, imported: 31 })
    ii.close()
  })

  it('Taobao export in GBK: Chinese decoded, closed orders cancelled', async () => {
    const { batch, all, close } = await importFixture('taobao-orders-gbk.csv')
    expect(batch).toMatchObject({ presetId: 'taobao-orders', rows: 12, imported: 12 })
    expect(all<{ name: string }>('SELECT name FROM products').map((p) => p.name)).toContain('2024新茶 明前龙井 250g 罐装 杭州特产')
    // 交易关闭 (closed) twice; "卖家已发货，等待买家确认" is a paid order on its way, not pending.
    expect(all("SELECT order_key FROM orders WHERE status = 'cancelled' ORDER BY order_key")).toEqual([
      { order_key: '3714502877391745120' },
      { order_key: '3715996410027745120' },
    ])
    expect(all("SELECT status FROM orders WHERE order_key = '3713887102934745120'")).toEqual([{ status: 'paid' }])
    expect(all("SELECT name FROM customers WHERE name = '林晓雨'")).toHaveLength(1)
    expect(all('SELECT DISTINCT currency FROM orders')).toEqual([{ currency: 'CNY' }])
    close()
  })

  it('JD and Pinduoduo exports; an unpaid order without a payment time is rejected with its reason', async () => {
    const jd = await importFixture('jd-orders.csv')
    expect(jd.batch).toMatchObject({ presetId: 'jd-orders', rows: 11, imported: 11 })
    jd.close()
    await current?.engine.close()
    const pdd = await importFixture('pinduoduo-orders.csv')
    expect(pdd.batch).toMatchObject({ presetId: 'pinduoduo-orders', rows: 11, imported: 10, rejected: 1 })
    const rejects = await current!.engine.call('import/rejects', { batchId: pdd.batch.id, offset: 0, limit: 5 })
    expect(rejects.rows[0]).toMatchObject({ row: 7, code: 'value.required', column: '支付时间' })
    pdd.close()
  })

  it('generic EU sheet: semicolons, decimal commas, day-first dates', async () => {
    const { batch, all, close } = await importFixture('generic-order-lines.csv')
    expect(batch).toMatchObject({ presetId: 'generic-order-lines', rows: 12, imported: 12 })
    // "1.249,00" with "124,90" off: thousands point, decimal comma.
    expect(all("SELECT o.ordered_at, l.unit_price, l.discount, l.amount FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.order_key = 'A-1002'")).toEqual([
      { ordered_at: '2024-01-15 00:00:00', unit_price: 1249, discount: 124.9, amount: 1124.1 },
    ])
    expect(all("SELECT o.ordered_at, p.sku, l.unit_price FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id WHERE o.order_key = 'A-1001' ORDER BY p.sku")).toEqual([
      { ordered_at: '2024-01-03 00:00:00', sku: 'ESP-CUP-2', unit_price: 12.5 },
      { ordered_at: '2024-01-03 00:00:00', sku: 'JUG-350', unit_price: 18.9 },
    ])
    close()
  })

  it('generic order-level sheet: one row per order with a total, US dates and $ amounts', async () => {
    const { batch, all, close } = await importFixture('generic-orders-us.csv')
    expect(batch).toMatchObject({ presetId: 'generic-orders', recordKind: 'orders', rows: 12, imported: 12 })
    expect(batch.added.lines).toBe(0)
    expect(all("SELECT ordered_at, total FROM orders WHERE order_key = '10234'")).toEqual([{ ordered_at: '2024-02-02 00:00:00', total: 1234.5 }])
    close()
  })

  it('generic sheet with only ambiguous dates: refused until the merchant picks the order', async () => {
    const refused = await importFixture('generic-ambiguous-dates.csv')
    expect(refused.batch.status).toBe('failed')
    expect(refused.batch.failure).toMatchObject({ code: 'file.dates-ambiguous', column: 'Date' })
    refused.close()
    await current?.engine.close()
    const chosen = await importFixture('generic-ambiguous-dates.csv', { dateOrder: 'dmy' })
    expect(chosen.batch.status).toBe('done')
    expect(chosen.batch.rejected).toBe(0)
    chosen.close()
  })

  it('generic customers', async () => {
    const { batch, close } = await importFixture('generic-customers.csv')
    expect(batch).toMatchObject({ presetId: 'generic-customers', rows: 10, imported: 10 })
    close()
  })
})
