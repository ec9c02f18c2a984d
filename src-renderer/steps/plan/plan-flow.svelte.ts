/**
 * The Plan step's model: the current plan, the job that makes one, and the
 * live re-solve behind the budget slider. A module singleton like the learn
 * flow, so leaving the step (for Review) and coming back keeps everything;
 * the Review step reads and updates the same plan.
 */
import type { JobOutcome } from '../../../src-main/engine/api'
import type { Plan } from '../../../src-main/engine/planner/planner-api'
import { api } from '../../lib/api'
import { cancelJob, jobs } from '../../lib/stores/jobs.svelte'
import { PlanSettingsForm } from './plan-settings.svelte'

/** The slider re-solves once it rests this long (the engine answers well inside 200 ms). */
export const RESOLVE_DELAY_MS = 100

export type PlanNotice = Extract<JobOutcome, { status: 'cancelled' } | { status: 'failed' }>

class PlanFlow {
  readonly form = new PlanSettingsForm()
  plan = $state<Plan | null>(null)
  /** False until the latest stored plan has been looked for once. */
  loaded = $state(false)
  loadError = $state<unknown>(null)
  jobId = $state<string | null>(null)
  starting = $state(false)
  cancelling = $state(false)
  startError = $state<unknown>(null)
  notice = $state<PlanNotice | null>(null)
  /** A re-solve for a new budget is under way. */
  resolving = $state(false)
  resolveError = $state<unknown>(null)
  /** Bumped whenever the plan's rows may have changed (new plan, re-solve, lock): Review reloads. */
  version = $state(0)

  readonly running = $derived(this.starting || this.jobId !== null)
  readonly progress = $derived(this.jobId ? (jobs.progress[this.jobId] ?? null) : null)
  readonly approved = $derived(this.plan?.status === 'approved')
  /** The slider's top: where extra budget stops buying anything (the frontier's largest useful cost). */
  readonly maxBudget = $derived.by(() => {
    const frontier = this.plan?.frontier ?? []
    const top = Math.max(0, ...frontier.map((point) => point.cost), ...frontier.map((point) => point.budget))
    return top > 0 ? top : Math.max(this.form.budget, 1)
  })

  private timer: ReturnType<typeof setTimeout> | undefined
  private latestResolve = 0

  /** The newest stored plan, if any, with its settings back in the form. */
  async load(): Promise<void> {
    this.loadError = null
    try {
      const list = await api.call('plan/list', {})
      const newest = list.toSorted((a, b) => b.id - a.id)[0]
      if (newest && newest.id !== this.plan?.id) this.setPlan(await api.call('plan/get', { planId: newest.id }), true)
    } catch (error) {
      this.loadError = error
    } finally {
      this.loaded = true
    }
  }

  adoptRunning(): void {
    if (this.running) return
    const running = jobs.running('plan' as never)
    if (running) this.follow(running.jobId)
  }

  async create(): Promise<void> {
    if (this.running) return
    this.notice = null
    this.startError = null
    this.starting = true
    try {
      await api.eventsReady()
      const { jobId } = await api.call('plan/create', this.form.toSettings())
      this.follow(jobId)
    } catch (error) {
      this.startError = error
    } finally {
      this.starting = false
    }
  }

  cancel(): Promise<void> {
    return cancelJob(this)
  }

  dismissNotice(): void {
    this.notice = null
  }

  /** The slider or box moved: show the number at once, re-solve once it rests. */
  setBudget(budget: number): void {
    this.form.budget = Math.max(0, budget)
    this.scheduleResolve()
  }

  setBudgetMode(mode: Plan['settings']['budgetMode']): void {
    this.form.budgetMode = mode
    this.scheduleResolve()
  }

  /** After a lock: the engine answers with the re-solved plan. */
  replace(plan: Plan): void {
    this.setPlan(plan, false)
  }

  private scheduleResolve(): void {
    clearTimeout(this.timer)
    if (!this.plan || this.approved) return
    this.timer = setTimeout(() => void this.resolve(), RESOLVE_DELAY_MS)
  }

  async resolve(): Promise<void> {
    const plan = this.plan
    if (!plan || this.approved) return
    const request = ++this.latestResolve
    this.resolving = true
    this.resolveError = null
    try {
      const next = await api.call('plan/resolve', { planId: plan.id, budget: this.form.budget, budgetMode: this.form.budgetMode })
      // A later move of the slider wins; an answer for an older budget is dropped.
      if (request === this.latestResolve) this.setPlan(next, false)
    } catch (error) {
      if (request === this.latestResolve) this.resolveError = error
    } finally {
      if (request === this.latestResolve) this.resolving = false
    }
  }

  private setPlan(plan: Plan, fillForm: boolean): void {
    this.plan = plan
    if (fillForm) this.form.fill(plan.settings)
    this.version += 1
  }

  private follow(jobId: string): void {
    this.jobId = jobId
    jobs.whenFinished(jobId, (finished) => void this.finish(finished.outcome))
  }

  private async finish(outcome: JobOutcome): Promise<void> {
    const ended = outcome as JobOutcome | { status: 'planned'; planId: number }
    try {
      if (ended.status === 'planned') {
        this.setPlan(await api.call('plan/get', { planId: ended.planId }), false)
      } else if (ended.status === 'cancelled' || ended.status === 'failed') {
        this.notice = ended
      }
    } catch (error) {
      this.startError = error
    } finally {
      this.jobId = null
      this.cancelling = false
    }
  }
}

export const planFlow = new PlanFlow()
