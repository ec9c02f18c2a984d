import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { memberOutcomes } from '../../../src-main/engine/campaigns/outcomes'
import type { Engine } from '../../../src-main/engine/engine'
import { campaignResult } from '../../../src-main/engine/results/campaign-result'
import { expectAccounted, importPaths, testEngine, writeTemp } from '../import/test-engine'

/** Orders 1–20 March 2024; the campaign runs 1–10 March. */
const ORDERS = `order_id,order_date,email,sku,product,category,qty,price,discount_code,order discount
2001,2024-03-03 10:00,ann@example.com,T1,Tea,Tea,2,10.00,ann-111,2.00
2002,2024-03-04 11:00,bob@example.com,T1,Tea,Tea,1,10.00,,0
2003,2024-03-05 12:00,dan@example.com,M1,Mug,Kitchen,1,20.00,,0
2004,2024-02-20 09:00,cat@example.com,T1,Tea,Tea,1,10.00,,0
2005,2024-03-20 09:00,eve@example.com,T1,Tea,Tea,1,10.00,,0
2006,2024-02-21 09:00,fay@example.com,T1,Tea,Tea,1,10.00,,0
`
const CAMPAIGN = `campaign_id,campaign_name,email,group,discount_type,discount_value,sent_at,expires_at,code
MARCH,March test,ann@example.com,treatment,percent,10,2024-03-01,2024-03-10,ANN-111
MARCH,March test,bob@example.com,treatment,percent,10,2024-03-01,2024-03-10,BOB-222
MARCH,March test,cat@example.com,treatment,percent,20,2024-03-01,2024-03-10,CAT-333
MARCH,March test,fay@example.com,treatment,percent,20,2024-03-01,2024-03-10,FAY-444
MARCH,March test,dan@example.com,control,none,0,2024-03-01,2024-03-10,
MARCH,March test,eve@example.com,control,none,0,2024-03-01,2024-03-10,
`
/** A plain redemptions sheet: code, order id, date, amount (and who used it). */
const PLAIN = `code,order_id,date,amount,email
cat-333,3001,2024-03-06,3.00,cat@example.com
NOPE-999,3002,2024-03-06,5.00,
FAY-444,3003,2024-03-07,4.00,zed@example.com
BOB-222,3004,2024-04-01,2.00,bob@example.com
cat-333,3001,2024-03-06,3.00,cat@example.com
`

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

async function shop() {
  const made = testEngine()
  current = made.engine
  const [orders] = (await importPaths(made.engine, [writeTemp(made.dir, 'orders.csv', ORDERS)])).batches
  expect(orders).toMatchObject({ rejected: 0 })
  const [members] = (await importPaths(made.engine, [writeTemp(made.dir, 'campaign.csv', CAMPAIGN)])).batches
  expect(members).toMatchObject({ recordKind: 'campaign-members', imported: 6 })
  return made
}

function outcomesByEmail(dbPath: string) {
  const db = new Database(dbPath, { readonly: true })
  try {
    const emails = new Map((db.prepare('SELECT id, email FROM customers').all() as { id: number; email: string }[]).map((c) => [c.id, c.email]))
    return new Map(memberOutcomes(db).map((o) => [emails.get(o.customerId), o]))
  } finally {
    db.close()
  }
}

describe('redemption files', () => {
  it('detect as redemptions, match codes case-insensitively, and reject unknown, misused and late codes with reasons', async () => {
    const { engine, dir, dbPath } = await shop()
    const plain = writeTemp(dir, 'redemptions.csv', PLAIN)
    const inspection = await engine.call('import/inspect', { file: engine.files.register(plain) })
    expect(inspection).toMatchObject({ presetId: 'redemptions', recordKind: 'redemptions', blockers: [] })
    expect(inspection.mapping).toMatchObject({ code: 'code', order_id: 'order_id', order_date: 'date', order_discount: 'amount', customer_email: 'email' })

    const batch = (await importPaths(engine, [plain])).batches[0]
    expectAccounted(batch)
    expect(batch).toMatchObject({ recordKind: 'redemptions', rows: 5, imported: 1, duplicate: 1, repeatedInFile: 1, rejected: 3 })
    expect(batch.added.redemptions).toBe(1)
    const rejects = await engine.call('import/rejects', { batchId: batch.id, offset: 0, limit: 10 })
    expect(rejects.rows.map((r) => [r.row, r.code, r.params?.value])).toEqual([
      [3, 'redemption.unknown-code', 'NOPE-999'],
      [4, 'redemption.other-customer', 'FAY-444'],
      [5, 'redemption.outside-window', 'BOB-222'],
    ])
    expect(rejects.rows[1].params).toMatchObject({ found: 'zed@example.com', expected: 'fay@example.com' })

    const outcomes = outcomesByEmail(dbPath)
    // cat's order is not in the store: the file's redemption says she bought, with its discount.
    expect(outcomes.get('cat@example.com')).toMatchObject({ redeemed: true, converted: true, known: true, discount: 3, orders: 1 })
    // ann's order carried her code (written in lower case): redeemed, with the order's discount.
    expect(outcomes.get('ann@example.com')).toMatchObject({ redeemed: true, converted: true, discount: 2, orders: 1 })
    expect(outcomes.get('bob@example.com')).toMatchObject({ redeemed: false, converted: true, discount: 0 })
    // fay's code was used by someone else: not credited.
    expect(outcomes.get('fay@example.com')).toMatchObject({ redeemed: false, converted: false })

    // Importing the same file again adds nothing.
    const again = (await importPaths(engine, [plain])).batches[0]
    expect(again).toMatchObject({ imported: 0, duplicate: 2, rejected: 3 })

    // Undo takes the redemption back out: cat did not buy as far as the store knows.
    await engine.call('import/undo', { batchId: batch.id })
    await engine.call('import/undo', { batchId: again.id })
    expect(outcomesByEmail(dbPath).get('cat@example.com')).toMatchObject({ redeemed: false, converted: false, discount: 0 })
  })

  it('reads WooCommerce coupon_items cells and stated order totals', async () => {
    const { engine, dir, dbPath } = await shop()
    const woo = writeTemp(dir, 'woo-usage.csv', `order number,used at,coupon_items,billing email,order total\n3010,2024-03-08 14:00,code:fay-444|amount:4.00,fay@example.com,36.00\n`)
    const batch = (await importPaths(engine, [woo], { presetId: 'redemptions' })).batches[0]
    expect(batch).toMatchObject({ recordKind: 'redemptions', imported: 1, rejected: 0 })
    expect(outcomesByEmail(dbPath).get('fay@example.com')).toMatchObject({ redeemed: true, converted: true, revenue: 36, discount: 0 })
  })

  it('gives the campaign result per level, with intervals, a plain verdict and small-sample warnings', async () => {
    const { engine, dir, dbPath } = await shop()
    await importPaths(engine, [writeTemp(dir, 'redemptions.csv', PLAIN)])
    const list = await engine.call('campaigns/list', {})
    const march = list.find((c) => c.name === 'March test')!
    const result = await engine.call('results/campaign', { campaignId: march.id })
    expect(result.status).toBe('measured')
    expect(result.members).toEqual({ treatment: 4, control: 2, unknown: 0 })
    expect(result.levels.map((l) => [l.key, l.members])).toEqual([['percent:10:0', 2], ['percent:20:0', 2]])
    // Treated: ann, bob, cat bought (3 of 4); control: dan (1 of 2).
    expect(result.overall?.treatment).toMatchObject({ members: 4, buyers: 3, discount: 5 })
    expect(result.overall?.control).toMatchObject({ members: 2, buyers: 1 })
    expect(result.overall?.conversionLift.estimate).toBeCloseTo(0.25, 10)
    expect(result.overall?.level).toBe(0.95)
    expect(result.verdict.code).toBe('no-evidence')
    expect(result.verdict.message).toContain('Not enough evidence yet: the interval includes no effect')
    expect(result.warnings.map((w) => w.code)).toContain('small-sample')
    expect(result.predicted).toBeNull()

    // Before the window: nothing to measure. After it, with the orders stopping early: unknown.
    const db = new Database(dbPath)
    try {
      expect(campaignResult(db, march.id, { now: '2024-02-01 00:00:00' }).status).toBe('not-started')
      db.prepare("UPDATE campaign_members SET expires_at = '2024-03-30 23:59:59' WHERE campaign_id = ?").run(march.id)
      db.prepare("UPDATE campaigns SET expires_at = '2024-03-30 23:59:59' WHERE id = ?").run(march.id)
      db.exec('DELETE FROM redemptions')
      const open = campaignResult(db, march.id, { now: '2024-03-25 00:00:00' })
      expect(open.status).toBe('running')
      expect(open.verdict.code).toBe('running')
      const late = campaignResult(db, march.id, { now: '2024-06-01 00:00:00' })
      expect(late.status).toBe('outcomes-unknown')
      expect(late.verdict.message).toContain('Import the orders up to 2024-03-30 23:59:59')
      expect(late.warnings.map((w) => w.code)).toContain('orders-end-early')
    } finally {
      db.close()
    }
    await expect(engine.call('results/campaign', { campaignId: 999 })).rejects.toMatchObject({ code: 'results.campaign-not-found' })
  })
})
