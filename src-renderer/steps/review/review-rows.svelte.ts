/**
 * The plan's rows as the Review table needs them: filter, sort and search go
 * to the engine (plan/rows); pages are fetched as the table scrolls to them
 * and kept until the view changes. Answers for an older view are dropped.
 */
import type { PlanGroup, PlanRow, PlanRowFilter, PlanRowSort, OfferScope } from '../../../src-main/engine/planner/planner-api'
import { api } from '../../lib/api'

export const PAGE_SIZE = 100
export const SORTS: readonly PlanRowSort[] = ['profit', 'p-buy', 'cost', 'name']
const SEARCH_DELAY_MS = 250

export class ReviewRows {
  planId = $state<number | null>(null)
  sort = $state<PlanRowSort>('profit')
  group = $state<PlanGroup | ''>('')
  offerId = $state('')
  segment = $state('')
  scope = $state<OfferScope | ''>('')
  profitPositive = $state(false)
  /** The search box as typed; `query` is what the rows are for. */
  search = $state('')
  query = $state('')
  total = $state(0)
  loaded = $state(false)
  error = $state<unknown>(null)
  /** Pages by index. Replaced, never mutated in place, so a 100k-row view is not made deeply reactive. */
  pages = $state.raw<Record<number, PlanRow[]>>({})
  /** Bumped when the view (filter, sort, search) changes: the table scrolls back to the top. */
  view = $state(0)

  private generation = 0
  private inFlight = new Set<number>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private lastRange: [number, number] = [0, PAGE_SIZE]

  readonly filter = $derived<PlanRowFilter>({
    ...(this.group ? { group: this.group } : {}),
    ...(this.offerId ? { offerId: this.offerId } : {}),
    ...(this.segment ? { segment: this.segment } : {}),
    ...(this.scope ? { scope: this.scope } : {}),
    ...(this.profitPositive ? { profitPositive: true } : {}),
    ...(this.query ? { search: this.query } : {}),
  })

  readonly filtered = $derived(Object.keys(this.filter).length > 0)

  rowAt = (index: number): PlanRow | undefined => this.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE]

  /** Which plan to show; a different plan starts from the top. */
  show(planId: number): void {
    if (planId === this.planId) return
    this.planId = planId
    this.changed()
  }

  setSort(sort: PlanRowSort): void {
    this.sort = sort
    this.changed()
  }

  setFilter(change: Partial<Pick<ReviewRows, 'group' | 'offerId' | 'segment' | 'scope' | 'profitPositive'>>): void {
    Object.assign(this, change)
    this.changed()
  }

  clearFilters(): void {
    this.group = ''
    this.offerId = ''
    this.segment = ''
    this.scope = ''
    this.profitPositive = false
    this.search = ''
    this.query = ''
    this.changed()
  }

  setSearch(text: string): void {
    this.search = text
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      const query = text.trim()
      if (query === this.query) return
      this.query = query
      this.changed()
    }, SEARCH_DELAY_MS)
  }

  /** The plan changed under the same view (a lock, a new budget): refetch what is on screen, keep the scroll. */
  refresh(): void {
    this.generation += 1
    this.inFlight.clear()
    const [start, end] = this.lastRange
    void this.fetchRange(start, end, true)
  }

  /** The table shows rows start..end: fetch the pages they fall in. */
  ensure(start: number, end: number): void {
    this.lastRange = [start, end]
    void this.fetchRange(start, end, false)
  }

  private changed(): void {
    this.generation += 1
    this.inFlight.clear()
    this.pages = {}
    this.loaded = false
    this.view += 1
    this.lastRange = [0, PAGE_SIZE]
    void this.fetchRange(0, PAGE_SIZE, false)
  }

  private async fetchRange(start: number, end: number, replace: boolean): Promise<void> {
    const planId = this.planId
    if (planId === null) return
    const first = Math.floor(start / PAGE_SIZE)
    const last = Math.floor(Math.max(start, end - 1) / PAGE_SIZE)
    const wanted: number[] = []
    for (let page = first; page <= last; page++) if ((replace || !this.pages[page]) && !this.inFlight.has(page)) wanted.push(page)
    if (wanted.length === 0) return
    const generation = this.generation
    const filter = this.filter
    const sort = this.sort
    for (const page of wanted) this.inFlight.add(page)
    try {
      const results = await Promise.all(
        wanted.map((page) => api.call('plan/rows', { planId, filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })),
      )
      if (generation !== this.generation) return
      // A refresh drops the pages it did not refetch: their rows may have moved.
      const pages: Record<number, PlanRow[]> = replace ? {} : { ...this.pages }
      wanted.forEach((page, at) => (pages[page] = results[at]?.rows ?? []))
      this.pages = pages
      this.total = results[results.length - 1]?.total ?? this.total
      this.loaded = true
      this.error = null
    } catch (error) {
      if (generation === this.generation) this.error = error
    } finally {
      if (generation === this.generation) for (const page of wanted) this.inFlight.delete(page)
    }
  }
}

export const reviewRows = new ReviewRows()
