import { describe, expect, it } from 'vitest'
import { bootstrapP, DEFAULT_LEVEL, measureLift, memberProfit, mulberry32, newcombe, normalCdf, normalQuantile, twoProportionP, wilson, type LiftMember } from '../../../src-main/engine/results/lift'

const Z95 = 1.959963984540054

function arm(arm: LiftMember['arm'], buyers: number, members: number, revenue = 50, discount = 0, margin = 0.5): LiftMember[] {
  return Array.from({ length: members }, (_, i) => ({
    arm,
    converted: i < buyers,
    orders: i < buyers ? 1 : 0,
    revenue: i < buyers ? revenue : 0,
    discount: i < buyers ? discount : 0,
    margin,
  }))
}

describe('interval maths, against published values', () => {
  it('normal quantile and CDF', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z95, 8)
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536, 6)
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263479, 6)
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6)
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6)
  })

  it('Wilson score interval: Newcombe (1998a) 81/263 → 0.2553 to 0.3662', () => {
    const [low, high] = wilson(81, 263, Z95)
    expect(low).toBeCloseTo(0.2553, 4)
    expect(high).toBeCloseTo(0.3662, 4)
    // 0 of 10 still has a real upper bound (Wald would say [0, 0]).
    expect(wilson(0, 10, Z95)[1]).toBeCloseTo(0.2775, 4)
  })

  it('Newcombe hybrid score interval: Newcombe (1998b) 56/70 − 48/80 → 0.0524 to 0.3339', () => {
    const d = newcombe(56, 70, 48, 80, Z95)
    expect(d.estimate).toBeCloseTo(0.2, 10)
    expect(d.low).toBeCloseTo(0.0524, 4)
    expect(d.high).toBeCloseTo(0.3339, 4)
    // Newcombe's example (h): 0/10 − 0/10 → −0.2775 to 0.2775.
    const zero = newcombe(0, 10, 0, 10, Z95)
    expect(zero.low).toBeCloseTo(-0.2775, 4)
    expect(zero.high).toBeCloseTo(0.2775, 4)
  })

  it('two-proportion z test p-value', () => {
    // 56/70 vs 48/80: pooled 104/150, z = 0.2 / sqrt(p(1-p)(1/70+1/80)) = 2.6318…
    const pooled = 104 / 150
    const z = 0.2 / Math.sqrt(pooled * (1 - pooled) * (1 / 70 + 1 / 80))
    expect(twoProportionP(56, 70, 48, 80)).toBeCloseTo(2 * (1 - normalCdf(z)), 10)
    expect(twoProportionP(56, 70, 48, 80)).toBeCloseTo(0.0085, 3)
    expect(twoProportionP(0, 10, 0, 10)).toBe(1)
  })
})

describe('measureLift', () => {
  it('computes the hand case: 30/100 treated vs 10/100 control at $50 a buyer, $5 off, 50 % margin', () => {
    const lift = measureLift([...arm('treatment', 30, 100, 50, 5), ...arm('control', 10, 100, 50, 0)], { resamples: 500, seed: 3 })!
    expect(DEFAULT_LEVEL).toBe(0.95)
    expect(lift.level).toBe(0.95)
    expect(lift.treatment).toMatchObject({ members: 100, buyers: 30, orders: 30, revenue: 1500, discount: 150 })
    expect(lift.control).toMatchObject({ members: 100, buyers: 10, revenue: 500, discount: 0 })
    expect(lift.conversionLift.estimate).toBeCloseTo(0.2, 10)
    expect(lift.incrementalBuyers.estimate).toBeCloseTo(20, 10)
    expect(lift.incrementalOrders.estimate).toBeCloseTo(20, 10)
    expect(lift.incrementalRevenue.estimate).toBeCloseTo(1000, 10)
    // Treated profit per buyer (50 + 5) × 0.5 − 5 = 22.5 → 675; control 25 each → 250.
    expect(memberProfit({ revenue: 50, discount: 5, margin: 0.5 })).toBe(22.5)
    expect(lift.incrementalProfit.estimate).toBeCloseTo(425, 10)
    expect(lift.discountCost).toBe(150)
    expect(lift.incrementalProfit.low).toBeLessThan(425)
    expect(lift.incrementalProfit.high).toBeGreaterThan(425)
    expect(lift.profitDistinguishable).toBe(true)
    expect(lift.conversionDistinguishable).toBe(true)
    // By default every interval is at 95 %: the conversion lift is Newcombe's at z = 1.96, and its p-value
    // the pooled z test's; the money intervals exclude zero, so their bootstrap p-values are below 0.05.
    const at95 = newcombe(30, 100, 10, 100, Z95)
    expect(lift.conversionLift.low).toBeCloseTo(at95.low, 8)
    expect(lift.conversionLift.high).toBeCloseTo(at95.high, 8)
    expect(lift.conversionP).toBeCloseTo(twoProportionP(30, 100, 10, 100), 12)
    expect(lift.profitP).toBeLessThan(0.05)
    expect(lift.revenueP).toBeLessThan(0.05)
    expect(lift.ordersP).toBeLessThan(0.05)
    // A 90 % interval, on request, is narrower than the 95 % one, for money too.
    const narrow = measureLift([...arm('treatment', 30, 100, 50, 5), ...arm('control', 10, 100, 50, 0)], { level: 0.9, resamples: 500, seed: 3 })!
    expect(narrow.conversionLift.low).toBeGreaterThan(lift.conversionLift.low)
    expect(narrow.conversionLift.high).toBeLessThan(lift.conversionLift.high)
    expect(narrow.incrementalProfit.high - narrow.incrementalProfit.low).toBeLessThan(lift.incrementalProfit.high - lift.incrementalProfit.low)
  })

  it('is seeded: the same members and seed give the same interval, another seed a slightly different one', () => {
    const members = [...arm('treatment', 12, 60, 40, 4), ...arm('control', 8, 50, 40)]
    const a = measureLift(members, { seed: 11, resamples: 400 })!
    const b = measureLift(members, { seed: 11, resamples: 400 })!
    const c = measureLift(members, { seed: 12, resamples: 400 })!
    expect(b.incrementalProfit).toEqual(a.incrementalProfit)
    expect(c.incrementalProfit.low).not.toBe(a.incrementalProfit.low)
  })

  it('does not call a small difference an effect, and needs both arms', () => {
    const lift = measureLift([...arm('treatment', 6, 40), ...arm('control', 5, 40)], { resamples: 500 })!
    expect(lift.profitDistinguishable).toBe(false)
    expect(lift.conversionDistinguishable).toBe(false)
    expect(lift.incrementalProfit.low).toBeLessThan(0)
    expect(lift.incrementalProfit.high).toBeGreaterThan(0)
    expect(measureLift(arm('treatment', 3, 10))).toBeNull()
    expect(lift.profitP).toBeGreaterThan(0.05)
  })

  it('bootstrap p-values: twice the smaller tail, never 0, 1 when nothing varies; at 95 % they agree with the percentile interval', () => {
    expect(bootstrapP(Float64Array.from([1, 2, 3, 4]))).toBeCloseTo(1 / 5, 12)
    expect(bootstrapP(Float64Array.from([-2, -1, 1, 2]))).toBe(1)
    expect(bootstrapP(Float64Array.from([-1, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBeCloseTo(3 / 11, 12)
    expect(bootstrapP(Float64Array.from([0, 0, 0]))).toBe(1)
    // Ties at zero count to the smaller tail: an interval that touches zero never comes with p below its level.
    expect(bootstrapP(Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBeCloseTo(3 / 11, 12)
    for (let seed = 1; seed <= 20; seed++) {
      const members = [...arm('treatment', 10 + seed, 80, 40, 4), ...arm('control', 10, 80, 40)]
      const lift = measureLift(members, { seed, resamples: 999 })!
      const excludes = lift.incrementalRevenue.low > 0 || lift.incrementalRevenue.high < 0
      // Percentile interval and p-value come from the same draws; they can disagree only right at the edge.
      if (Math.abs(lift.revenueP - 0.05) > 0.01) expect(excludes).toBe(lift.revenueP < 0.05)
    }
  })

  it('a loss when discounts go to customers who would have bought anyway', () => {
    // Same conversion in both arms; every treated buyer got $20 off a $50 order.
    const lift = measureLift([...arm('treatment', 40, 100, 30, 20), ...arm('control', 40, 100, 50, 0)], { resamples: 500 })!
    expect(lift.conversionLift.estimate).toBe(0)
    expect(lift.incrementalProfit.estimate).toBeCloseTo(40 * ((30 + 20) * 0.5 - 20) - 40 * 25, 8)
    expect(lift.incrementalProfit.high).toBeLessThan(0)
    expect(lift.profitDistinguishable).toBe(true)
  })

  it('covers a known true effect in most simulated campaigns, and rarely flags a zero effect (coverage near the 95 % level)', () => {
    const random = mulberry32(99)
    const simulate = (pT: number, pC: number, nT: number, nC: number): LiftMember[] => [
      ...Array.from({ length: nT }, () => (random() < pT ? { arm: 'treatment' as const, converted: true, orders: 1, revenue: 40, discount: 4, margin: 0.5 } : { arm: 'treatment' as const, converted: false, orders: 0, revenue: 0, discount: 0, margin: 0.5 })),
      ...Array.from({ length: nC }, () => (random() < pC ? { arm: 'control' as const, converted: true, orders: 1, revenue: 40, discount: 0, margin: 0.5 } : { arm: 'control' as const, converted: false, orders: 0, revenue: 0, discount: 0, margin: 0.5 })),
    ]
    const runs = 200
    let covered = 0
    let falseAlarms = 0
    for (let r = 0; r < runs; r++) {
      const nT = 400
      const lift = measureLift(simulate(0.2, 0.12, nT, 150), { resamples: 300, seed: r })!
      // True incremental profit: nT × [(0.2 × (44 × 0.5 − 4)) − 0.12 × 20].
      const truth = nT * (0.2 * (44 * 0.5 - 4) - 0.12 * 20)
      if (lift.incrementalProfit.low <= truth && truth <= lift.incrementalProfit.high) covered++
      const nothing = measureLift(simulate(0.15, 0.15, nT, 150), { resamples: 300, seed: r })!
      if (nothing.conversionDistinguishable) falseAlarms++
    }
    expect(covered / runs).toBeGreaterThan(0.82)
    expect(falseAlarms / runs).toBeLessThan(0.15)
  })
})
