import { describe, expect, it } from 'vitest'
import { expectedPurchases } from '../../../src-main/engine/clv/bg-nbd'
import { BG_NBD_BASELINE } from '../../../src-main/engine/clv/bg-nbd-baseline'
import { churnBand } from '../../../src-main/engine/clv/churn'
import { clvForMonths } from '../../../src-main/engine/clv/clv'
import { expectedSpend, gammaGammaLogLikelihood } from '../../../src-main/engine/clv/gamma-gamma'
import { lgamma } from '../../../src-main/engine/clv/special'
import { DAYS_PER_MONTH, DAYS_PER_WEEK } from '../../../src-main/engine/clv/settings'
import { FEATURE_NAMES } from '../../../src-main/engine/features/feature-names'
import type { FeatureSet, PurchaseLabels } from '../../../src-main/engine/features/types'

describe('Gamma-Gamma by hand', () => {
  it('log-likelihood of one buyer: the density of a mean of x Gamma(p, ν) values, ν ~ Gamma(q, γ)', () => {
    const [p, q, v, x, m] = [2, 3, 10, 2, 20]
    const hand = lgamma(p * x + q) - lgamma(p * x) - lgamma(q) + q * Math.log(v) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(x * m + v)
    expect(gammaGammaLogLikelihood({ p, q, v }, { x: [x, 0], meanSpend: [m, 0] })).toBeCloseTo(hand, 12)
  })

  it('expected spend weighs the population mean pγ/(q−1) against the customer’s own mean', () => {
    const params = { p: 6.25, q: 3.74, v: 15.45 }
    expect(expectedSpend(params, 0, 0)).toBeCloseTo((6.25 * 15.45) / 2.74, 10)
    // (p(γ + x z̄)) / (px + q − 1) with x = 4, z̄ = 50.
    expect(expectedSpend(params, 4, 50)).toBeCloseTo((6.25 * (15.45 + 200)) / (25 + 2.74), 10)
    expect(expectedSpend(params, 400, 50)).toBeCloseTo(50, 0)
  })
})

describe('CLV', () => {
  const params = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }
  const base = { params, x: 3, tx: 20, T: 30, spendPerPurchase: 40, margin: 0.4 }

  it('without discounting is margin × spend × expected purchases over the horizon', () => {
    const [clv12] = clvForMonths({ ...base, monthlyDiscountRate: 0 }, [12])
    const weeks = (12 * DAYS_PER_MONTH) / DAYS_PER_WEEK
    expect(clv12).toBeCloseTo(0.4 * 40 * expectedPurchases(params, 3, 20, 30, weeks), 8)
  })

  it('discounting lowers it, and the 3, 6, 12-month figures rise with the horizon', () => {
    const plain = clvForMonths({ ...base, monthlyDiscountRate: 0 }, [3, 6, 12])
    const discounted = clvForMonths({ ...base, monthlyDiscountRate: 0.01 }, [3, 6, 12])
    expect(discounted[2]).toBeLessThan(plain[2])
    expect(discounted[0]).toBeLessThan(discounted[1])
    expect(discounted[1]).toBeLessThan(discounted[2])
  })
})

describe('churn band', () => {
  it('bands 1 − P(alive) at 0.2 and 0.5, and gives one-order customers no band', () => {
    expect(churnBand(0.9, 2)).toBe('low')
    expect(churnBand(0.7, 2)).toBe('medium')
    expect(churnBand(0.5, 2)).toBe('high')
    expect(churnBand(1, 0)).toBe('one-order')
  })
})

describe('bg-nbd purchase baseline', () => {
  const width = FEATURE_NAMES.length
  function features(rows: { visits: number; tenure: number; recency: number }[]): FeatureSet {
    const values = new Float32Array(rows.length * width)
    const col = (name: string): number => FEATURE_NAMES.indexOf(name)
    rows.forEach((r, i) => {
      values[i * width + col('visits')] = r.visits
      values[i * width + col('tenure_days')] = r.tenure
      values[i * width + col('recency_days')] = r.recency
      values[i * width + col('monetary')] = 10 * r.visits
    })
    return { cutoff: '2024-01-01', customerIds: Int32Array.from(rows, (_, i) => i + 1), names: [...FEATURE_NAMES], values }
  }
  const labels = (n: number): PurchaseLabels => ({ cutoff: '2024-01-01', horizonDays: 90, bought: new Uint8Array(n), orders: new Float32Array(n), spend: new Float32Array(n) })

  it('ranks a frequent recent buyer above a lapsed one and gives probabilities', () => {
    const shop = Array.from({ length: 60 }, (_, i) => ({ visits: 1 + (i % 6), tenure: 300 + i, recency: 5 + ((i * 37) % 290) }))
    const scorer = BG_NBD_BASELINE.fit(features(shop), labels(shop.length))
    const [regular, lapsed] = scorer(features([{ visits: 8, tenure: 300, recency: 10 }, { visits: 8, tenure: 300, recency: 280 }]))
    expect(regular).toBeGreaterThan(lapsed)
    expect(regular).toBeLessThanOrEqual(1)
    expect(lapsed).toBeGreaterThanOrEqual(0)
  })

  it('falls back to the base rate where the shop cannot identify the model (a handful of customers)', () => {
    const tiny = [{ visits: 2, tenure: 30, recency: 3 }, { visits: 1, tenure: 40, recency: 40 }]
    const l = labels(2)
    l.bought[0] = 1
    const scores = BG_NBD_BASELINE.fit(features(tiny), l)(features(tiny))
    expect(Array.from(scores)).toEqual([0.5, 0.5])
  })
})
