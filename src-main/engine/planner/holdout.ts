/**
 * The plan's random control group. Stratified by predicted-purchase decile
 * among the eligible customers, so holdout and treatment have the same mix of
 * likely and unlikely buyers and the measured lift is not an artefact of who
 * was held out. Seeded: the same seed and inputs give the same group.
 */
import { createRng, deriveSeed, permutation } from '../ml/random'

const STRATA = 10

/**
 * 1 = holdout, 0 = not (treatment or ineligible). The total is exactly
 * round(share × eligible), and at least 1 when share > 0 and there are two or
 * more eligible customers (every plan can be measured, even a tiny shop's).
 * Each decile gets its proportional share of that total; the fractions left
 * over go, one each, to the deciles with the largest remainders (ties in a
 * seeded order), so a decile's count is floor or ceil of share × its size.
 */
export function assignHoldout(pBuy: Float64Array, eligible: Uint8Array, share: number, seed: number): Uint8Array {
  const n = pBuy.length
  if (eligible.length !== n) throw new Error('assignHoldout: pBuy and eligible must have one value per customer')
  const out = new Uint8Array(n)
  const s = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0
  const members: number[] = []
  for (let i = 0; i < n; i++) if (eligible[i] === 1) members.push(i)
  const total = members.length
  let target = Math.round(s * total)
  if (s > 0 && total >= 2) target = Math.max(1, target)
  if (target === 0) return out
  // Rank by predicted purchase (NaN as 0; ties by customer order, so ranks are reproducible).
  const p = (i: number): number => (Number.isFinite(pBuy[i]) ? pBuy[i] : 0)
  members.sort((a, b) => p(a) - p(b) || a - b)
  const strata: number[][] = Array.from({ length: STRATA }, () => [])
  for (let r = 0; r < total; r++) strata[Math.floor((r * STRATA) / total)].push(members[r])
  const rng = createRng(deriveSeed(seed, 'holdout'))
  // Largest-remainder allocation of the target across strata.
  const quota = strata.map((g) => Math.floor((target * g.length) / total))
  let left = target - quota.reduce((a, b) => a + b, 0)
  const tieOrder = permutation(STRATA, rng)
  const byRemainder = [...tieOrder].sort((a, b) => (target * strata[b].length) % total - (target * strata[a].length) % total)
  for (const d of byRemainder) {
    if (left <= 0) break
    if (quota[d] < strata[d].length) {
      quota[d]++
      left--
    }
  }
  for (let d = 0; d < STRATA; d++) {
    const g = strata[d]
    const order = permutation(g.length, createRng(deriveSeed(seed, `holdout decile ${d}`)))
    for (let a = 0; a < quota[d]; a++) out[g[order[a]]] = 1
  }
  return out
}
