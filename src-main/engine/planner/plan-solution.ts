/**
 * One solve of a plan at a budget: who gets which offer, and every figure the
 * Plan step shows for it. The optimiser maximises the cautious profit under
 * the cautious cost (candidates.ts); the figures shown are the means, the
 * plan's expected outcome. Locks are forced choices the optimiser works around.
 */
import type { CandidateMatrix } from './candidates'
import type { FrontierPoint, PlanSettings, PlanSummary, Plan } from './planner-api'
import { defaultFrontierBudgets, FORCED_NONE, FREE, prepare, type PreparedPlan } from './solve'

export interface SolverCustomer {
  standing: 'eligible' | 'holdout' | 'excluded'
  segment: string
  orderValue: number
  lockKind: 'offer' | 'exclude' | null
  lockOffer: number | null
  pWithout: number
  topProducts: { productId: number; name: string; score: number }[]
  linesPerOrder: number
}

export interface Solved {
  choice: Int32Array
  summary: PlanSummary
  frontier: FrontierPoint[]
  bySegment: Plan['bySegment']
  byOffer: Plan['byOffer']
  demand: Plan['demand']
  exclusionCounts: Record<string, number>
}

/** Prepared solvers per budget mode, built once per loaded plan (the slider re-solves many times). */
export class PlanSolver {
  private readonly prepared = new Map<PlanSettings['budgetMode'], PreparedPlan>()

  constructor(
    readonly matrix: CandidateMatrix,
    readonly customers: readonly SolverCustomer[],
  ) {}

  private solverFor(mode: PlanSettings['budgetMode']): PreparedPlan {
    let solver = this.prepared.get(mode)
    if (!solver) {
      const m = this.matrix
      // The budget binds the cautious (upper-quantile) cost, and never less than the mean the summary shows,
      // so the plan's expected cost can never exceed the budget.
      const cost = mode === 'face-value' ? m.faceValue : m.costCautious.map((c, cell) => Math.max(c, m.costMean[cell]))
      solver = prepare({ n: m.n, k: m.k, value: m.profitCautious, cost, feasible: m.feasible })
      this.prepared.set(mode, solver)
    }
    return solver
  }

  solve(budget: number, mode: PlanSettings['budgetMode'], exclusionCounts: Record<string, number>): Solved {
    const m = this.matrix
    const eligible = new Uint8Array(m.n)
    const forced = new Int32Array(m.n).fill(FREE)
    this.customers.forEach((c, i) => {
      eligible[i] = c.standing === 'eligible' ? 1 : 0
      if (c.lockKind === 'exclude') forced[i] = FORCED_NONE
      else if (c.lockKind === 'offer' && c.lockOffer !== null) forced[i] = c.lockOffer
    })
    const solver = this.solverFor(mode)
    const solution = solver.solve(Math.max(0, budget), { eligible, forced })
    const budgets = defaultFrontierBudgets(solver.maxUsefulCost)
    const frontierPoints = solver.frontier(budgets, { eligible }).map((p) => ({ budget: p.budget, cost: p.cost, profit: p.value, coupons: p.coupons }))
    return { choice: solution.choice, ...this.figures(solution.choice, solution.value), frontier: frontierPoints, exclusionCounts }
  }

  /** The plan's expected outcome for a choice vector (means over the response ensemble). */
  figures(choice: Int32Array, cautiousProfit: number): Omit<Solved, 'choice' | 'frontier' | 'exclusionCounts'> {
    const m = this.matrix
    const K = m.k
    let coupons = 0
    let cost = 0
    let face = 0
    let extraOrders = 0
    let extraRevenue = 0
    let profit = 0
    let holdout = 0
    let eligible = 0
    let excluded = 0
    const segments = new Map<string, { coupons: number; cost: number; profit: number }>()
    const offers = new Map<number, { coupons: number; cost: number; profit: number }>()
    const demand = new Map<number, { name: string; units: number }>()
    for (let i = 0; i < m.n; i++) {
      const c = this.customers[i]
      if (c.standing === 'holdout') holdout++
      else if (c.standing === 'excluded') excluded++
      else eligible++
      const k = choice[i]
      if (k < 0) continue
      const cell = i * K + k
      const extra = m.pWithMean[cell] - c.pWithout
      coupons++
      cost += m.costMean[cell]
      face += m.faceValue[cell]
      extraOrders += extra
      extraRevenue += extra * c.orderValue
      profit += m.profitMean[cell]
      add(segments, c.segment, m.costMean[cell], m.profitMean[cell])
      add(offers, k, m.costMean[cell], m.profitMean[cell])
      // Extra units: the extra orders' lines spread over the products the affinity model expects them to buy.
      const weights = c.topProducts.reduce((sum, p) => sum + Math.max(0, p.score), 0)
      if (weights > 0 && extra > 0) {
        for (const p of c.topProducts) {
          const entry = demand.get(p.productId) ?? { name: p.name, units: 0 }
          entry.units += (extra * Math.max(1, c.linesPerOrder) * Math.max(0, p.score)) / weights
          demand.set(p.productId, entry)
        }
      }
    }
    const summary: PlanSummary = {
      coupons,
      holdout,
      eligible,
      excluded,
      expectedCost: round2(cost),
      faceValue: round2(face),
      expectedExtraOrders: Math.round(extraOrders * 100) / 100,
      expectedExtraRevenue: round2(extraRevenue),
      expectedIncrementalProfit: round2(profit),
      cautiousProfit: round2(cautiousProfit),
    }
    return {
      summary,
      bySegment: [...segments].map(([segment, v]) => ({ segment, coupons: v.coupons, cost: round2(v.cost), profit: round2(v.profit) })).sort((a, b) => b.profit - a.profit),
      byOffer: [...offers]
        .map(([k, v]) => ({ offerId: m.offers[k].id, offer: m.offers[k], coupons: v.coupons, cost: round2(v.cost), profit: round2(v.profit) }))
        .sort((a, b) => b.coupons - a.coupons),
      demand: [...demand]
        .map(([productId, v]) => ({ productId, name: v.name, extraUnits: Math.round(v.units * 10) / 10 }))
        .filter((d) => d.extraUnits >= 0.1)
        .sort((a, b) => b.extraUnits - a.extraUnits)
        .slice(0, 20),
    }
  }
}

function add<K>(map: Map<K, { coupons: number; cost: number; profit: number }>, key: K, cost: number, profit: number): void {
  const entry = map.get(key) ?? { coupons: 0, cost: 0, profit: 0 }
  entry.coupons++
  entry.cost += cost
  entry.profit += profit
  map.set(key, entry)
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
