/**
 * Planner re-plan speed (the live budget slider): 100k customers × 24 offers,
 * a seeded synthetic decision matrix. Times `prepare` once and `solve` at 20
 * budgets, beside the straightforward reference measured in the same run:
 * 40 bisection steps on λ, each looping over all n×k cells, then a greedy fill
 * that sorts every n×k upgrade by value per cost. Both must earn the same
 * profit within 0.1 %. Run by run-bench.ts, or alone: `npx tsx bench/planner-bench.ts`.
 */
import { performance } from 'node:perf_hooks'
import { createRng, deriveSeed } from '../src-main/engine/ml/random'
import { buildCandidates } from '../src-main/engine/planner/candidates'
import { expandOfferMenu } from '../src-main/engine/planner/offer-terms'
import { defaultFrontierBudgets, prepare, type ChoiceMatrix } from '../src-main/engine/planner/solve'

export interface PlannerBenchResult {
  customers: number
  offers: number
  /** Customers with at least one offer that pays (coupons at an unlimited budget). */
  payingCustomers: number
  prepareMs: number
  solveMedianMs: number
  solveMaxMs: number
  frontierMs: number
  naiveMedianMs: number
  naiveBudgets: number
  speedup: number
  maxProfitGap: number
  /** Building the decision matrix from 8 ensemble samples per cell (once per plan, not per re-plan). */
  candidatesMs: number
  goal: string
}

const N = 100_000
const K = 24
const BUDGETS = 20
const NAIVE_EVERY = 4 // the reference takes seconds per budget: time it at every 4th budget

/**
 * Customers differ in base rate, basket and responsiveness (some not at all,
 * some negatively); offers get deeper with k. Values are profit, costs the
 * expected discount, as the candidate builder would give them.
 */
export function syntheticMatrix(n: number, k: number, seed: number): ChoiceMatrix {
  const rng = createRng(deriveSeed(seed, 'planner bench'))
  const value = new Float32Array(n * k)
  const cost = new Float32Array(n * k)
  const feasible = new Uint8Array(n * k)
  for (let i = 0; i < n; i++) {
    const p0 = rng.next() ** 2
    const basket = 20 + rng.next() * 120
    const response = rng.next() < 0.15 ? -0.3 * rng.next() : rng.next() ** 1.5 * 2.5
    for (let j = 0; j < k; j++) {
      const depth = 0.02 + (0.4 * j) / k
      const lift = response * (1 - Math.exp(-depth / 0.12)) * (1 - p0) * 0.5
      const pWith = Math.min(1, p0 + lift)
      const c = pWith * 0.8 * depth * basket * (1 + 0.1 * (rng.next() - 0.5))
      cost[i * k + j] = c
      value[i * k + j] = lift * basket * 0.4 - c
      feasible[i * k + j] = rng.next() < 0.95 ? 1 : 0
    }
  }
  return { n, k, value, cost, feasible }
}

/** Times buildCandidates on n customers × 24 offers × 8 samples of a seeded synthetic response. */
function timeCandidates(n: number, seed: number): number {
  // 6 percent levels, 3 fixed amounts and 3 spend-X tiers, whole shop and favourite category: 24 offers.
  const menu = { percent: [5, 10, 15, 20, 25, 30], fixed: [5, 10, 15], freeShipping: false, spendSave: [{ minSpend: 50, save: 10 }, { minSpend: 80, save: 15 }, { minSpend: 120, save: 25 }], scopes: ['category' as const] }
  const offers = expandOfferMenu(menu, 0.4)
  const K = offers.length
  if (K !== 24) throw new Error(`planner bench: expected 24 offers, menu gives ${K}`)
  const S = 8
  const rng = createRng(deriveSeed(seed, 'planner bench candidates'))
  const col = (f: () => number): Float64Array => Float64Array.from({ length: n }, f)
  const effect = new Float32Array(n * K * S)
  for (let c = 0; c < effect.length; c++) effect[c] = (rng.next() - 0.3) * 0.8
  const t = performance.now()
  buildCandidates({
    offers,
    pWithout: col(() => rng.next() ** 2),
    orderValue: col(() => 20 + rng.next() * 120),
    margin: col(() => 0.4),
    shipping: col(() => (rng.next() < 0.5 ? 4.95 : 0)),
    scopeShare: { category: col(() => rng.next()), product: col(() => rng.next() * 0.5) },
    effect,
    samples: S,
    redeemShare: 0.8,
    quantile: 0.2,
  })
  return performance.now() - t
}

/** The textbook method without the hull: bisection over λ on the full matrix, then a sorted greedy fill. */
export function naiveSolve(m: ChoiceMatrix, budget: number): { value: number; cost: number } {
  const { n, k: K } = m
  const choice = new Int32Array(n)
  const pick = (lambda: number): number => {
    let total = 0
    for (let i = 0; i < n; i++) {
      let best = -1
      let score = 0
      for (let j = 0; j < K; j++) {
        const c = i * K + j
        if (!m.feasible[c] || !(m.value[c] > 0)) continue
        const s = m.value[c] - lambda * m.cost[c]
        if (s > score) {
          score = s
          best = j
        }
      }
      choice[i] = best
      if (best >= 0) total += m.cost[i * K + best]
    }
    return total
  }
  let lo = 0
  let hi = 0
  for (let c = 0; c < n * K; c++) if (m.feasible[c] && m.cost[c] > 0) hi = Math.max(hi, m.value[c] / m.cost[c])
  hi = hi * 1.01 + 1
  if (pick(0) > budget) {
    for (let step = 0; step < 40; step++) {
      const mid = (lo + hi) / 2
      if (pick(mid) <= budget) hi = mid
      else lo = mid
    }
  } else hi = 0
  let total = pick(hi)
  // Greedy fill: every upgrade from the current choice, best value per cost first.
  const pairs: { i: number; j: number; dv: number; dc: number; ratio: number }[] = []
  for (let i = 0; i < n; i++) {
    const cv = choice[i] >= 0 ? m.value[i * K + choice[i]] : 0
    const cc = choice[i] >= 0 ? m.cost[i * K + choice[i]] : 0
    for (let j = 0; j < K; j++) {
      const c = i * K + j
      if (!m.feasible[c] || !(m.value[c] > cv)) continue
      const dc = m.cost[c] - cc
      pairs.push({ i, j, dv: m.value[c] - cv, dc, ratio: dc > 0 ? (m.value[c] - cv) / dc : Infinity })
    }
  }
  pairs.sort((a, b) => b.ratio - a.ratio)
  const touched = new Uint8Array(n)
  for (const p of pairs) {
    if (touched[p.i] || total + p.dc > budget) continue
    total += p.dc
    choice[p.i] = p.j
    touched[p.i] = 1
  }
  let value = 0
  let cost = 0
  for (let i = 0; i < n; i++) if (choice[i] >= 0) {
    value += m.value[i * K + choice[i]]
    cost += m.cost[i * K + choice[i]]
  }
  return { value, cost }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

export function plannerBench(seed = 1): PlannerBenchResult {
  const m = syntheticMatrix(N, K, seed)
  let t = performance.now()
  const plan = prepare(m)
  const prepareMs = performance.now() - t
  // Budgets across the useful range, skipping 0 (nothing to time there).
  const budgets = Array.from({ length: BUDGETS }, (_, a) => (plan.maxUsefulCost * (a + 1)) / (BUDGETS + 1))
  plan.solve(budgets[0]) // warm the JIT once, as the slider would after the first move
  const solveMs: number[] = []
  const naiveMs: number[] = []
  let maxProfitGap = 0
  for (let a = 0; a < budgets.length; a++) {
    t = performance.now()
    const s = plan.solve(budgets[a])
    solveMs.push(performance.now() - t)
    if (s.cost > budgets[a]) throw new Error(`planner bench: solve overspent at budget ${budgets[a]}`)
    if (a % NAIVE_EVERY !== NAIVE_EVERY - 1) continue
    t = performance.now()
    const ref = naiveSolve(m, budgets[a])
    naiveMs.push(performance.now() - t)
    if (ref.cost > budgets[a]) throw new Error(`planner bench: reference overspent at budget ${budgets[a]}`)
    maxProfitGap = Math.max(maxProfitGap, Math.abs(s.value - ref.value) / Math.max(1, Math.abs(ref.value)))
  }
  t = performance.now()
  plan.frontier(defaultFrontierBudgets(plan.maxUsefulCost))
  const frontierMs = performance.now() - t
  const candidatesMs = timeCandidates(N, seed)
  const r3 = (x: number): number => Math.round(x * 1000) / 1000
  return {
    customers: N,
    offers: K,
    payingCustomers: plan.solve(Infinity).coupons,
    prepareMs: r3(prepareMs),
    solveMedianMs: r3(median(solveMs)),
    solveMaxMs: r3(Math.max(...solveMs)),
    frontierMs: r3(frontierMs),
    naiveMedianMs: r3(median(naiveMs)),
    naiveBudgets: naiveMs.length,
    speedup: r3(median(naiveMs) / median(solveMs)),
    maxProfitGap: Math.round(maxProfitGap * 1e6) / 1e6,
    candidatesMs: r3(candidatesMs),
    goal: 're-plan of 100k customers x 24 offers in <= 200 ms; same profit as the reference within 0.1 %',
  }
}

export function printPlannerBench(r: PlannerBenchResult): void {
  const f = new Intl.NumberFormat('en')
  console.log(`Planner: ${f.format(r.customers)} customers × ${r.offers} offers (synthetic, seeded; ${f.format(r.payingCustomers)} with an offer that pays)`)
  console.log(`  candidates (n × 24 × 8 samples, once) ${r.candidatesMs.toFixed(0)} ms   (plan creation, not re-plan)`)
  console.log(`  prepare (hulls + slope sort, once)   ${r.prepareMs.toFixed(1)} ms`)
  console.log(`  re-plan (solve one budget)           ${r.solveMedianMs.toFixed(1)} ms median, ${r.solveMaxMs.toFixed(1)} ms max over 20 budgets`)
  console.log(`  frontier (24 budgets, one sweep)     ${r.frontierMs.toFixed(1)} ms`)
  console.log(`  naive reference (40 λ steps × n×k + sorted fill)  ${r.naiveMedianMs.toFixed(0)} ms median over ${r.naiveBudgets} budgets: ${r.speedup.toFixed(0)}x slower`)
  console.log(`  largest profit gap to the reference  ${(r.maxProfitGap * 100).toFixed(4)} %`)
}

if (/planner-bench\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  const r = plannerBench()
  printPlannerBench(r)
  if (r.maxProfitGap > 0.001) process.exitCode = 1
}
