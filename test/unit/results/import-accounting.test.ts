import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { importPaths, testEngine, writeTemp } from '../import/test-engine'

/** Orders to 20 March 2024; the campaign runs 1–10 March. */
const ORDERS = `order_id,order_date,email,sku,product,category,qty,price,discount_code,order discount
2001,2024-03-03 10:00,ann@example.com,T1,Tea,Tea,2,10.00,,0
2004,2024-02-20 09:00,cat@example.com,T1,Tea,Tea,1,10.00,,0
2005,2024-03-20 09:00,eve@example.com,T1,Tea,Tea,1,10.00,,0
`
const CAMPAIGN = `campaign_id,campaign_name,email,group,discount_type,discount_value,sent_at,expires_at,code
MARCH,March test,ann@example.com,treatment,percent,10,2024-03-01,2024-03-10,ANN-111
MARCH,March test,bob@example.com,treatment,percent,10,2024-03-01,2024-03-10,BOB-222
MARCH,March test,cat@example.com,treatment,percent,20,2024-03-01,2024-03-10,CAT-333
MARCH,March test,fay@example.com,treatment,percent,20,2024-03-01,2024-03-10,FAY-444
MARCH,March test,dan@example.com,control,none,0,2024-03-01,2024-03-10,
MARCH,March test,eve@example.com,control,none,0,2024-03-01,2024-03-10,
`
/** What happened, from the shop's order export (Shopify-style discount columns). */
const WINDOW_ORDERS = `order_id,order_date,email,sku,product,category,qty,price,discount_code,order discount
3001,2024-03-04 10:00,bob@example.com,T1,Tea,Tea,1,10.00,BOB-222,1.00
3002,2024-03-05 10:00,zed@example.com,T1,Tea,Tea,1,10.00,fay-444,2.00
3003,2024-03-06 10:00,dan@example.com,T1,Tea,Tea,1,10.00,,0
3004,2024-03-07 10:00,gus@example.com,T1,Tea,Tea,1,10.00,,0
3005,2024-03-15 10:00,ann@example.com,T1,Tea,Tea,1,10.00,,0
`
const PLAIN = `code,order_id,date,amount,email
cat-333,4001,2024-03-06,3.00,cat@example.com
NOPE-999,4002,2024-03-06,5.00,
FAY-444,4003,2024-03-07,4.00,zed@example.com
BOB-222,4004,2024-04-01,2.00,bob@example.com
`

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

async function shop() {
  const made = testEngine()
  current = made.engine
  await importPaths(made.engine, [writeTemp(made.dir, 'orders.csv', ORDERS)])
  await importPaths(made.engine, [writeTemp(made.dir, 'campaign.csv', CAMPAIGN)])
  const march = (await made.engine.call('campaigns/list', {})).find((c) => c.name === 'March test')!
  return { ...made, campaignId: march.id }
}

describe('results/import-accounting', () => {
  it('says what a redemptions file did for the campaign: matched, unknown, used by someone else, outside the window', async () => {
    const { engine, dir, campaignId } = await shop()
    const [batch] = (await importPaths(engine, [writeTemp(dir, 'redemptions.csv', PLAIN)])).batches
    expect(await engine.call('results/import-accounting', { campaignId, batchId: batch.id })).toEqual({
      batchId: batch.id,
      campaignId,
      kind: 'redemptions',
      redemptions: { matched: 1, otherCampaigns: 0, unknownCode: 1, otherCustomer: 1, outsideWindow: 1, sharedCode: 0, other: 0 },
      orders: null,
    })
  })

  it('says what an order export did: orders by each group and by outsiders, codes credited and codes used by another customer (not credited)', async () => {
    const { engine, dir, campaignId } = await shop()
    const [batch] = (await importPaths(engine, [writeTemp(dir, 'window-orders.csv', WINDOW_ORDERS)])).batches
    const accounting = await engine.call('results/import-accounting', { campaignId, batchId: batch.id })
    expect(accounting).toMatchObject({ kind: 'orders', redemptions: null })
    // In the window: bob (treated, his code), zed (with fay's code), dan (holdout), gus; ann's order is after it.
    expect(accounting.orders).toEqual({ inWindow: 4, treatment: 1, holdout: 1, others: 2, codeMatched: 1, codeOtherCustomer: 1 })
    const result = await engine.call('results/campaign', { campaignId })
    // fay's code on zed's order does not make fay a buyer; bob's does make him one, with its discount.
    expect(result.overall?.treatment).toMatchObject({ members: 4, buyers: 2, discount: 1 })
    expect(result.overall?.control).toMatchObject({ members: 2, buyers: 1 })
  })

  it('validates its arguments and refuses files that hold neither orders nor redemptions', async () => {
    const { engine, campaignId } = await shop()
    await expect(engine.call('results/import-accounting', { campaignId } as never)).rejects.toMatchObject({ code: 'api.invalid-arguments' })
    await expect(engine.call('results/import-accounting', { campaignId, batchId: 1, extra: 1 } as never)).rejects.toMatchObject({ code: 'api.invalid-arguments' })
    await expect(engine.call('results/import-accounting', { campaignId, batchId: -1 })).rejects.toMatchObject({ code: 'api.invalid-arguments' })
    await expect(engine.call('results/import-accounting', { campaignId, batchId: 999 })).rejects.toMatchObject({ code: 'import.batch-not-found' })
    await expect(engine.call('results/import-accounting', { campaignId: 999, batchId: 1 })).rejects.toMatchObject({ code: 'results.campaign-not-found' })
    const members = (await engine.call('import/batches', {})).find((b) => b.recordKind === 'campaign-members')!
    await expect(engine.call('results/import-accounting', { campaignId, batchId: members.id })).rejects.toMatchObject({ code: 'results.import-not-orders' })
  })
})
