/**
 * campaigns.csv: one row per member of the randomised tests, control rows
 * included, without outcomes (the app derives them from the orders).
 */
import { isoDate } from '../calendar'
import type { Customer } from '../customers'
import { csvCell } from './csv'

export const CAMPAIGNS_HEADER = ['campaign_id', 'campaign_name', 'customer_id', 'email', 'group', 'discount_type', 'discount_value', 'min_spend', 'applies_to', 'sent_at', 'expires_at', 'code'] as const

export function campaignsCsv(customers: readonly Customer[]): string {
  const rows = customers.flatMap((c) => c.campaigns.map((m) => ({ c, m })))
  // Campaign by campaign, members in customer order.
  rows.sort((a, b) => a.m.campaign.sentDay - b.m.campaign.sentDay || a.c.index - b.c.index)
  const lines = rows.map(({ c, m }) =>
    [
      m.campaign.id,
      m.campaign.name,
      c.id, // the shop's id as in customers.csv, without the apostrophe Shopify adds for spreadsheets
      c.email,
      m.arm,
      m.arm === 'control' ? 'none' : 'percent',
      String(m.percent),
      '0',
      'all',
      `${isoDate(m.campaign.sentDay)} 00:00:00`,
      `${isoDate(m.campaign.sentDay + m.campaign.days - 1)} 23:59:59`,
      m.code,
    ].map(csvCell).join(','),
  )
  return [CAMPAIGNS_HEADER.join(','), ...lines].join('\n') + '\n'
}
