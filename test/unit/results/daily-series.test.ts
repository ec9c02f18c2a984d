import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { campaignResult } from '../../../src-main/engine/results/campaign-result'
import { dailySeries, dayRange, type SeriesMember, type SeriesOrder } from '../../../src-main/engine/results/daily-series'
import { importPaths, testEngine, writeTemp } from '../import/test-engine'

const member = (memberId: number, arm: 'treatment' | 'control', code = ''): SeriesMember => ({
  memberId, customerId: memberId, arm, code, margin: 0.5, sentAt: '2024-03-01 00:00:00', expiresAt: '2024-03-04 23:59:59',
})
const order = (orderKey: string, customerId: number | null, orderedAt: string, revenue: number, discount = 0, codes: string[] = []): SeriesOrder => ({ orderKey, customerId, orderedAt, revenue, discount, codes })

describe('daily series of both groups', () => {
  it('accumulates conversion and profit per member day by day, by hand', () => {
    const series = dailySeries({
      members: [member(1, 'treatment', 'A1'), member(2, 'treatment', 'B2'), member(3, 'control'), member(4, 'control')],
      orders: [
        // T1 uses her code on day 2: profit (18 + 2) × 0.5 − 2 = 8; buys again on day 3 without it: 10 × 0.5 = 5.
        order('#1', 1, '2024-03-02 10:00:00', 18, 2, ['A1']),
        order('2', 1, '2024-03-03 09:00:00', 10),
        // Another customer's order carrying A1 is not T1's redemption.
        order('3', 99, '2024-03-02 11:00:00', 50, 5, ['A1']),
        // C1 buys on day 3: 30 × 0.5 = 15. C2's order before the window does not count.
        order('4', 3, '2024-03-03 12:00:00', 30),
        order('5', 4, '2024-02-28 12:00:00', 40),
        // T2's unique code at a guest checkout on day 4: T2 converts; the order's revenue is not T2's, the discount is a cost: (0 + 3) × 0.5 − 3 = −1.5.
        order('6', null, '2024-03-04 20:00:00', 27, 3, ['B2']),
        // After the window.
        order('7', 3, '2024-03-05 08:00:00', 30),
      ],
      redemptions: [],
      codeHolders: new Map([['A1', 1], ['B2', 1]]),
      from: '2024-03-01',
      to: '2024-03-04',
    })
    expect(series.members).toEqual({ treatment: 2, control: 2 })
    expect(series.points.map((p) => [p.day, p.treatment.conversion, p.treatment.profitPerMember, p.control.conversion, p.control.profitPerMember])).toEqual([
      ['2024-03-01', 0, 0, 0, 0],
      ['2024-03-02', 0.5, 4, 0, 0],
      ['2024-03-03', 0.5, 6.5, 0.5, 7.5],
      ['2024-03-04', 1, 5.75, 0.5, 7.5],
    ])
  })

  it('adds a redemption whose order is not in the store on its date, and uses a redemption’s amount for an order it names', () => {
    const series = dailySeries({
      members: [member(1, 'treatment', 'A1'), member(2, 'treatment', 'B2'), { ...member(3, 'control'), converted: true }],
      orders: [order('10', 2, '2024-03-02 10:00:00', 36, 0, ['B2'])],
      redemptions: [
        // Order R9 is not in the store: its total and discount on its date: (40 + 4) × 0.5 − 4 = 18.
        { memberId: 1, orderKey: 'R9', redeemedAt: '2024-03-03 00:00:00', discountAmount: 4, orderTotal: 40 },
        // Order 10 is: the redemption's discount replaces the order's (0): (36 + 4) × 0.5 − 4 = 16.
        { memberId: 2, orderKey: '#10', redeemedAt: '2024-03-02 00:00:00', discountAmount: 4, orderTotal: 36 },
      ],
      codeHolders: new Map([['A1', 1], ['B2', 1]]),
      from: '2024-03-01',
      to: '2024-03-03',
    })
    expect(series.points.map((p) => [p.day, p.treatment.conversion, p.treatment.profitPerMember])).toEqual([
      ['2024-03-01', 0, 0],
      ['2024-03-02', 0.5, 8],
      ['2024-03-03', 1, 17],
    ])
    // The control member's purchase was stated without a dated order: not on the curve, and said so.
    expect(series.undated).toEqual({ treatment: 0, control: 1 })
    expect(series.points.at(-1)?.control.conversion).toBe(0)
  })

  it('counts calendar days across a month end and a leap day', () => {
    expect(dayRange('2024-02-27', '2024-03-02')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'])
    expect(dayRange('2024-03-02', '2024-03-01')).toEqual([])
  })
})

/** Orders 1–20 March 2024; the campaign runs 1–10 March (as redemptions-import.test.ts). */
const ORDERS = `order_id,order_date,email,sku,product,category,qty,price,discount_code,order discount
2001,2024-03-03 10:00,ann@example.com,T1,Tea,Tea,2,10.00,ann-111,2.00
2002,2024-03-04 11:00,bob@example.com,T1,Tea,Tea,1,10.00,,0
2003,2024-03-05 12:00,dan@example.com,M1,Mug,Kitchen,1,20.00,,0
2004,2024-02-20 09:00,cat@example.com,T1,Tea,Tea,1,10.00,,0
2005,2024-03-20 09:00,eve@example.com,T1,Tea,Tea,1,10.00,,0
`
const CAMPAIGN = `campaign_id,campaign_name,email,group,discount_type,discount_value,sent_at,expires_at,code
MARCH,March test,ann@example.com,treatment,percent,10,2024-03-01,2024-03-10,ANN-111
MARCH,March test,bob@example.com,treatment,percent,10,2024-03-01,2024-03-10,BOB-222
MARCH,March test,cat@example.com,treatment,percent,20,2024-03-01,2024-03-10,CAT-333
MARCH,March test,dan@example.com,control,none,0,2024-03-01,2024-03-10,
MARCH,March test,eve@example.com,control,none,0,2024-03-01,2024-03-10,
`

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

describe('the campaign result’s daily series', () => {
  it('runs over the window’s days and ends on the lift’s own figures', async () => {
    const { engine, dir, dbPath } = testEngine()
    current = engine
    await importPaths(engine, [writeTemp(dir, 'orders.csv', ORDERS)])
    await importPaths(engine, [writeTemp(dir, 'campaign.csv', CAMPAIGN)])
    await importPaths(engine, [writeTemp(dir, 'redemptions.csv', 'code,order_id,date,amount,email\ncat-333,3001,2024-03-06,3.00,cat@example.com\n')])
    const march = (await engine.call('campaigns/list', {})).find((c) => c.name === 'March test')!
    const result = await engine.call('results/campaign', { campaignId: march.id })
    expect(result.status).toBe('measured')
    const daily = result.daily!
    expect(daily).toMatchObject({ from: '2024-03-01', to: '2024-03-10', endsAtLastOrder: false, members: { treatment: 3, control: 2 }, undated: { treatment: 0, control: 0 } })
    expect(daily.points.map((p) => p.day)).toEqual(dayRange('2024-03-01', '2024-03-10'))
    // ann on the 3rd, bob on the 4th, cat (redemption) on the 6th; dan (holdout) on the 5th.
    expect(daily.points.map((p) => Math.round(p.treatment.conversion * 3))).toEqual([0, 0, 1, 2, 2, 3, 3, 3, 3, 3])
    expect(daily.points.map((p) => Math.round(p.control.conversion * 2))).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1])
    const last = daily.points.at(-1)!
    const o = result.overall!
    expect(last.treatment.conversion).toBeCloseTo(o.treatment.buyers / o.treatment.members, 12)
    expect(last.control.conversion).toBeCloseTo(o.control.buyers / o.control.members, 12)
    expect(last.treatment.profitPerMember).toBeCloseTo(o.treatment.profit / o.treatment.members, 9)
    expect(last.control.profitPerMember).toBeCloseTo(o.control.profit / o.control.members, 9)

    // While the window still runs, the curves stop at the last order in the store.
    const db = new Database(dbPath)
    try {
      db.prepare("UPDATE campaign_members SET expires_at = '2024-03-30 23:59:59' WHERE campaign_id = ?").run(march.id)
      db.prepare("UPDATE campaigns SET expires_at = '2024-03-30 23:59:59' WHERE id = ?").run(march.id)
      const open = campaignResult(db, march.id, { now: '2024-03-25 00:00:00' })
      expect(open.daily).toMatchObject({ from: '2024-03-01', to: '2024-03-20', endsAtLastOrder: true })
      expect(open.daily?.points).toHaveLength(20)
      // Orders that start after the window opened cannot say who bought on its first days: no series.
      db.exec("DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE ordered_at < '2024-03-02')")
      db.exec("DELETE FROM orders WHERE ordered_at < '2024-03-02'")
      expect(campaignResult(db, march.id, { now: '2024-03-25 00:00:00' }).daily).toBeNull()
    } finally {
      db.close()
    }
  })
})
