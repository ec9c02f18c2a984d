/**
 * What the faces see of a loaded plan: the Plan (summary, frontier,
 * breakdowns, response model) and its rows, filtered, sorted and paged in
 * memory (a plan holds at most the shop's customers; sorting 100k numbers is
 * quicker than a round trip through SQL), each with its reasons.
 */
import type { Plan, PlanGroup, PlanListItem, PlanRow, PlanRowFilter, PlanRowSort, Reason } from './planner-api'
import type { ExclusionRule } from './exclusions'
import type { LoadedPlan } from './loaded-plan'
import { excludedReasons, holdoutReasons, noCouponReasons, treatedReasons, type RowNumbers } from './reasons'
import type { listPlans } from './plan-store'

export function toPlan(plan: LoadedPlan): Plan {
  const r = plan.record
  return {
    id: r.id,
    status: r.status,
    createdAt: r.createdAt,
    approvedAt: r.approvedAt,
    runId: r.runId,
    currency: r.currency,
    settings: r.settings,
    offers: r.offers,
    startsAt: r.startsAt,
    expiresAt: r.expiresAt,
    summary: r.solved.summary,
    frontier: r.solved.frontier,
    bySegment: r.solved.bySegment,
    byOffer: r.solved.byOffer,
    demand: r.solved.demand,
    response: r.response,
    exclusionCounts: r.solved.exclusionCounts,
  }
}

export function groupOf(plan: LoadedPlan, row: number): PlanGroup {
  const c = plan.customers[row]
  if (c.standing === 'holdout') return 'holdout'
  return plan.choice[row] >= 0 ? 'treatment' : 'none'
}

export function rowNumbers(plan: LoadedPlan, row: number): RowNumbers {
  const m = plan.matrix
  const K = m.k
  const c = plan.customers[row]
  const k = plan.choice[row]
  let bestProfit = -Infinity
  let bestK = -1
  let anyFeasible = false
  let allLower = true
  for (let j = 0; j < K; j++) {
    const cell = row * K + j
    if (!m.feasible[cell]) continue
    anyFeasible = true
    if (m.pWithMean[cell] >= c.pWithout - 1e-9) allLower = false
    if (m.profitMean[cell] > bestProfit) {
      bestProfit = m.profitMean[cell]
      bestK = j
    }
  }
  const shown = k >= 0 ? k : bestK
  const cell = shown >= 0 ? row * K + shown : -1
  let deeper = null
  if (k >= 0) {
    const chosen = m.offers[k]
    for (let j = 0; j < K; j++) {
      const o = m.offers[j]
      if (j === k || o.type !== chosen.type || o.scope !== chosen.scope || o.value <= chosen.value || !m.feasible[row * K + j]) continue
      if (m.profitMean[row * K + j] < m.profitMean[row * K + k]) {
        deeper = o
        break
      }
    }
  }
  return {
    pWithout: c.pWithout,
    pWith: cell >= 0 ? m.pWithMean[cell] : c.pWithout,
    profit: cell >= 0 ? m.profitMean[cell] : 0,
    cost: cell >= 0 ? m.costMean[cell] : 0,
    bestProfit: anyFeasible ? bestProfit : 0,
    allLower: anyFeasible && allLower,
    deeperNotWorth: deeper,
  }
}

export function reasonsFor(plan: LoadedPlan, row: number): Reason[] {
  const c = plan.customers[row]
  const n = rowNumbers(plan, row)
  if (c.standing === 'excluded') return excludedReasons(c.exclusion as ExclusionRule, c.facts, plan.record.settings.exclusions.boughtWithinDays)
  if (c.standing === 'holdout') return holdoutReasons(plan.record.settings.holdoutShare)
  const k = plan.choice[row]
  if (k >= 0) return treatedReasons(c.facts, plan.matrix.offers[k], n, c.lockKind === 'offer')
  return noCouponReasons(c.lockKind === 'exclude', n)
}

export function planRow(plan: LoadedPlan, row: number): PlanRow {
  const c = plan.customers[row]
  const n = rowNumbers(plan, row)
  const k = plan.choice[row]
  const treated = k >= 0
  return {
    customerId: c.customerId,
    shopId: c.shopId,
    name: c.name,
    email: c.email,
    group: groupOf(plan, row),
    offer: treated ? plan.matrix.offers[k] : null,
    segment: c.segment,
    pBuyWithout: c.pWithout,
    pBuyWith: treated ? n.pWith : c.pWithout,
    expectedCost: treated ? round2(n.cost) : 0,
    expectedIncrementalProfit: treated ? round2(n.profit) : 0,
    lock: c.lockKind,
    reasons: reasonsFor(plan, row),
  }
}

export function planRows(plan: LoadedPlan, filter: PlanRowFilter, sort: PlanRowSort, offset: number, limit: number): { total: number; rows: PlanRow[] } {
  const m = plan.matrix
  const search = filter.search?.trim().toLowerCase() ?? ''
  const selected: number[] = []
  for (let row = 0; row < plan.customers.length; row++) {
    const c = plan.customers[row]
    const k = plan.choice[row]
    if (filter.group && groupOf(plan, row) !== filter.group) continue
    if (filter.offerId && (k < 0 || m.offers[k].id !== filter.offerId)) continue
    if (filter.scope && (k < 0 || m.offers[k].scope !== filter.scope)) continue
    if (filter.segment && c.segment !== filter.segment) continue
    if (filter.profitPositive && (k < 0 || m.profitMean[row * m.k + k] <= 0)) continue
    if (search !== '' && ![c.shopId, c.name, c.email].some((v) => v !== null && v.toLowerCase().includes(search))) continue
    selected.push(row)
  }
  const profit = (row: number): number => (plan.choice[row] >= 0 ? m.profitMean[row * m.k + plan.choice[row]] : -Infinity)
  const cost = (row: number): number => (plan.choice[row] >= 0 ? m.costMean[row * m.k + plan.choice[row]] : 0)
  const name = (row: number): string => {
    const c = plan.customers[row]
    return (c.name ?? c.email ?? c.shopId ?? '').toLowerCase()
  }
  const order: Record<PlanRowSort, (a: number, b: number) => number> = {
    profit: (a, b) => profit(b) - profit(a) || a - b,
    'p-buy': (a, b) => plan.customers[b].pWithout - plan.customers[a].pWithout || a - b,
    cost: (a, b) => cost(b) - cost(a) || a - b,
    name: (a, b) => name(a).localeCompare(name(b)) || a - b,
  }
  selected.sort(order[sort])
  return { total: selected.length, rows: selected.slice(offset, offset + limit).map((row) => planRow(plan, row)) }
}

export function planListItems(rows: ReturnType<typeof listPlans>): PlanListItem[] {
  return rows.map((r) => {
    const settings = JSON.parse(r.settingsJson) as { budget: number }
    const summary = JSON.parse(r.summaryJson) as { coupons: number; expectedIncrementalProfit: number }
    return { id: r.id, status: r.status, createdAt: r.createdAt, budget: settings.budget, coupons: summary.coupons, expectedIncrementalProfit: summary.expectedIncrementalProfit }
  })
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
