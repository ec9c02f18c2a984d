/**
 * The customer open in the Review drill-down, and what the merchant does to
 * their row: lock it to an offer, exclude it, or clear the lock. Each action
 * re-solves the plan around the lock (plan/lock answers with the new plan).
 */
import type { Plan, PlanRow } from '../../../src-main/engine/planner/planner-api'
import { api } from '../../lib/api'
import { planOffers } from '../plan/plan-words'

export type LockChoice = { kind: 'offer'; offerId: string } | { kind: 'exclude' } | null

class ReviewSelection {
  row = $state<PlanRow | null>(null)
  busy = $state(false)
  error = $state<unknown>(null)

  open(row: PlanRow): void {
    this.row = row
    this.error = null
  }

  close(): void {
    this.row = null
    this.error = null
  }

  /** Fresh rows arrived: show the open customer's new figures if they are among them. */
  update(rows: readonly PlanRow[]): void {
    const open = this.row
    if (!open) return
    const fresh = rows.find((row) => row.customerId === open.customerId)
    if (fresh && fresh !== open) this.row = fresh
  }

  async lock(planId: number, choice: LockChoice, plan: Plan, onPlan: (plan: Plan) => void): Promise<void> {
    const row = this.row
    if (!row || this.busy) return
    this.busy = true
    this.error = null
    try {
      const next = await api.call('plan/lock', { planId, customerId: row.customerId, lock: choice })
      // Until the refetched row arrives, show what the lock means.
      if (this.row?.customerId === row.customerId) {
        const offer = choice?.kind === 'offer' ? (planOffers(plan).find((offer) => offer.id === choice.offerId) ?? row.offer) : choice?.kind === 'exclude' ? null : row.offer
        this.row = { ...row, lock: choice?.kind ?? null, offer, group: choice?.kind === 'exclude' ? 'none' : choice?.kind === 'offer' && row.group === 'none' ? 'treatment' : row.group }
      }
      onPlan(next)
    } catch (error) {
      this.error = error
    } finally {
      this.busy = false
    }
  }
}

export const reviewSelection = new ReviewSelection()
