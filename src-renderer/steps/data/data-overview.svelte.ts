/** The numbers behind the Data step, fetched fresh each time the step opens. */
import type { DataOverview } from '../../../src-main/engine/api'
import { api } from '../../lib/api'

class DataOverviewState {
  overview = $state<DataOverview | null>(null)
  loading = $state(false)
  error = $state<unknown>(null)

  readonly empty = $derived(
    this.overview !== null && this.overview.orders === 0 && this.overview.customers === 0 && this.overview.products === 0,
  )

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    try {
      this.overview = await api.call('data/overview', {})
    } catch (error) {
      this.error = error
    } finally {
      this.loading = false
    }
  }
}

export const dataOverview = new DataOverviewState()
