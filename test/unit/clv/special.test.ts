import { describe, expect, it } from 'vitest'
import { hyp2f1, lbeta, lgamma, logHyp2f1 } from '../../../src-main/engine/clv/special'

describe('lgamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(lgamma(1)).toBeCloseTo(0, 12)
    expect(lgamma(2)).toBeCloseTo(0, 12)
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 10)
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12)
    // Γ(0.1) = 9.513507698668732 (Abramowitz & Stegun).
    expect(lgamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 10)
    expect(lbeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 12)
  })

  it('refuses arguments the models never need rather than returning nonsense', () => {
    expect(() => lgamma(0)).toThrow(RangeError)
  })
})

describe('hyp2f1 (Gauss series)', () => {
  it('matches closed forms', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log(1 - z) / z, 10)
      // ₂F₁(a, b; b; z) = (1 − z)^(−a)
      expect(hyp2f1(0.7, 2.5, 2.5, z)).toBeCloseTo((1 - z) ** -0.7, 9)
    }
  })

  it('stays finite in log space where the value itself overflows', () => {
    // (1 − 0.99)^(−300) = 1e600: only its logarithm is representable.
    expect(logHyp2f1(300, 4, 4, 0.99)).toBeCloseTo(600 * Math.log(10), 6)
  })

  it('refuses z outside [0, 1), where the series diverges', () => {
    expect(() => logHyp2f1(1, 1, 2, 1)).toThrow(RangeError)
  })
})

describe('logHyp2f1 with c ≤ 0 (a fitted a + b < 1, customers without repeats)', () => {
  it('matches the series summed by hand', () => {
    const [a, b, c, z] = [0.3, 0.4, -0.3, 0.5]
    let term = 1
    let sum = 1
    for (let n = 0; n < 200; n++) {
      term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z
      sum += term
    }
    expect(Math.exp(logHyp2f1(a, b, c, z))).toBeCloseTo(sum, 10)
  })
})
