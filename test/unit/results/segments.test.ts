/**
 * Results per segment. An imported campaign has no plan, so its members are
 * segmented by the plan's own rules (planner/segments.ts) from their history
 * before the campaign; each segment's treated members are compared with the
 * same segment's holdout. A campaign whose members have no history at all
 * says segments need a plan (or earlier orders) instead of inventing them.
 */
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { campaignResult } from '../../../src-main/engine/results/campaign-result'
import { importPaths, testEngine, writeTemp } from '../import/test-engine'

const line = (id: number, date: string, email: string, code = '', discount = '0'): string => `${id},${date} 10:00,${email},T1,Tea,Tea,1,40.00,${code},${discount}`
const rhythm = (start: number, email: string): string[] => ['2024-01-05', '2024-02-04', '2024-03-05', '2024-04-04', '2024-05-04'].map((d, i) => line(start + i, d, email))

/** June 2024 campaign: two loyal customers (5 orders, monthly), two lapsed, two new (one with no order before at all). */
const ORDERS = [
  'order_id,order_date,email,sku,product,category,qty,price,discount_code,order discount',
  ...rhythm(100, 'loyal-t@example.com'),
  ...rhythm(200, 'loyal-c@example.com'),
  line(300, '2023-01-10', 'lapsed-t@example.com'),
  line(301, '2022-03-01', 'lapsed-c@example.com'),
  line(302, '2022-04-01', 'lapsed-c@example.com'),
  line(400, '2024-05-20', 'new-c@example.com'),
  // In the window: the treated loyal customer uses the code; the brand-new treated customer buys too.
  line(500, '2024-06-03', 'loyal-t@example.com', 'JUNE-L', '4.00'),
  line(501, '2024-06-05', 'new-t@example.com'),
  line(502, '2024-06-30', 'lapsed-c@example.com'),
].join('\n')

const CAMPAIGNS = `campaign_id,campaign_name,email,group,discount_type,discount_value,sent_at,expires_at,code
JUNE,June test,loyal-t@example.com,treatment,percent,10,2024-06-01,2024-06-10,JUNE-L
JUNE,June test,lapsed-t@example.com,treatment,percent,10,2024-06-01,2024-06-10,JUNE-A
JUNE,June test,new-t@example.com,treatment,percent,10,2024-06-01,2024-06-10,JUNE-N
JUNE,June test,loyal-c@example.com,control,none,0,2024-06-01,2024-06-10,
JUNE,June test,lapsed-c@example.com,control,none,0,2024-06-01,2024-06-10,
JUNE,June test,new-c@example.com,control,none,0,2024-06-01,2024-06-10,
EARLY,Early test,new-t@example.com,treatment,percent,10,2022-01-01,2022-01-10,EARLY-1
EARLY,Early test,new-c@example.com,control,none,0,2022-01-01,2022-01-10,
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
  const [members] = (await importPaths(made.engine, [writeTemp(made.dir, 'campaigns.csv', CAMPAIGNS)])).batches
  expect(members).toMatchObject({ recordKind: 'campaign-members', imported: 8 })
  return made
}

describe('results per segment', () => {
  it('segments an imported campaign by history before sent_at and compares each segment with its own holdout', async () => {
    const { engine } = await shop()
    const campaigns = await engine.call('campaigns/list', {})
    const june = campaigns.find((c) => c.name === 'June test')!
    const result = await engine.call('results/campaign', { campaignId: june.id })
    expect(result.status).toBe('measured')
    expect(result.segmentSource).toBe('features')
    const by = new Map(result.segments.map((s) => [s.segment, s]))
    expect([...by.keys()]).toEqual(['new', 'loyal', 'lapsed'])
    for (const s of result.segments) {
      expect(s).toMatchObject({ treatment: 1, control: 1, small: true })
      expect(s.lift?.level).toBe(0.95)
    }
    // Loyal: the treated one bought (with the code), the held-out one did not.
    expect(by.get('loyal')!.lift).toMatchObject({ treatment: { buyers: 1 }, control: { buyers: 0 }, conversionLift: { estimate: 1 } })
    // New: the treated customer with no order before the campaign counts as new, and bought; the held-out new one did not.
    expect(by.get('new')!.lift).toMatchObject({ treatment: { buyers: 1 }, control: { buyers: 0 } })
    // Lapsed: nobody bought in the window (the held-out order on 30 June is after it).
    expect(by.get('lapsed')!.lift).toMatchObject({ treatment: { buyers: 0 }, control: { buyers: 0 }, conversionLift: { estimate: 0 } })
    // Segments partition the campaign.
    expect(result.segments.reduce((s, x) => s + x.treatment, 0)).toBe(result.members.treatment)
    expect(result.segments.reduce((s, x) => s + x.control, 0)).toBe(result.members.control)
  })

  it('says segments need a plan when no member has any history before the campaign', async () => {
    const { engine, dbPath } = await shop()
    const early = (await engine.call('campaigns/list', {})).find((c) => c.name === 'Early test')!
    const result = await engine.call('results/campaign', { campaignId: early.id })
    expect(result.segmentSource).toBe('none')
    expect(result.segments).toEqual([])
    // The same through the engine-free function, on the store itself.
    const db = new Database(dbPath, { readonly: true })
    try {
      expect(campaignResult(db, early.id, { resamples: 50 }).segmentSource).toBe('none')
    } finally {
      db.close()
    }
  })
})
