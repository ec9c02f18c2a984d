import { describe, expect, it } from 'vitest'
import { createRng, type Rng } from '../../../src-main/engine/ml/random'
import { defaultFrontierBudgets, FORCED_NONE, FREE, prepare, solveBudget, type ChoiceMatrix } from '../../../src-main/engine/planner/solve'

/** Random instance: concave-ish responses, some losing and some infeasible options, some free ones. */
function instance(rng: Rng, n: number, k: number): ChoiceMatrix {
  const value = new Float32Array(n * k)
  const cost = new Float32Array(n * k)
  const feasible = new Uint8Array(n * k)
  for (let c = 0; c < n * k; c++) {
    cost[c] = rng.next() < 0.05 ? 0 : rng.next() * 10
    value[c] = (rng.next() - 0.3) * 8
    feasible[c] = rng.next() < 0.85 ? 1 : 0
  }
  return { n, k, value, cost, feasible }
}

function sums(m: ChoiceMatrix, choice: Int32Array): { cost: number; value: number } {
  let cost = 0
  let value = 0
  for (let i = 0; i < m.n; i++) if (choice[i] >= 0) {
    cost += m.cost[i * m.k + choice[i]]
    value += m.value[i * m.k + choice[i]]
  }
  return { cost, value }
}

/** Every combination of options (tiny instances only). */
function bruteForce(m: ChoiceMatrix, budget: number): number {
  let best = 0
  const walk = (i: number, cost: number, value: number): void => {
    if (cost > budget) return
    if (i === m.n) { best = Math.max(best, value); return }
    walk(i + 1, cost, value)
    for (let j = 0; j < m.k; j++) if (m.feasible[i * m.k + j]) walk(i + 1, cost + m.cost[i * m.k + j], value + m.value[i * m.k + j])
  }
  walk(0, 0, 0)
  return best
}

describe('solveBudget', () => {
  it('never exceeds the budget and never gives a losing or infeasible coupon (200 random instances)', () => {
    const rng = createRng(42)
    for (let t = 0; t < 200; t++) {
      const m = instance(rng, 1 + rng.int(60), 1 + rng.int(8))
      const plan = prepare(m)
      const budgets = [0, rng.next() * 5, rng.next() * 50, rng.next() * 300, plan.maxUsefulCost, plan.maxUsefulCost * 2 + 1, Infinity]
      for (const budget of budgets) {
        const s = plan.solve(budget)
        const check = sums(m, s.choice)
        expect(check.cost).toBeLessThanOrEqual(budget)
        expect(s.cost).toBeCloseTo(check.cost, 6)
        expect(s.value).toBeCloseTo(check.value, 4)
        for (let i = 0; i < m.n; i++) if (s.choice[i] >= 0) {
          expect(m.feasible[i * m.k + s.choice[i]]).toBe(1)
          expect(m.value[i * m.k + s.choice[i]]).toBeGreaterThan(0)
        }
      }
    }
  })
  it('with an unlimited budget, gives everyone their best paying option', () => {
    const m = instance(createRng(3), 50, 6)
    const s = solveBudget(m, Infinity)
    for (let i = 0; i < m.n; i++) {
      let best = 0
      for (let j = 0; j < m.k; j++) if (m.feasible[i * m.k + j]) best = Math.max(best, m.value[i * m.k + j])
      expect(s.choice[i] >= 0 ? m.value[i * m.k + s.choice[i]] : 0).toBeCloseTo(best, 5)
    }
    expect(s.lambda).toBe(0)
  })
  it('is within one item of the brute-force optimum on tiny instances', () => {
    const rng = createRng(7)
    let exact = 0
    for (let t = 0; t < 150; t++) {
      const m = instance(rng, 1 + rng.int(5), 1 + rng.int(3))
      const budget = rng.next() * 20
      const s = solveBudget(m, budget)
      const best = bruteForce(m, budget)
      let largest = 0
      for (let c = 0; c < m.n * m.k; c++) if (m.feasible[c]) largest = Math.max(largest, m.value[c])
      expect(s.value).toBeLessThanOrEqual(best + 1e-4)
      expect(s.value).toBeGreaterThanOrEqual(best - largest - 1e-4)
      if (s.value >= best - 1e-4) exact++
    }
    // The LP gap is rare: most tiny instances are solved exactly.
    expect(exact).toBeGreaterThan(100)
  })
  it('respects eligibility and forced locks; forced offers are paid first', () => {
    const m = instance(createRng(9), 40, 5)
    const eligible = new Uint8Array(40).fill(1)
    eligible[0] = 0
    const forced = new Int32Array(40).fill(FREE)
    forced[0] = 2 // ineligible wins: a holdout member never gets a coupon
    forced[1] = FORCED_NONE
    // Force a feasible offer on customer 2, losing or not.
    const j = [0, 1, 2, 3, 4].find((x) => m.feasible[2 * 5 + x] === 1) ?? 0
    m.feasible[2 * 5 + j] = 1
    forced[2] = j
    const s = solveBudget(m, 1000, { eligible, forced })
    expect(s.choice[0]).toBe(-1)
    expect(s.choice[1]).toBe(-1)
    expect(s.choice[2]).toBe(j)
    // A budget smaller than the forced offer drops it rather than overspend.
    const tight = solveBudget(m, m.cost[2 * 5 + j] / 2, { eligible, forced })
    expect(tight.choice[2]).toBe(-1)
    expect(tight.forcedDropped).toBe(m.cost[2 * 5 + j] > 0 ? 1 : 0)
    expect(tight.cost).toBeLessThanOrEqual(m.cost[2 * 5 + j] / 2)
  })
  it('binds the budget with a positive price when money is short', () => {
    const m = instance(createRng(5), 200, 6)
    const plan = prepare(m)
    const s = plan.solve(plan.maxUsefulCost / 4)
    expect(s.lambda).toBeGreaterThan(0)
    expect(s.cost).toBeGreaterThan(plan.maxUsefulCost / 4 * 0.95)
  })
})

describe('frontier', () => {
  it('is non-decreasing in value and cost, within budget, and below the solved plan', () => {
    const m = instance(createRng(11), 300, 8)
    const plan = prepare(m)
    const budgets = defaultFrontierBudgets(plan.maxUsefulCost)
    expect(budgets[0]).toBe(0)
    expect(budgets[budgets.length - 1]).toBeCloseTo(plan.maxUsefulCost, 1)
    const points = plan.frontier(budgets)
    for (let a = 0; a < points.length; a++) {
      expect(points[a].cost).toBeLessThanOrEqual(points[a].budget)
      const solved = plan.solve(points[a].budget)
      expect(points[a].value).toBeLessThanOrEqual(solved.value + 1e-3)
      expect(points[a].value).toBeGreaterThan(solved.value * 0.97 - 1)
      if (a > 0) {
        expect(points[a].value).toBeGreaterThanOrEqual(points[a - 1].value)
        expect(points[a].cost).toBeGreaterThanOrEqual(points[a - 1].cost)
      }
    }
    // Diminishing returns: the first half of the budget range earns more than the second.
    const mid = plan.frontier([0, plan.maxUsefulCost / 2, plan.maxUsefulCost])
    expect(mid[1].value - mid[0].value).toBeGreaterThan(mid[2].value - mid[1].value)
  })
  it('counts coupons and forced offers like solve', () => {
    const m = instance(createRng(13), 100, 4)
    const forced = new Int32Array(100).fill(FREE)
    const j = [0, 1, 2, 3].find((x) => m.feasible[x] === 1 && m.cost[x] > 0) ?? 0
    m.feasible[j] = 1
    forced[0] = j
    const plan = prepare(m)
    const [point] = plan.frontier([1e9], { forced })
    const s = plan.solve(1e9, { forced })
    expect(point.coupons).toBe(s.coupons)
    expect(point.value).toBeCloseTo(s.value, 3)
  })
})

describe('frontier edge budgets', () => {
  it('reads an infinite budget as everything and a negative one as nothing', () => {
    const m = instance(createRng(17), 80, 5)
    const plan = prepare(m)
    const [none, all] = plan.frontier([-5, Infinity])
    expect(none.cost).toBe(0)
    expect(all.value).toBeCloseTo(plan.solve(Infinity).value, 3)
  })
})
