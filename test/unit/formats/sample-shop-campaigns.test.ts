import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { oraclePlanBest, randomPlan, scorePlan, scoreplan, loadTruth, type PlanEntry, type Truth } from '../../../scripts/sample-shop/oracle'
import { DEFAULT_SEED, buildSampleShop, type SampleShop } from '../../../scripts/sample-shop/shop'
import { splitCsvLine } from './fixture-header'

const TRUTH = resolve(__dirname, '../../../resources/sample-shop/truth.json')

function table(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv.trimEnd().split('\n')
  const header = splitCsvLine(head, ',')
  return lines.map((line) => {
    const cells = splitCsvLine(line, ',')
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']))
  })
}

const LEVELS = [5, 10, 15, 20]

describe('sample shop: randomised campaigns and the oracle', () => {
  let shop: SampleShop
  let truth: Truth

  beforeAll(() => {
    shop = buildSampleShop(DEFAULT_SEED)
    truth = shop.truthData
  }, 60_000)

  it('writes one campaigns.csv row per member, controls without a code, unique codes, shop ids of customers.csv', () => {
    const rows = table(shop.campaigns)
    const ids = new Set(table(shop.customers).map((row) => row['Customer ID'].replace(/^'/, '')))
    expect(rows.length).toBeGreaterThan(1000)
    expect(new Set(rows.map((r) => r.campaign_id))).toEqual(new Set(['spring-test-2024', 'autumn-test-2024']))
    for (const r of rows) {
      expect(ids.has(r.customer_id)).toBe(true)
      if (r.group === 'control') expect([r.discount_type, r.discount_value, r.code]).toEqual(['none', '0', ''])
      else expect(r.discount_type === 'percent' && LEVELS.includes(Number(r.discount_value)) && /^(SPRING|AUTUMN)-[A-Z0-9]{6}$/.test(r.code)).toBe(true)
    }
    const codes = rows.filter((r) => r.code !== '').map((r) => r.code)
    expect(new Set(codes).size).toBe(codes.length)
    const control = rows.filter((r) => r.group === 'control').length / rows.length
    expect(control).toBeGreaterThan(0.15)
    expect(control).toBeLessThan(0.25)
  })

  it("puts members' codes on their own orders in the window, with the right discount", () => {
    const members = new Map(table(shop.campaigns).filter((r) => r.code !== '').map((r) => [r.code, r]))
    let used = 0
    for (const order of table(shop.orders).filter((row) => row['Financial Status'] !== '')) {
      const member = members.get(order['Discount Code'])
      if (!member) continue
      used++
      expect(order.Email).toBe(member.email)
      const day = order['Created at'].slice(0, 10)
      expect(day >= member.sent_at.slice(0, 10) && day <= member.expires_at.slice(0, 10)).toBe(true)
      const discount = Math.round(Number(order['Discount Amount']) * 100)
      const gross = Math.round(Number(order.Subtotal) * 100) + discount
      expect(discount).toBe(Math.round((gross * Number(member.discount_value)) / 100))
    }
    expect(used).toBeGreaterThan(150)
  })

  it('ran the law the oracle uses: treated members bought about as often as it predicts, and more than controls', () => {
    let buyers = 0
    let expected = 0
    let members = 0
    let control = { buyers: 0, members: 0 }
    for (const arms of Object.values(shop.stats.campaigns)) {
      for (const [arm, s] of Object.entries(arms)) {
        if (arm === 'control') control = { buyers: control.buyers + s.buyers, members: control.members + s.members }
        else {
          buyers += s.buyers
          expected += s.expectedWith
          members += s.members
        }
      }
    }
    // Within four binomial standard deviations.
    expect(Math.abs(buyers - expected)).toBeLessThan(4 * Math.sqrt(expected))
    expect(buyers / members).toBeGreaterThan(control.buyers / control.members)
  })

  it('ships the truth it scores with', () => {
    expect(loadTruth(TRUTH)).toEqual(truth)
    expect(scoreplan).toBe(scorePlan)
  })

  it('scores plans: no coupon is worth nothing, sure things at 20 % lose money, ids and e-mails both work', () => {
    const sure = Object.values(truth.customers).filter((c) => c.type === 'sure-thing' && c.lastOrder !== null)
    const plan = (discountType: PlanEntry['discountType'], key: 'id' | 'email'): PlanEntry[] =>
      sure.map((c) => ({ customerId: c[key], discountType, discountValue: 20, startsAt: '2025-01-01', days: 14 }))
    expect(scorePlan(truth, plan('none', 'id'))).toMatchObject({ incrementalProfit: 0, discountCost: 0, treated: 0 })
    const byId = scorePlan(truth, plan('percent', 'id'))
    expect(byId.incrementalProfit).toBeLessThan(0)
    expect(byId.extraOrders).toBeCloseTo(0, 9)
    expect(byId.incrementalProfit).toBeCloseTo(-byId.discountCost, 6)
    expect(scorePlan(truth, plan('percent', 'email'))).toEqual(byId)
    expect(() => scorePlan(truth, [...plan('percent', 'id'), ...plan('percent', 'email')])).toThrow(/more than one offer/)
  })

  it("the oracle's best plan keeps to the budget and beats random targeting at the same budget", () => {
    for (const budget of [100, 250, 500]) {
      const best = oraclePlanBest(truth, budget, LEVELS)
      expect(best.discountCost).toBeLessThanOrEqual(budget + 1e-9)
      expect(scorePlan(truth, best.plan).incrementalProfit).toBeCloseTo(best.incrementalProfit, 6)
      const random = [1, 2, 3].map((seed) => scorePlan(truth, randomPlan(truth, budget, 10, seed)))
      for (const r of random) {
        expect(r.discountCost).toBeLessThanOrEqual(budget + 1e-9)
        expect(best.incrementalProfit).toBeGreaterThan(1.5 * r.incrementalProfit)
      }
    }
  })
})
