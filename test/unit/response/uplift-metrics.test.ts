import { describe, expect, test } from 'vitest'
import { auuc, overallUplift, qiniCoefficient, qiniCurve, resampleCurve, upliftAt, upliftCurve } from '../../../src-main/engine/evaluation/uplift'

// Eight members, best score first. Cumulative (n_T, y_T, n_C, y_C) after each:
// (1,1,0,0) (1,1,1,0) (2,2,1,0) (3,2,1,0) (3,2,2,0) (3,2,3,1) (4,2,3,1) (4,2,4,2)
// Q = y_T − y_C·n_T/n_C:         1, 1, 2, 2, 2, 1, 2/3, 0
// U = (y_T/n_T − y_C/n_C)(n_T+n_C): 0, 2, 3, 8/3, 10/3, 2, 7/6, 0
const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]
const treated = [1, 0, 1, 1, 0, 0, 1, 0]
const converted = [1, 0, 1, 0, 0, 1, 0, 1]

describe('uplift metrics on a hand-computed example', () => {
  test('Qini curve follows Radcliffe, per member of the set', () => {
    const curve = qiniCurve(scores, treated, converted)
    expect(curve.map((p) => p.share)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => k / 8))
    const expected = [0, 1, 1, 2, 2, 2, 1, 2 / 3, 0].map((q) => q / 8)
    curve.forEach((p, i) => expect(p.gain).toBeCloseTo(expected[i], 12))
  })

  test('Qini coefficient = trapezoid area minus the random line (here flat: overall uplift 0)', () => {
    // Interior sum 1+1+2+2+2+1+2/3 = 29/3; area = (29/3)/8 · 1/8.
    expect(qiniCoefficient(scores, treated, converted)).toBeCloseTo(29 / 3 / 64, 12)
  })

  test('AUUC is the area under the uplift curve', () => {
    const expected = [0, 0, 2, 3, 8 / 3, 10 / 3, 2, 7 / 6, 0].map((u) => u / 8)
    upliftCurve(scores, treated, converted).forEach((p, i) => expect(p.gain).toBeCloseTo(expected[i], 12))
    expect(auuc(scores, treated, converted)).toBeCloseTo(85 / 6 / 64, 12)
  })

  test('uplift@k: treated minus control conversion rate in the top k', () => {
    expect(upliftAt(scores, treated, converted, 0.25)).toBeCloseTo(1, 12)
    expect(upliftAt(scores, treated, converted, 0.5)).toBeCloseTo(2 / 3, 12)
    expect(upliftAt(scores, treated, converted, 1)).toBeCloseTo(0, 12)
    expect(overallUplift(treated, converted)).toBeCloseTo(0, 12)
    // Only treated members in the top 1/8: no control to compare with.
    expect(upliftAt(scores, treated, converted, 0.125)).toBeNaN()
  })

  test('a model that ranks backwards scores below random', () => {
    const perfect = [1, 0, 1, 0.5, 0.5, 0, 0.5, 0] // treated converters first, control converters last
    const backwards = perfect.map((s) => -s)
    const good = qiniCoefficient(perfect.map((s, i) => s + (8 - i) * 1e-3), treated, converted)
    expect(good).toBeGreaterThan(0)
    expect(qiniCoefficient(backwards, treated, converted)).toBeLessThan(0)
  })

  test('ties: a cut through a tie group counts it in proportion, whatever the row order', () => {
    // Group {1,1}: one treated converter, one control non-converter; group {0,0}: the reverse.
    const a = qiniCurve([1, 1, 0, 0], [1, 0, 1, 0], [1, 0, 0, 1])
    expect(a).toEqual([
      { share: 0, gain: 0 },
      { share: 0.5, gain: 0.25 },
      { share: 1, gain: 0 },
    ])
    expect(qiniCoefficient([1, 1, 0, 0], [1, 0, 1, 0], [1, 0, 0, 1])).toBeCloseTo(0.125, 12)
    expect(qiniCoefficient([1, 1, 0, 0], [0, 1, 0, 1], [0, 1, 1, 0])).toBeCloseTo(0.125, 12)
    // An all-tied model is the random line: coefficient 0 even when the overall uplift is not.
    expect(qiniCoefficient([3, 3, 3, 3], [1, 1, 0, 0], [1, 1, 0, 1])).toBeCloseTo(0, 12)
    // Half of the first group of two: (n_T, y_T, n_C, y_C) = (0.5, 0.5, 0.5, 0).
    expect(upliftAt([1, 1, 0, 0], [1, 0, 1, 0], [1, 0, 0, 1], 0.25)).toBeCloseTo(1, 12)
  })

  test('resampleCurve interpolates linearly', () => {
    const points = resampleCurve(
      [
        { share: 0, gain: 0 },
        { share: 0.5, gain: 1 },
        { share: 1, gain: 0 },
      ],
      [0, 0.25, 0.5, 0.75, 1],
    )
    expect(points.map((p) => p.gain)).toEqual([0, 0.5, 1, 0.5, 0])
  })
})
