/**
 * How a customer is named on every screen: by what the shop itself knows them
 * as (name, e-mail, the shop's own customer id), never by the store's row
 * number, which means nothing to the merchant.
 */
import { t } from './i18n/i18n.svelte'

export interface CustomerIdentity {
  shopId: string | null
  name: string | null
  email: string | null
}

/** The customer's name, else e-mail, else "Customer 14911" with the shop's own id. */
export function customerTitle(customer: CustomerIdentity): string {
  const name = customer.name?.trim()
  if (name) return name
  const email = customer.email?.trim()
  if (email) return email
  const id = customer.shopId?.trim()
  return id ? t('customers.byShopId', { id }) : t('customers.unknown')
}

/** What the title does not already say: "ID 14911 · ann@example.com". */
export function customerSubtitle(customer: CustomerIdentity): string {
  const title = customerTitle(customer)
  const parts: string[] = []
  const id = customer.shopId?.trim()
  if (id && title !== t('customers.byShopId', { id })) parts.push(t('customers.shopIdShort', { id }))
  const email = customer.email?.trim()
  if (email && email !== title) parts.push(email)
  return parts.join(' · ')
}
