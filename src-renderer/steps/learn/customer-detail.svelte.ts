/** One customer's page inside the Learn step: which customer is open and their details. */
import type { CustomerDetail } from '../../../src-main/engine/api'
import { api } from '../../lib/api'

class CustomerDetailState {
  /** The open customer; null shows the report and list instead. */
  customerId = $state<number | null>(null)
  detail = $state<CustomerDetail | null>(null)
  loading = $state(false)
  error = $state<unknown>(null)

  open(customerId: number): void {
    this.customerId = customerId
    this.detail = null
    void this.load()
  }

  close(): void {
    this.customerId = null
    this.detail = null
    this.error = null
  }

  async load(): Promise<void> {
    const customerId = this.customerId
    if (customerId === null) return
    this.loading = true
    this.error = null
    try {
      const detail = await api.call('customers/detail', { customerId })
      // The merchant may have gone back (or opened someone else) meanwhile.
      if (this.customerId === customerId) this.detail = detail
    } catch (error) {
      if (this.customerId === customerId) this.error = error
    } finally {
      if (this.customerId === customerId) this.loading = false
    }
  }
}

export const customerDetail = new CustomerDetailState()
