import { join } from 'node:path'
import Database from 'better-sqlite3'
import iconv from 'iconv-lite'
import { afterEach, describe, expect, it } from 'vitest'
import { memberOutcomes } from '../../../src-main/engine/campaigns/outcomes'
import type { Engine } from '../../../src-main/engine/engine'
import { expectAccounted, importPaths, ROOT, testEngine, writeTemp } from '../import/test-engine'

const FIXTURES = join(ROOT, 'test/fixtures/campaigns')
const ORDERS = join(FIXTURES, 'orders.csv')
const CAMPAIGNS = join(FIXTURES, 'campaigns.csv')

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

async function shopWithOrders() {
  const made = testEngine()
  current = made.engine
  const orders = (await importPaths(made.engine, [ORDERS])).batches[0]
  expect(orders).toMatchObject({ rows: 6, imported: 6 })
  return made
}

function outcomesByEmail(dbPath: string) {
  const db = new Database(dbPath, { readonly: true })
  try {
    const emails = new Map((db.prepare('SELECT id, email FROM customers').all() as { id: number; email: string }[]).map((c) => [c.id, c.email]))
    const names = new Map((db.prepare('SELECT id, name FROM campaigns').all() as { id: number; name: string }[]).map((c) => [c.id, c.name]))
    return new Map(memberOutcomes(db).map((o) => [`${names.get(o.campaignId)}/${emails.get(o.customerId)}`, o]))
  } finally {
    db.close()
  }
}

describe('campaign-member import', () => {
  it('detects the layout, imports several campaigns and levels, and rejects bad rows with reasons', async () => {
    const { engine } = await shopWithOrders()
    const inspection = await engine.call('import/inspect', { file: engine.files.register(CAMPAIGNS) })
    expect(inspection).toMatchObject({ presetId: 'campaign-members', recordKind: 'campaign-members', blockers: [] })
    expect(inspection.mapping).toMatchObject({ campaign_id: 'campaign_id', customer_email: 'email', group: 'group', expires_at: 'expires_at', code: 'code' })

    const batch = (await importPaths(engine, [CAMPAIGNS])).batches[0]
    expectAccounted(batch)
    expect(batch).toMatchObject({ recordKind: 'campaign-members', rows: 17, imported: 7, duplicate: 1, rejected: 9 })
    // dan@example.com had never ordered: a control member the store did not know, added as a customer.
    expect(batch.added).toMatchObject({ campaigns: 2, members: 7, customers: 1 })

    const rejects = await engine.call('import/rejects', { batchId: batch.id, offset: 0, limit: 50 })
    expect(rejects.rows.map((r) => [r.row, r.code])).toEqual([
      [7, 'campaign.member-twice'],
      [11, 'campaign.unknown-customer'],
      [12, 'campaign.group'],
      [13, 'campaign.discount-type'],
      [14, 'campaign.percent-range'],
      [15, 'campaign.window'],
      [16, 'value.required'],
      [17, 'campaign.scope'],
      [18, 'campaign.value-required'],
    ])
    expect(rejects.rows[0].params).toMatchObject({ row: 3, value: 'SPRING' })
    expect(rejects.rows[1]).toMatchObject({ column: 'customer_id', params: { value: 'C-999' } })
    expect(rejects.rows[2]).toMatchObject({ column: 'group', params: { value: 'vip' } })
    const csv = await engine.call('import/rejects-csv', { batchId: batch.id, locale: 'zh-CN' })
    expect(csv.csv).toContain('请先导入客户文件')

    const list = await engine.call('campaigns/list', {})
    const spring = list.find((c) => c.name === 'Spring test')
    const ship = list.find((c) => c.name === 'Free shipping week')
    expect(spring).toMatchObject({
      source: 'imported', sentAt: '2024-03-01 00:00:00', expiresAt: '2024-03-10 23:59:59', members: 4, treatment: 2, control: 2,
      levels: [
        { discountType: 'percent', discountValue: 10, members: 1 },
        { discountType: 'percent', discountValue: 20, members: 1 },
      ],
      // Ann and Bob bought in the window; of the control arm only Cat did.
      converted: { treatment: 1, control: 0.5 }, redeemed: 1, unknown: 0,
    })
    expect(ship).toMatchObject({ members: 3, treatment: 3, control: 0, converted: { treatment: 1, control: null }, redeemed: 1 })
    expect(ship?.levels).toEqual(expect.arrayContaining([{ discountType: 'free_shipping', discountValue: 0, members: 2 }, { discountType: 'spend_x_save_y', discountValue: 10, members: 1 }]))
  })

  it('derives outcomes from the imported orders that match hand-computed ones', async () => {
    const { engine, dbPath } = await shopWithOrders()
    await importPaths(engine, [CAMPAIGNS])
    const out = outcomesByEmail(dbPath)
    expect(out.get('Spring test/ann@example.com')).toMatchObject({ converted: true, redeemed: true, revenue: 19, known: true, source: 'orders' })
    expect(out.get('Spring test/bob@example.com')).toMatchObject({ converted: true, redeemed: false, revenue: 12, discountValue: 20 })
    expect(out.get('Spring test/cat@example.com')).toMatchObject({ arm: 'control', discountType: 'none', converted: true, revenue: 4 })
    expect(out.get('Spring test/dan@example.com')).toMatchObject({ arm: 'control', converted: false, revenue: 0, known: true })
    expect(out.get('Free shipping week/ann@example.com')).toMatchObject({ discountType: 'free_shipping', redeemed: true, revenue: 9.5 })
    expect(out.get('Free shipping week/bob@example.com')).toMatchObject({ appliesTo: 'category:Tea', revenue: 12 })
    expect(out.get('Free shipping week/cat@example.com')).toMatchObject({ appliesTo: 'sku:M1', minSpend: 50, redeemed: false, revenue: 4 })
  })

  it('adds nothing when the same file comes again, and undo takes the campaigns back out', async () => {
    const { engine } = await shopWithOrders()
    const first = (await importPaths(engine, [CAMPAIGNS])).batches[0]
    const again = (await importPaths(engine, [CAMPAIGNS])).batches[0]
    expectAccounted(again)
    expect(again).toMatchObject({ rows: 17, imported: 0, duplicate: 8, rejected: 9 })
    expect(again.added).toMatchObject({ customers: 0 })
    expect(await engine.call('campaigns/list', {})).toHaveLength(2)

    // Undoing the repeat keeps the first import's campaigns; undoing the first removes them and Dan.
    expect((await engine.call('import/undo', { batchId: again.id })).removed).toMatchObject({ campaigns: 0, members: 0 })
    expect(await engine.call('campaigns/list', {})).toHaveLength(2)
    const undone = await engine.call('import/undo', { batchId: first.id })
    expect(undone.removed).toMatchObject({ campaigns: 2, members: 7, customers: 1, orders: 0 })
    expect(await engine.call('campaigns/list', {})).toEqual([])
    expect((await engine.call('data/overview', {})).customers).toBe(4)
  })

  it('keeps a customer an earlier orders import created while a campaign still uses them', async () => {
    const { engine } = await shopWithOrders()
    const batches = await engine.call('import/batches', {})
    await importPaths(engine, [CAMPAIGNS])
    const orders = batches.find((b) => b.recordKind === 'order-lines')
    expect(orders).toBeDefined()
    const undone = await engine.call('import/undo', { batchId: orders!.id })
    expect(undone.removed.orders).toBe(6)
    // ann, bob and cat are campaign members: they stay; eve (no campaign) goes.
    expect(undone.removed.customers).toBe(1)
    const list = await engine.call('campaigns/list', {})
    // Without the orders, outcomes are unknown rather than "did not buy".
    expect(list.find((c) => c.name === 'Spring test')).toMatchObject({ members: 4, converted: null, unknown: 4 })
  })

  it('reads a Chinese-header GBK file with stated outcomes, which win over the orders', async () => {
    const { engine, dir, dbPath } = await shopWithOrders()
    const text = [
      '活动编号,活动名称,会员,邮箱,分组,优惠类型,优惠金额,门槛,适用范围,发送时间,到期时间,券码,是否核销,订单号,是否转化,金额',
      'C618,618 满减,,ann@example.com,实验组,满减,20,100,全场,2024/03/01,2024/03/10,MJ20,否,,否,0',
      'C618,618 满减,,bob@example.com,对照组,无,,,全场,2024/03/01,2024/03/10,,,,是,88.5',
      'C618,618 满减,,cat@example.com,实验组,百分比,15,,全场,2024/03/01,2024/03/10,CAT15,是,1003,,',
      // After the store's last order: only what the file states is known.
      'C7,七月包邮,,ann@example.com,实验组,包邮,,,全部,2024/07/01,2024/07/07,,,,,',
      'C7,七月包邮,,bob@example.com,留出组,无,,,全部,2024/07/01,2024/07/07,,,,是,30',
      'C7,七月包邮,,cat@example.com,实验组,包邮,,,全部,2024/07/01,2024/07/07,,,,未知,',
    ].join('\r\n')
    const path = writeTemp(dir, 'campaigns-gbk.csv', iconv.encode(text, 'gbk'))
    const inspection = await engine.call('import/inspect', { file: engine.files.register(path) })
    expect(inspection).toMatchObject({ presetId: 'campaign-members', encoding: 'gb18030' })
    const batch = (await importPaths(engine, [path])).batches[0]
    expectAccounted(batch)
    expect(batch).toMatchObject({ rows: 6, imported: 5, rejected: 1 })
    const rejects = await engine.call('import/rejects', { batchId: batch.id, offset: 0, limit: 10 })
    expect(rejects.rows.map((r) => [r.row, r.code, r.column])).toEqual([[7, 'campaign.flag', '是否转化']])

    const out = outcomesByEmail(dbPath)
    // Ann bought in the window (order 1001) but the file says she did not: the file wins.
    expect(out.get('618 满减/ann@example.com')).toMatchObject({ discountType: 'spend_x_save_y', discountValue: 20, minSpend: 100, converted: false, redeemed: false, revenue: 0, source: 'stated' })
    expect(out.get('618 满减/bob@example.com')).toMatchObject({ arm: 'control', converted: true, revenue: 88.5, source: 'stated' })
    expect(out.get('618 满减/cat@example.com')).toMatchObject({ discountType: 'percent', discountValue: 15, redeemed: true, converted: true, revenue: 4 })
    expect(out.get('七月包邮/ann@example.com')).toMatchObject({ known: false, source: 'orders' })
    expect(out.get('七月包邮/bob@example.com')).toMatchObject({ known: true, converted: true, revenue: 30 })
  })
})
