import { describe, expect, it } from 'vitest'
import { assignHoldout } from '../../../src-main/engine/planner/holdout'
import { createRng } from '../../../src-main/engine/ml/random'

function shop(n: number, seed = 1): { p: Float64Array; eligible: Uint8Array } {
  const rng = createRng(seed)
  const p = new Float64Array(n)
  const eligible = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    p[i] = rng.next() ** 3 // skewed, like real purchase probabilities
    eligible[i] = rng.next() < 0.9 ? 1 : 0
  }
  return { p, eligible }
}
const count = (xs: Uint8Array): number => xs.reduce((a, b) => a + b, 0)

describe('assignHoldout', () => {
  const { p, eligible } = shop(10_000)
  const E = count(eligible)
  it('is reproducible for a seed and different for another', () => {
    const a = assignHoldout(p, eligible, 0.1, 7)
    expect(assignHoldout(p, eligible, 0.1, 7)).toEqual(a)
    const b = assignHoldout(p, eligible, 0.1, 8)
    let differ = 0
    for (let i = 0; i < a.length; i++) differ += a[i] !== b[i] ? 1 : 0
    expect(differ).toBeGreaterThan(100)
  })
  it('holds out exactly round(share × eligible), and only eligible customers', () => {
    for (const share of [0, 0.05, 0.1, 0.333, 0.5]) {
      const h = assignHoldout(p, eligible, share, 3)
      expect(count(h)).toBe(Math.round(share * E))
      for (let i = 0; i < h.length; i++) if (h[i]) expect(eligible[i]).toBe(1)
    }
  })
  it('is balanced across predicted-purchase deciles', () => {
    const h = assignHoldout(p, eligible, 0.1, 11)
    let inSum = 0, inN = 0, outSum = 0, outN = 0
    for (let i = 0; i < p.length; i++) {
      if (!eligible[i]) continue
      if (h[i]) { inSum += p[i]; inN++ } else { outSum += p[i]; outN++ }
    }
    expect(Math.abs(inSum / inN - outSum / outN)).toBeLessThan(0.01)
    // Each decile holds 10 % of its members, to within one.
    const ranked = [...Array(p.length).keys()].filter((i) => eligible[i]).sort((a, b) => p[a] - p[b] || a - b)
    for (let d = 0; d < 10; d++) {
      const part = ranked.slice(Math.ceil((d * ranked.length) / 10), Math.ceil(((d + 1) * ranked.length) / 10))
      const held = part.filter((i) => h[i]).length
      expect(Math.abs(held - 0.1 * part.length)).toBeLessThanOrEqual(1)
    }
  })
  it('keeps at least one member in a tiny shop, none when share is 0 or only one is eligible', () => {
    const tiny = shop(3, 5)
    tiny.eligible.fill(1)
    expect(count(assignHoldout(tiny.p, tiny.eligible, 0.1, 1))).toBe(1)
    expect(count(assignHoldout(tiny.p, tiny.eligible, 0, 1))).toBe(0)
    expect(count(assignHoldout(tiny.p, new Uint8Array([1, 0, 0]), 0.1, 1))).toBe(0)
  })
})
