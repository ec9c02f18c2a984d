/**
 * The plan channels behind every face. Plans are made in a job (it may learn
 * the response model); everything after that — the budget slider, locks,
 * the review table, approval — is served from a loaded plan in memory.
 */
import type Database from 'better-sqlite3'
import { EngineError } from '../api-schema'
import { shopCurrency } from '../data/shop-currency'
import { buildPlan, type BuildProgress } from './build-plan'
import { PlanCache, type LoadedPlan } from './loaded-plan'
import type { Plan, PlanCalls, PlanListItem, PlanSettings } from './planner-api'
import { PlanSolver } from './plan-solution'
import { listPlans, saveLock, savePlan, saveSolution } from './plan-store'
import { planListItems, planRows, toPlan } from './plan-views'
import { approvePlan } from './approve-plan'

type Args<C extends keyof PlanCalls> = PlanCalls[C]['args']

/** Builds, solves and saves a new plan; returns its id. Runs inside the plan job. */
export function createPlan(db: Database.Database, settings: PlanSettings, progress?: BuildProgress, isCancelled?: () => boolean): number {
  const built = buildPlan(db, settings, progress, isCancelled)
  const solver = new PlanSolver(
    built.matrix,
    built.customers.map((c) => ({
      standing: c.standing,
      segment: c.segment,
      orderValue: c.facts.orderValue,
      pWithout: c.pWithout,
      topProducts: c.facts.topProducts,
      linesPerOrder: c.facts.linesPerOrder,
      lockKind: null,
      lockOffer: null,
    })),
  )
  const exclusionCounts: Record<string, number> = { unscored: built.unscored }
  for (const c of built.customers) if (c.exclusion) exclusionCounts[c.exclusion] = (exclusionCounts[c.exclusion] ?? 0) + 1
  const solved = solver.solve(settings.budget, settings.budgetMode, exclusionCounts)
  return savePlan(db, built, { ...settings, startsAt: built.startsAt }, shopCurrency(db).code, solved)
}

export class PlanService {
  private readonly cache = new PlanCache()

  constructor(private readonly db: Database.Database) {}

  private draft(planId: number): LoadedPlan {
    const plan = this.cache.get(this.db, planId)
    if (plan.record.status !== 'draft') throw new EngineError('plan.approved', `Plan ${planId} is approved and can no longer change.`, { planId })
    return plan
  }

  resolve(args: Args<'plan/resolve'>): Plan {
    const plan = this.draft(args.planId)
    plan.record = { ...plan.record, settings: { ...plan.record.settings, budget: args.budget, budgetMode: args.budgetMode ?? plan.record.settings.budgetMode } }
    const solved = plan.solve()
    saveSolution(this.db, plan.record.id, plan.record.settings, solved)
    return toPlan(plan)
  }

  get(args: Args<'plan/get'>): Plan {
    return toPlan(this.cache.get(this.db, args.planId))
  }

  list(): PlanListItem[] {
    return planListItems(listPlans(this.db))
  }

  rows(args: Args<'plan/rows'>): ReturnType<typeof planRows> {
    return planRows(this.cache.get(this.db, args.planId), args.filter, args.sort, args.offset, args.limit)
  }

  lock(args: Args<'plan/lock'>): Plan {
    const plan = this.draft(args.planId)
    const row = plan.rowOf(args.customerId)
    if (row < 0) throw new EngineError('plan.customer-not-in-plan', `That customer is not part of plan ${args.planId}.`, { planId: args.planId })
    const customer = plan.customers[row]
    if (args.lock?.kind === 'offer') {
      const lock = args.lock
      const k = plan.matrix.offers.findIndex((o) => o.id === lock.offerId)
      if (k < 0) throw new EngineError('plan.unknown-offer', `Plan ${args.planId} has no offer "${lock.offerId}".`, { offerId: lock.offerId })
      if (customer.standing !== 'eligible') throw new EngineError('plan.not-eligible', 'This customer is held out or excluded, so no coupon can be locked for them.', { standing: customer.standing })
      if (!plan.matrix.feasible[row * plan.matrix.k + k]) throw new EngineError('plan.offer-not-possible', 'That offer is not possible for this customer (it would sell below cost, go deeper than the maximum, or does not apply).', { offerId: lock.offerId })
      customer.lockKind = 'offer'
      customer.lockOffer = k
    } else if (args.lock?.kind === 'exclude') {
      customer.lockKind = 'exclude'
      customer.lockOffer = null
    } else {
      customer.lockKind = null
      customer.lockOffer = null
    }
    this.db.transaction(() => {
      saveLock(this.db, args.planId, row, customer.lockKind, customer.lockOffer)
      saveSolution(this.db, args.planId, plan.record.settings, plan.solve())
    })()
    return toPlan(plan)
  }

  approve(args: Args<'plan/approve'>): Plan {
    const plan = this.draft(args.planId)
    approvePlan(this.db, plan)
    this.cache.forget(args.planId)
    return toPlan(this.cache.get(this.db, args.planId))
  }
}
