import { describe, expect, it } from 'vitest'
import { buildCandidates, type CandidateInputs } from '../../../src-main/engine/planner/candidates'
import { expandOfferMenu } from '../../../src-main/engine/planner/offer-terms'

const offers = expandOfferMenu({ percent: [5, 10, 20], fixed: [5], freeShipping: true, spendSave: [{ minSpend: 80, save: 10 }], scopes: [] }, 1)
const K = offers.length
const S = 5

/** Customers: 0 buys anyway and ignores coupons; 1 rarely buys but responds strongly; 2 pays no shipping. */
function inputs(over: Partial<CandidateInputs> = {}): CandidateInputs {
  const n = 3
  const effect = new Float32Array(n * K * S)
  for (let k = 0; k < K; k++) for (let s = 0; s < S; s++) {
    effect[(1 * K + k) * S + s] = 1 + 0.1 * s // about ×e more likely to order, with spread
    effect[(2 * K + k) * S + s] = 0.5
  }
  return {
    offers,
    pWithout: new Float64Array([0.95, 0.1, 0.3]),
    orderValue: new Float64Array([60, 60, 50]),
    margin: new Float64Array([0.4, 0.4, 0.4]),
    shipping: new Float64Array([4, 4, 0]),
    effect,
    samples: S,
    redeemShare: 0.8,
    quantile: 0.2,
    ...over,
  }
}
const cell = (i: number, id: string): number => i * K + offers.findIndex((o) => o.id === id)

describe('buildCandidates', () => {
  it('a sure-thing customer with no response loses money on every offer', () => {
    const m = buildCandidates(inputs())
    for (let k = 0; k < K; k++) {
      expect(m.feasible[k]).toBe(1)
      expect(m.profitMean[k]).toBeLessThan(0)
      expect(m.profitCautious[k]).toBeLessThan(0)
    }
    // Hand check, 10 % off: pWith = p0, cost = 0.95 × 0.8 × 6 = 4.56, profit = −4.56.
    expect(m.costMean[cell(0, 'percent:10')]).toBeCloseTo(4.56, 4)
    expect(m.profitMean[cell(0, 'percent:10')]).toBeCloseTo(-4.56, 4)
    expect(m.faceValue[cell(0, 'percent:10')]).toBeCloseTo(6, 5)
  })
  it('a responsive customer earns on a modest offer, with the documented formula', () => {
    const m = buildCandidates(inputs())
    const c = cell(1, 'percent:10')
    expect(m.profitMean[c]).toBeGreaterThan(0)
    let profit = 0
    let pWith = 0
    for (let s = 0; s < S; s++) {
      const p1 = 1 - Math.pow(0.9, Math.exp(1 + 0.1 * s))
      pWith += p1 / S
      profit += ((p1 - 0.1) * 60 * 0.4 - p1 * 0.8 * 6) / S
    }
    expect(m.pWithMean[c]).toBeCloseTo(pWith, 5)
    expect(m.profitMean[c]).toBeCloseTo(profit, 4)
  })
  it('spend-X counts the top-up margin for redeemers', () => {
    const m = buildCandidates(inputs())
    const c = cell(1, 'spend_x_save_y:80:10')
    let profit = 0
    for (let s = 0; s < S; s++) {
      const p1 = 1 - Math.pow(0.9, Math.exp(1 + 0.1 * s))
      profit += ((p1 - 0.1) * 60 * 0.4 + p1 * 0.8 * 20 * 0.4 - p1 * 0.8 * 10) / S
    }
    expect(m.profitMean[c]).toBeCloseTo(profit, 4)
  })
  it('cautious profit is at most the mean, cautious cost at least the mean', () => {
    const m = buildCandidates(inputs())
    for (let c = 0; c < 3 * K; c++) {
      if (!m.feasible[c]) continue
      expect(m.profitCautious[c]).toBeLessThanOrEqual(m.profitMean[c] + 1e-5)
      expect(m.costCautious[c]).toBeGreaterThanOrEqual(m.costMean[c] - 1e-5)
    }
    // With spread in the samples the cautious figure is strictly lower.
    expect(m.profitCautious[cell(1, 'percent:10')]).toBeLessThan(m.profitMean[cell(1, 'percent:10')] - 1e-4)
  })
  it('free shipping is infeasible without shipping; discounts above the cost floor and max depth are too', () => {
    const floor = new Float64Array([Infinity, 5.5, Infinity])
    const m = buildCandidates(inputs({ costFloor: floor, maxDepth: 0.15 }))
    expect(m.feasible[cell(2, 'free_shipping')]).toBe(0)
    expect(m.feasible[cell(0, 'free_shipping')]).toBe(1)
    expect(m.feasible[cell(1, 'percent:10')]).toBe(0) // 6 > 5.5: below cost
    expect(m.feasible[cell(1, 'percent:5')]).toBe(1)
    expect(m.feasible[cell(0, 'percent:20')]).toBe(0) // deeper than 15 %
    expect(m.profitMean[cell(1, 'percent:10')]).toBe(0)
    expect(m.pWithMean[cell(1, 'percent:10')]).toBeCloseTo(0.1, 6)
  })
  it('scoped offers need the basket shares', () => {
    const scoped = expandOfferMenu({ percent: [10], fixed: [], freeShipping: false, spendSave: [], scopes: ['category'] }, 1)
    const base = { ...inputs(), offers: scoped, effect: new Float32Array(3 * 2 * S) }
    expect(buildCandidates(base).feasible[1]).toBe(0)
    const withShares = buildCandidates({ ...base, scopeShare: { category: new Float64Array([0.5, 0.5, 0]), product: new Float64Array(3) } })
    expect(withShares.feasible[1]).toBe(1)
    expect(withShares.faceValue[1]).toBeCloseTo(3, 5)
    expect(withShares.feasible[2 * 2 + 1]).toBe(0)
  })
  it('rejects an effect array of the wrong size', () => {
    expect(() => buildCandidates(inputs({ effect: new Float32Array(3) }))).toThrow(/n\*K\*S/)
  })
})

describe('cautious quantiles', () => {
  /** Type-7 quantile of raw samples, computed the slow way. */
  const q7 = (xs: number[], q: number): number => {
    const s = [...xs].sort((a, b) => a - b)
    const pos = q * (s.length - 1)
    const lo = Math.floor(pos)
    return s[lo] + (s[Math.min(s.length - 1, lo + 1)] - s[lo]) * (pos - lo)
  }
  it('equal the quantiles of per-sample profit and cost, also where profit falls as pWith rises', () => {
    const fixed = expandOfferMenu({ percent: [], fixed: [10], freeShipping: false, spendSave: [], scopes: [] }, 1)
    const draws = [0.9, -0.2, 0.4, 1.5, 0.1, 0.7, -0.6]
    const S7 = draws.length
    // Customer 0: a big basket (profit rises with pWith); 1: a small, thin one (every extra redeemer loses money).
    const m = buildCandidates({
      offers: fixed,
      pWithout: new Float64Array([0.2, 0.3]),
      orderValue: new Float64Array([80, 20]),
      margin: new Float64Array([0.5, 0.2]),
      shipping: new Float64Array(2),
      effect: Float32Array.from([...draws, ...draws]),
      samples: S7,
      redeemShare: 0.8,
      quantile: 0.25,
    })
    for (const [i, v, mg] of [[0, 80, 0.5], [1, 20, 0.2]] as const) {
      const profit: number[] = []
      const cost: number[] = []
      for (const e of Float32Array.from(draws)) {
        const p1 = 1 - Math.pow(1 - [0.2, 0.3][i], Math.exp(e))
        profit.push((p1 - [0.2, 0.3][i]) * v * mg - p1 * 0.8 * 10)
        cost.push(p1 * 0.8 * 10)
      }
      expect(m.profitCautious[i]).toBeCloseTo(q7(profit, 0.25), 4)
      expect(m.costCautious[i]).toBeCloseTo(q7(cost, 0.75), 4)
    }
  })
})
