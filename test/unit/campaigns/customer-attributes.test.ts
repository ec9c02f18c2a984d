import Database from 'better-sqlite3'
import iconv from 'iconv-lite'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { expectAccounted, importPaths, testEngine, writeTemp } from '../import/test-engine'

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

interface Stated {
  email: string
  accepts_marketing: number | null
  tags: string | null
  stated_total_spent: number | null
  stated_orders: number | null
  stated_last_order_at: string | null
}

async function importCustomers(name: string, content: string | Buffer) {
  const made = testEngine()
  current = made.engine
  const path = writeTemp(made.dir, name, content)
  const inspection = await made.engine.call('import/inspect', { file: made.engine.files.register(path) })
  const batch = (await importPaths(made.engine, [path])).batches[0]
  expectAccounted(batch)
  const db = new Database(made.dbPath, { readonly: true })
  const rows = db.prepare('SELECT email, accepts_marketing, tags, stated_total_spent, stated_orders, stated_last_order_at FROM customers ORDER BY email').all() as Stated[]
  db.close()
  return { presetId: inspection.presetId, batch, rows, ...made }
}

describe('customer summary attributes', () => {
  it('keeps Shopify customers’ Total Spent, Total Orders, Tags and marketing consent', async () => {
    const csv = [
      'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Country Code,Total Spent,Total Orders,Tags,Accepts SMS Marketing,Tax Exempt',
      "'7091,Ann,Lee,ann@example.com,yes,GB,120.50,3,\"vip, tea\",no,no",
      "'7092,Bob,Ray,bob@example.com,no,GB,0.00,0,,no,no",
    ].join('\n')
    const { presetId, rows } = await importCustomers('customers_export.csv', csv)
    expect(presetId).toBe('shopify-customers')
    expect(rows).toEqual([
      { email: 'ann@example.com', accepts_marketing: 1, tags: 'vip, tea', stated_total_spent: 120.5, stated_orders: 3, stated_last_order_at: null },
      { email: 'bob@example.com', accepts_marketing: 0, tags: null, stated_total_spent: 0, stated_orders: 0, stated_last_order_at: null },
    ])
  })

  it('reads WooCommerce’s customers report, with its last order date', async () => {
    const csv = [
      'Name,Username,Last active,Date registered,Email,Orders,Total spend,AOV,Country / Region,City,Last order',
      'Ann Lee,ann,2024-05-01,2023-01-02,ann@example.com,4,"1,250.00",312.50,GB,London,2024-04-30 14:00',
    ].join('\n')
    const { presetId, rows } = await importCustomers('woo-customers.csv', csv)
    expect(presetId).toBe('woocommerce-customers')
    expect(rows[0]).toMatchObject({ stated_total_spent: 1250, stated_orders: 4, stated_last_order_at: '2024-04-30 14:00:00' })
  })

  it('reads Klaviyo consent words and lifetime value', async () => {
    const csv = ['Email,First Name,Email Marketing Consent,Historic Customer Lifetime Value,Historic Number Of Orders', 'ann@example.com,Ann,SUBSCRIBED,80,2', 'bob@example.com,Bob,NEVER_SUBSCRIBED,,'].join('\n')
    const { rows } = await importCustomers('klaviyo.csv', csv)
    expect(rows.map((r) => [r.email, r.accepts_marketing, r.stated_total_spent, r.stated_orders])).toEqual([
      ['ann@example.com', 1, 80, 2],
      ['bob@example.com', 0, null, null],
    ])
  })

  it('reads Chinese summary headers in a GBK file, and undo restores what a later file changed', async () => {
    const text = ['客户编号,姓名,邮箱,累计消费,订单数,标签,是否接受营销,最近下单时间', 'K1,李安,ann@example.com,￥300.00,5,老客,是,2024-06-01 10:00:00'].join('\r\n')
    const { rows, engine, dir, dbPath, batch: batch_ } = await importCustomers('客户.csv', iconv.encode(text, 'gbk'))
    expect(batch_).toMatchObject({ imported: 1 })
    expect(rows[0]).toMatchObject({ accepts_marketing: 1, tags: '老客', stated_total_spent: 300, stated_orders: 5, stated_last_order_at: '2024-06-01 10:00:00' })

    const later = writeTemp(dir, 'later.csv', ['客户编号,邮箱,累计消费,订单数', 'K1,ann@example.com,350,6'].join('\n'))
    const batch = (await importPaths(engine, [later])).batches[0]
    expect(batch).toMatchObject({ imported: 1 })
    await engine.call('import/undo', { batchId: batch.id })
    const db = new Database(dbPath, { readonly: true })
    expect(db.prepare('SELECT stated_total_spent, stated_orders FROM customers').get()).toEqual({ stated_total_spent: 300, stated_orders: 5 })
    db.close()
  })
})
