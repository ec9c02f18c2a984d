/** The `--truth` CSV: every latent trait per customer, flat, for spreadsheets. truth.json is the oracle's. */
import { isoDate } from '../calendar'
import { CATEGORIES, slug } from '../catalogue'
import type { Customer } from '../customers'
import { csvCell } from './csv'

/** Ground truth for evaluating models; not part of the shop files. */
export function truthCsv(customers: readonly Customer[]): string {
  const header = ['customer_id', 'email', 'segment', 'orders_per_year', 'dropout', 'discount_sensitivity', 'response_type', 'tau', 'active_at_end', 'acquired_on', 'acquired_in_sale', 'buyer', ...CATEGORIES.map((c) => `taste_${slug(c)}`), 'winback_sent', 'vip_sent', 'campaigns']
  const rows = customers.map((c) => [
    c.id, c.email, c.segment, c.rate.toFixed(4), c.dropout.toFixed(4), c.sensitivity.toFixed(4), c.responseType, c.tau.toFixed(3), String(c.activeAtEnd), isoDate(c.acquiredDay), String(c.acquiredInSale), String(c.buyer),
    ...c.taste.map((t) => t.toFixed(4)), c.winbacksReceived.map(isoDate).join(' '), c.vipReceived.map(isoDate).join(' '),
    c.campaigns.map((m) => `${m.campaign.id}:${m.arm === 'control' ? 'control' : m.percent}`).join(' '),
  ])
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\n') + '\n'
}
