/**
 * A plan held in memory for the Plan and Review steps: the decision matrix
 * with its prepared solver, the customers and the latest choice. Loaded once
 * per plan, so the budget slider's re-solves cost one pass over the matrix.
 */
import type Database from 'better-sqlite3'
import type { CandidateMatrix } from './candidates'
import { PlanSolver, type Solved } from './plan-solution'
import { loadPlanCustomers, loadPlanMatrix, loadPlanRecord, type StoredCustomer, type StoredPlan } from './plan-store'

export class LoadedPlan {
  readonly solver: PlanSolver

  constructor(
    public record: StoredPlan,
    readonly customers: StoredCustomer[],
    readonly matrix: CandidateMatrix,
    public choice: Int32Array,
  ) {
    this.solver = new PlanSolver(
      matrix,
      customers.map((c) => ({
        standing: c.standing,
        segment: c.segment,
        orderValue: c.orderValue,
        pWithout: c.pWithout,
        topProducts: c.facts.topProducts,
        linesPerOrder: c.facts.linesPerOrder,
        // Live views: a lock changes the customer record, and the solver reads it at the next solve.
        get lockKind() {
          return c.lockKind
        },
        get lockOffer() {
          return c.lockOffer
        },
      })),
    )
  }

  static load(db: Database.Database, planId: number): LoadedPlan {
    const record = loadPlanRecord(db, planId)
    const customers = loadPlanCustomers(db, planId)
    const { matrix, choice } = loadPlanMatrix(db, planId, record.offers)
    return new LoadedPlan(record, customers, matrix, choice)
  }

  solve(): Solved {
    const solved = this.solver.solve(this.record.settings.budget, this.record.settings.budgetMode, this.record.solved.exclusionCounts)
    this.choice = solved.choice
    this.record = { ...this.record, solved }
    return solved
  }

  rowOf(customerId: number): number {
    const index = this.customers.findIndex((c) => c.customerId === customerId)
    return index
  }
}

/** Keeps the last few plans loaded; a plan is small next to the matrix it carries. */
export class PlanCache {
  private readonly plans = new Map<number, LoadedPlan>()

  constructor(private readonly limit = 3) {}

  get(db: Database.Database, planId: number): LoadedPlan {
    let plan = this.plans.get(planId)
    if (!plan) {
      plan = LoadedPlan.load(db, planId)
      this.plans.set(planId, plan)
      while (this.plans.size > this.limit) this.plans.delete(this.plans.keys().next().value as number)
    }
    return plan
  }

  forget(planId: number): void {
    this.plans.delete(planId)
  }
}

export type { StoredCustomer }
