/**
 * The scored customer list: search (debounced), sort and page, each change
 * one customers/list call. Answers that arrive after a newer request are
 * dropped, so fast typing never shows an older search's rows.
 */
import type { CustomerScore, CustomerSort } from '../../../src-main/engine/api'
import { api } from '../../lib/api'

export const PAGE_SIZE = 50
export const SORTS: readonly CustomerSort[] = ['p-buy', 'spend', 'recent', 'discount-sensitivity']
const SEARCH_DELAY_MS = 300

class CustomerList {
  /** What is in the search box right now. */
  search = $state('')
  /** The search the rows are for (the box, once typing pauses). */
  query = $state('')
  sort = $state<CustomerSort>('p-buy')
  page = $state(0)
  total = $state(0)
  rows = $state<CustomerScore[]>([])
  loading = $state(false)
  /** Whether rows have arrived at least once (so an empty list means "no match", not "not asked yet"). */
  loaded = $state(false)
  error = $state<unknown>(null)

  readonly pages = $derived(Math.max(1, Math.ceil(this.total / PAGE_SIZE)))
  private latest = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  setSearch(text: string): void {
    this.search = text
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      const query = text.trim()
      if (query === this.query) return
      this.query = query
      this.page = 0
      void this.load()
    }, SEARCH_DELAY_MS)
  }

  setSort(sort: CustomerSort): void {
    if (sort === this.sort) return
    this.sort = sort
    this.page = 0
    void this.load()
  }

  goTo(page: number): void {
    const next = Math.min(Math.max(0, page), this.pages - 1)
    if (next === this.page) return
    this.page = next
    void this.load()
  }

  async load(): Promise<void> {
    const request = ++this.latest
    this.loading = true
    this.error = null
    try {
      const result = await api.call('customers/list', {
        search: this.query,
        sort: this.sort,
        offset: this.page * PAGE_SIZE,
        limit: PAGE_SIZE,
      })
      if (request !== this.latest) return
      this.rows = result.rows
      this.total = result.total
      this.loaded = true
    } catch (error) {
      if (request === this.latest) this.error = error
    } finally {
      if (request === this.latest) this.loading = false
    }
  }
}

export const customerList = new CustomerList()
