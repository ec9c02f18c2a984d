import { describe, expect, it } from 'vitest'
import { groupSalePeriods, saleDaysFromOrders } from '../../../src-main/engine/features/sale-periods'

type Order = { day: string; total: number; discount: number; code: string | null }

function orders(day: string, count: number, make: (i: number) => Partial<Order> = () => ({})): Order[] {
  return Array.from({ length: count }, (_, i) => ({ day, total: 100, discount: 0, code: null, ...make(i) }))
}

describe('sale day detection', () => {
  it('flags a day when at least 5 orders share one code', () => {
    // Most days have no discounted order: median 0, so the threshold is the floor of 5.
    const found = saleDaysFromOrders([
      ...orders('2024-01-01', 10),
      ...orders('2024-01-04', 10),
      ...orders('2024-01-05', 10),
      ...orders('2024-01-02', 10, (i) => (i < 5 ? { code: 'BF24' } : {})),
      ...orders('2024-01-03', 10, (i) => (i < 4 ? { code: 'BF24' } : {})),
    ])
    expect(found).toEqual([
      { day: '2024-01-02', orders: 10, discountedOrders: 5, code: 'BF24', codeOrders: 5, depth: null, depthOrders: 0, reason: 'code' },
    ])
  })

  it('raises the code threshold to 3× the median discounted orders a day, so the everyday welcome code is not a sale', () => {
    // Every day 4 orders use WELCOME (median 4 → threshold 12); one day 12 use it.
    const days = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']
    const all = days.flatMap((d) => orders(d, 20, (i) => (i < 4 ? { code: 'WELCOME' } : {})))
    expect(saleDaysFromOrders(all)).toEqual([])
    const busy = orders('2024-01-06', 20, (i) => (i < 12 ? { code: 'WELCOME' } : {}))
    expect(saleDaysFromOrders([...all, ...busy]).map((d) => [d.day, d.codeOrders])).toEqual([['2024-01-06', 12]])
  })

  it('flags a day when 40% of orders share a discount depth within ±2 pp, without a code', () => {
    // 4 of 10 orders at 19%, 20%, 21%, 23% (all within 4 pp) off; depth = discount / (total + discount).
    const depths = [0.19, 0.2, 0.21, 0.23]
    const day = orders('2024-02-01', 10, (i) => (i < 4 ? { total: 100 * (1 - depths[i]), discount: 100 * depths[i] } : {}))
    const [found] = saleDaysFromOrders(day)
    expect(found).toMatchObject({ day: '2024-02-01', reason: 'depth', depthOrders: 4, code: null })
    expect(found.depth).toBeCloseTo(0.205, 6)
    // Spread out depths (10%, 20%, 30%, 40%) are not one sale.
    const spread = orders('2024-02-02', 10, (i) => (i < 4 ? { total: 100 * (0.9 - i / 10), discount: 100 * (0.1 + i / 10) } : {}))
    expect(saleDaysFromOrders(spread)).toEqual([])
    // Nor are 3 of 10 (30%) at one depth.
    expect(saleDaysFromOrders(orders('2024-02-03', 10, (i) => (i < 3 ? { total: 80, discount: 20 } : {})))).toEqual([])
  })

  it('merges consecutive sale days into periods', () => {
    const days = ['2024-11-29', '2024-11-30', '2024-12-01', '2024-12-24'].map((day) => ({
      day, orders: 1, discountedOrders: 1, code: 'X', codeOrders: 5, depth: null, depthOrders: 0, reason: 'code' as const,
    }))
    expect(groupSalePeriods(days).map((p) => [p.from, p.to, p.days.length])).toEqual([
      ['2024-11-29', '2024-12-01', 3],
      ['2024-12-24', '2024-12-24', 1],
    ])
  })
})
