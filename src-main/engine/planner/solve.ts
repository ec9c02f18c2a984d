/**
 * Budgeted coupon choice: a multiple-choice knapsack (at most one offer per
 * customer, "none" always allowed) solved by Lagrangian relaxation.
 *
 * At a price λ on cost, each customer's best option is argmax over feasible
 * offers of value − λ·cost, or none. Lowering λ until the budget is met is the
 * bisection of the textbook method; on the per-customer convex hulls
 * (./hull.ts) it is exact and needs no iterations: taking hull segments in
 * descending slope order *is* λ falling, and the first segment that does not
 * fit marks λ*. The walk then carries on down the same order as the greedy
 * fill: each later segment (the best value-per-cost upgrade still open) is
 * taken if it fits. So a re-plan is one pass over the sorted segments.
 *
 * Guarantees: total cost ≤ budget (with a 1e-9 relative margin for float
 * sums); the optimiser never gives a coupon with value ≤ 0; the value is
 * within one item of the LP optimum (the blocked segment), hence of the best
 * integer plan.
 */
import { buildHulls, type ChoiceMatrix, type Hulls } from './hull'

export type { ChoiceMatrix } from './hull'

/** −2 = free for the optimiser, −1 = forced no coupon, k ≥ 0 = forced offer k. */
export const FREE = -2
export const FORCED_NONE = -1

export interface SolveOptions {
  /** 1 = may get a coupon. 0 (holdout, excluded) = never, even when forced. Default: everyone. */
  eligible?: Uint8Array
  /** Per customer: FREE, FORCED_NONE or an offer index. Forced offers count against the budget first, in customer order. */
  forced?: Int32Array
}

export interface Solution {
  /** Offer index per customer, −1 = no coupon. */
  choice: Int32Array
  cost: number
  value: number
  /** The price on cost where the budget binds (0 when it does not). */
  lambda: number
  coupons: number
  /** Forced offers not given: infeasible for the customer, or beyond the budget. */
  forcedDropped: number
}

export interface FrontierPoint {
  budget: number
  cost: number
  value: number
  coupons: number
}

export interface PreparedPlan {
  readonly n: number
  readonly k: number
  /** Cost of giving every customer their best-paying offer: more budget buys nothing. */
  readonly maxUsefulCost: number
  solve(budget: number, opts?: SolveOptions): Solution
  /**
   * Profit against budget from one sweep: at each budget, the LP-greedy
   * prefix (segments in slope order up to the first that does not fit). A
   * plan solved at that budget earns at least this (its greedy fill adds a little).
   */
  frontier(budgets: number[], opts?: SolveOptions): FrontierPoint[]
}

export function prepare(m: ChoiceMatrix): PreparedPlan {
  const hulls = buildHulls(m)
  return {
    n: m.n,
    k: m.k,
    maxUsefulCost: hulls.maxUsefulCost,
    solve: (budget, opts) => solveWithHulls(m, hulls, budget, opts),
    frontier: (budgets, opts) => frontierWithHulls(m, hulls, budgets, opts),
  }
}

/** One-off solve; for repeated budgets keep `prepare(m)` and call `.solve`. */
export function solveBudget(m: ChoiceMatrix, budget: number, opts?: SolveOptions): Solution {
  return prepare(m).solve(budget, opts)
}

export function frontier(m: ChoiceMatrix, budgets: number[], opts?: SolveOptions): FrontierPoint[] {
  return prepare(m).frontier(budgets, opts)
}

/**
 * Budgets for the profit-vs-budget chart: 0 to maxUsefulCost, spaced on a
 * square law so the bend at small budgets (where extra money pays most) gets
 * most of the points. Rounded to cents, no duplicates.
 */
export function defaultFrontierBudgets(maxUsefulCost: number, points = 24): number[] {
  if (!(maxUsefulCost > 0) || points < 2) return [0]
  const out: number[] = []
  for (let a = 0; a < points; a++) {
    const b = Math.round(maxUsefulCost * (a / (points - 1)) ** 2 * 100) / 100
    if (out.length === 0 || b > out[out.length - 1]) out.push(b)
  }
  return out
}

interface Start {
  /** Current hull vertex per customer; −1 = not the optimiser's (ineligible or forced). */
  current: Int32Array
  forcedCost: number
  forcedDropped: number
  choice: Int32Array
}

/** Forced customers first (in customer order, while they fit), then everyone free at their first hull vertex. */
function begin(m: ChoiceMatrix, hulls: Hulls, budget: number, opts: SolveOptions | undefined): Start {
  const { n, k: K } = m
  const current = new Int32Array(n)
  const choice = new Int32Array(n).fill(-1)
  let forcedCost = 0
  let forcedDropped = 0
  for (let i = 0; i < n; i++) {
    const eligible = !opts?.eligible || opts.eligible[i] === 1
    const f = opts?.forced ? opts.forced[i] : FREE
    if (!eligible || f !== FREE) {
      current[i] = -1
      if (eligible && f >= 0) {
        const c = f < K ? Math.max(0, m.cost[i * K + f]) : NaN
        if (f < K && m.feasible[i * K + f] && Number.isFinite(c) && forcedCost + c <= budget) {
          forcedCost += c
          choice[i] = f
        } else forcedDropped++
      }
    } else current[i] = hulls.start[i]
  }
  return { current, forcedCost, forcedDropped, choice }
}

function solveWithHulls(m: ChoiceMatrix, hulls: Hulls, budget: number, opts?: SolveOptions): Solution {
  const cap = capOf(budget)
  const { current, forcedDropped, forcedCost, choice } = begin(m, hulls, cap, opts)
  // Slack so that re-adding the chosen costs in another order cannot exceed the budget.
  const limit = cap - forcedCost - cap * 1e-9
  const { order, slope, segCustomer, segFrom, segCost } = hulls
  let spent = 0
  let lambda = 0
  let blocked = false
  for (let a = 0; a < segCustomer.length; a++) {
    const i = segCustomer[a]
    const from = segFrom[a]
    if (current[i] !== from) continue // not free, or an earlier segment of theirs did not fit
    const dc = segCost[a]
    if (spent + dc <= limit) {
      spent += dc
      current[i] = from + 1
    } else if (!blocked) {
      blocked = true
      lambda = slope[order[a]]
    }
  }
  for (let i = 0; i < m.n; i++) if (current[i] >= 0) choice[i] = hulls.option[current[i]]
  return { choice, ...totals(m, choice), lambda, forcedDropped }
}

function frontierWithHulls(m: ChoiceMatrix, hulls: Hulls, budgets: number[], opts?: SolveOptions): FrontierPoint[] {
  // The prefix curve of free customers, built once: cumulative cost, value and coupons after each segment.
  const base = begin(m, hulls, 0, { ...opts, forced: opts?.forced?.map((f) => (f >= 0 ? FORCED_NONE : f)) })
  const { value, option, start, segCustomer, segFrom, segCost } = hulls
  const current = base.current
  let baseValue = 0
  let baseCoupons = 0
  for (let i = 0; i < m.n; i++) {
    if (current[i] < 0) continue
    baseValue += value[current[i]]
    if (option[current[i]] >= 0) baseCoupons++
  }
  const segments = segCustomer.length
  const cumCost = new Float64Array(segments + 1)
  const cumValue = new Float64Array(segments + 1)
  const cumCoupons = new Int32Array(segments + 1)
  cumValue[0] = baseValue
  cumCoupons[0] = baseCoupons
  let len = 1
  for (let a = 0; a < segments; a++) {
    const i = segCustomer[a]
    const from = segFrom[a]
    if (current[i] !== from) continue
    current[i] = from + 1
    const wasNone = from === start[i] && option[from] < 0
    cumCost[len] = cumCost[len - 1] + segCost[a]
    cumValue[len] = cumValue[len - 1] + value[from + 1] - value[from]
    cumCoupons[len] = cumCoupons[len - 1] + (wasNone ? 1 : 0)
    len++
  }
  const onlyForced = opts?.forced ? { eligible: opts.eligible, forced: opts.forced.map((f) => (f === FREE ? FORCED_NONE : f)) } : null
  return budgets.map((budget) => {
    // Forced offers first, as in solve; then the longest prefix that fits what is left.
    const cap = capOf(budget)
    const forced = onlyForced ? begin(m, hulls, cap, onlyForced) : null
    const forcedTotals = forced ? totals(m, forced.choice) : { cost: 0, value: 0, coupons: 0 }
    const left = cap - forcedTotals.cost - cap * 1e-9
    let lo = 0
    let hi = len - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (cumCost[mid] <= left) lo = mid
      else hi = mid - 1
    }
    return { budget, cost: forcedTotals.cost + cumCost[lo], value: forcedTotals.value + cumValue[lo], coupons: forcedTotals.coupons + cumCoupons[lo] }
  })
}

/** A budget as a finite non-negative number (Infinity = the largest double, NaN or negative = 0). */
function capOf(budget: number): number {
  return Number.isFinite(budget) ? Math.max(0, budget) : budget > 0 ? Number.MAX_VALUE : 0
}

/** Cost, value and coupon count of a choice, summed in customer order from the matrix itself. */
function totals(m: ChoiceMatrix, choice: Int32Array): { cost: number; value: number; coupons: number } {
  let cost = 0
  let value = 0
  let coupons = 0
  for (let i = 0; i < m.n; i++) {
    const j = choice[i]
    if (j < 0) continue
    cost += Math.max(0, m.cost[i * m.k + j])
    value += m.value[i * m.k + j]
    coupons++
  }
  return { cost, value, coupons }
}
