import { describe, expect, it } from 'vitest'
import { hitAtK, ndcgAtK, recallAtK } from '../../../src-main/engine/evaluation/ranking-metrics'

const ranked = [5, 3, 9, 1, 7]
const relevant = [3, 7, 8]

describe('ranking metrics', () => {
  it('recall@k divides the hits by min(k, |relevant|)', () => {
    expect(recallAtK(ranked, relevant, 3)).toBeCloseTo(1 / 3, 12)
    expect(recallAtK(ranked, relevant, 5)).toBeCloseTo(2 / 3, 12)
    // 12 products bought, a 2-long list with 2 hits is perfect.
    expect(recallAtK([1, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 2)).toBe(1)
    expect(recallAtK([1, 1, 1], [1, 2], 3)).toBe(0.5)
    expect(recallAtK(ranked, [], 3)).toBeNaN()
  })

  it('ndcg@k discounts hits by position against the ideal list', () => {
    const ideal3 = 1 + 1 / Math.log2(3) + 1 / Math.log2(4)
    expect(ndcgAtK(ranked, relevant, 3)).toBeCloseTo(1 / Math.log2(3) / ideal3, 12)
    expect(ndcgAtK(ranked, relevant, 5)).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(6)) / ideal3, 12)
    expect(ndcgAtK([3, 7, 8], relevant, 3)).toBeCloseTo(1, 12)
    expect(ndcgAtK([3, 3, 3], relevant, 3)).toBeCloseTo(1 / ideal3, 12)
  })

  it('hit@k is whether anything relevant made the list', () => {
    expect(hitAtK(ranked, relevant, 1)).toBe(0)
    expect(hitAtK(ranked, relevant, 2)).toBe(1)
  })
})
