/**
 * A category as the merchant reads it. Categories the shop's files name are
 * shown as written; ones Offerwise derived from product names ("holder",
 * "cakestand") are capitalised and marked as derived, so nobody mistakes them
 * for the shop's own catalogue.
 */
import { t } from './i18n/i18n.svelte'

export function categoryLabel(name: string, derived: boolean): string {
  if (!derived) return name
  const readable = name.charAt(0).toLocaleUpperCase() + name.slice(1)
  return t('category.derived', { name: readable })
}
