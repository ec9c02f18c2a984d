import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { bgNbdLogLikelihood, compressSummary, expectedPurchases, fitBgNbd, MAX_DROPOUT_CONCENTRATION, pAlive, pAnyPurchase } from '../../../src-main/engine/clv/bg-nbd'

const ONES = { r: 1, alpha: 1, a: 1, b: 1 }

describe('BG/NBD by hand', () => {
  it('log-likelihood of one customer without repeats: r ln(α / (α + T))', () => {
    expect(bgNbdLogLikelihood(ONES, { x: [0], tx: [0], T: [1] })).toBeCloseTo(Math.log(0.5), 12)
  })

  it('log-likelihood with one repeat: ln(B(1,2)/B(1,1) · 3⁻² + B(2,1)/B(1,1) · 2⁻²) = ln(13/72)', () => {
    // x = 1, tₓ = 1, T = 2, all parameters 1: Γ terms are 1, B(1,2) = B(2,1) = 1/2.
    expect(bgNbdLogLikelihood(ONES, { x: [1], tx: [1], T: [2] })).toBeCloseTo(Math.log(13 / 72), 12)
  })

  it('P(alive) = 1 / (1 + a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) = 4/13 for that customer, 1 without repeats', () => {
    expect(pAlive(ONES, 1, 1, 2)).toBeCloseTo(4 / 13, 12)
    expect(pAlive(ONES, 0, 0, 5)).toBe(1)
  })

  it('P(≥ 1 purchase) = P(alive) · (1 − ((α+T)/(α+T+t))^(r+x))', () => {
    expect(pAnyPurchase(ONES, 0, 0, 1, 1)).toBeCloseTo(1 / 3, 12)
    expect(pAnyPurchase(ONES, 1, 1, 2, 3)).toBeCloseTo((4 / 13) * (1 - (3 / 6) ** 2), 12)
    expect(pAnyPurchase(ONES, 1, 1, 2, 0)).toBe(0)
  })

  it('expected purchases start at the alive customer’s rate: E ≈ P(alive) · (r+x)/(α+T) · t for small t', () => {
    const params = { r: 0.5, alpha: 3, a: 0.8, b: 2.5 }
    const t = 1e-5
    const rate = (pAlive(params, 3, 20, 30) * (0.5 + 3)) / (3 + 30)
    expect(expectedPurchases(params, 3, 20, 30, t) / t).toBeCloseTo(rate, 4)
  })

  it('expected purchases grow with the horizon and never exceed what a customer who cannot die would make', () => {
    const params = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }
    const e = [10, 20, 40, 80].map((t) => expectedPurchases(params, 2, 30, 39, t))
    for (let i = 1; i < e.length; i++) expect(e[i]).toBeGreaterThan(e[i - 1])
    expect(e[3]).toBeLessThan(((0.24 + 2) / (4.4 + 39)) * 80)
  })

  it('compresses identical summaries without changing the likelihood', () => {
    const data = { x: [0, 0, 2, 0, 2], tx: [0, 0, 5, 0, 5], T: [3, 3, 9, 4, 9] }
    const compact = compressSummary(data)
    expect(compact.x.length).toBe(3)
    expect(bgNbdLogLikelihood(ONES, compact)).toBeCloseTo(bgNbdLogLikelihood(ONES, data), 10)
  })

  it('recovers the parameters it simulated from', () => {
    // A seeded simulation of 4,000 customers over 52 weeks from known parameters.
    const { x, tx, T } = simulateBgNbd({ r: 0.5, alpha: 5, a: 1.2, b: 3 }, 4000, 52, 7)
    const fit = fitBgNbd({ x, tx, T })
    expect(fit.converged).toBe(true)
    expect(fit.params.r).toBeGreaterThan(0.4)
    expect(fit.params.r).toBeLessThan(0.6)
    expect(fit.params.alpha).toBeGreaterThan(3.5)
    expect(fit.params.alpha).toBeLessThan(6.5)
  })

  it('converges when drop-out hardly varies between customers (the optimum at a, b → ∞, a fixed ratio)', () => {
    // Distinct (x, tₓ, T) summaries, one in three, of a generated 20,000-customer shop at its training cutoff
    // (`npm run sample-shop -- --customers 20000`, cutoff 2024-07-05). Before the fit was walled at
    // MAX_DROPOUT_CONCENTRATION it crawled up that ridge for 6 × 5,000 iterations and reported converged: false.
    const rows = gunzipSync(readFileSync(join(__dirname, 'fixtures/flat-dropout-summary.csv.gz'))).toString('utf8').trim().split('\n').slice(1)
    const data = { x: [] as number[], tx: [] as number[], T: [] as number[], weight: [] as number[] }
    for (const row of rows) {
      const [x, txDays, tDays, customers] = row.split(',').map(Number)
      data.x.push(x)
      data.tx.push(txDays / 7)
      data.T.push(tDays / 7)
      data.weight.push(customers)
    }
    const fit = fitBgNbd(data)
    expect(fit.converged).toBe(true)
    expect(fit.params.a + fit.params.b).toBeLessThanOrEqual(MAX_DROPOUT_CONCENTRATION)
    // The likelihood the unwalled search reached after its whole budget (−44,215.17): walling it costs nothing.
    expect(fit.logLikelihood).toBeGreaterThan(-44215.18)
    const dropout = fit.params.a / (fit.params.a + fit.params.b)
    expect(dropout).toBeGreaterThan(0.005)
    expect(dropout).toBeLessThan(0.015)
  })
})

/** Customers simulated from the BG/NBD's own story, seeded, all observed for `horizon` weeks. */
function simulateBgNbd(truth: { r: number; alpha: number; a: number; b: number }, customers: number, horizon: number, seed0: number): { x: number[]; tx: number[]; T: number[] } {
  let seed = seed0
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648
  const gamma = (shape: number, rate: number): number => {
    // Marsaglia–Tsang with the shape < 1 boost.
    const boost = shape < 1 ? rand() ** (1 / shape) : 1
    const d = (shape < 1 ? shape + 1 : shape) - 1 / 3
    const c = 1 / Math.sqrt(9 * d)
    for (;;) {
      const u1 = rand()
      const u2 = rand()
      const n = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
      const v = (1 + c * n) ** 3
      if (v > 0 && Math.log(rand()) < 0.5 * n * n + d - d * v + d * Math.log(v)) return (d * v * boost) / rate
    }
  }
  const x: number[] = []
  const tx: number[] = []
  const T: number[] = []
  for (let i = 0; i < customers; i++) {
    const lambda = gamma(truth.r, truth.alpha)
    const ga = gamma(truth.a, 1)
    const p = ga / (ga + gamma(truth.b, 1))
    let time = 0
    let count = 0
    let last = 0
    for (;;) {
      time += -Math.log(rand()) / lambda
      if (time > horizon) break
      count++
      last = time
      if (rand() < p) break
    }
    x.push(count)
    tx.push(last)
    T.push(horizon)
  }
  return { x, tx, T }
}
