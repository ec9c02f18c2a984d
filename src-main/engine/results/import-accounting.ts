/**
 * What one imported file did for one campaign (the Results step's import, issue 8 §4): the import's
 * own accounting says what became of every row; this says which rows now count for the campaign.
 *
 * Redemption files (results/redemption-writer.ts): codes credited to this campaign's members, to
 * other campaigns' members, and the rejects by reason (no member holds the code, the code was used by
 * another e-mail, the date is outside the window, a shared code nobody can be told from, others).
 *
 * Order files: the sale orders the file added inside the window, by the campaign's treated members,
 * by its holdout (the counterfactual) and by customers outside the campaign; orders carrying one of
 * the campaign's codes, credited when its holder (or a guest checkout, for a code only one member
 * holds) placed them, and reported, never credited, when another customer did (campaigns/outcomes.ts).
 * Orders the file only repeated were added by an earlier file, so they are not counted again here.
 */
import type Database from 'better-sqlite3'
import { EngineError } from '../api-schema'
import { orderCodes } from '../campaigns/outcomes'
import { SALE_ORDER } from '../features/sql-conditions'
import type { ResultsImportAccounting } from './results-api'

const REJECT_REASONS = {
  'redemption.unknown-code': 'unknownCode',
  'redemption.other-customer': 'otherCustomer',
  'redemption.outside-window': 'outsideWindow',
  'redemption.shared-code': 'sharedCode',
} as const

export function importAccounting(db: Database.Database, campaignId: number, batchId: number): ResultsImportAccounting {
  const batch = db.prepare('SELECT id, record_kind AS kind, status FROM import_batches WHERE id = ?').get(batchId) as { id: number; kind: string; status: string } | undefined
  if (!batch) throw new EngineError('import.batch-not-found', `There is no import number ${batchId}.`, { batchId })
  const campaign = db.prepare('SELECT id, sent_at AS sentAt, expires_at AS expiresAt FROM campaigns WHERE id = ?').get(campaignId) as { id: number; sentAt: string; expiresAt: string } | undefined
  if (!campaign) throw new EngineError('results.campaign-not-found', `There is no campaign number ${campaignId}.`, { campaignId })

  if (batch.kind === 'redemptions') {
    const credited = db.prepare('SELECT campaign_id = ? AS own, COUNT(*) AS n FROM redemptions WHERE batch_id = ? GROUP BY campaign_id = ?').all(campaignId, batchId, campaignId) as { own: number; n: number }[]
    const rejects = db.prepare('SELECT code, COUNT(*) AS n FROM import_rejects WHERE batch_id = ? GROUP BY code').all(batchId) as { code: string; n: number }[]
    const reasons = { unknownCode: 0, otherCustomer: 0, outsideWindow: 0, sharedCode: 0, other: 0 }
    for (const r of rejects) reasons[(REJECT_REASONS as Record<string, keyof typeof reasons>)[r.code] ?? 'other'] += r.n
    return {
      batchId,
      campaignId,
      kind: 'redemptions',
      redemptions: {
        matched: credited.find((c) => c.own === 1)?.n ?? 0,
        otherCampaigns: credited.find((c) => c.own === 0)?.n ?? 0,
        ...reasons,
      },
      orders: null,
    }
  }
  if (batch.kind !== 'orders' && batch.kind !== 'order-lines') {
    throw new EngineError('results.import-not-orders', 'This file holds neither orders nor redemptions, so it tells nothing about what the campaign did. Import it in the Import step.', { batchId, kind: batch.kind })
  }

  const members = db.prepare('SELECT customer_id AS customerId, arm, UPPER(TRIM(code)) AS code FROM campaign_members WHERE campaign_id = ?').all(campaignId) as { customerId: number; arm: 'treatment' | 'control'; code: string | null }[]
  const armOf = new Map(members.map((m) => [m.customerId, m.arm]))
  const holderOf = new Map(members.filter((m) => m.code).map((m) => [m.code as string, m.customerId]))
  const holders = new Map(
    (db.prepare(`SELECT UPPER(TRIM(code)) AS code, COUNT(*) AS n FROM campaign_members WHERE code IS NOT NULL AND TRIM(code) <> '' GROUP BY UPPER(TRIM(code))`).all() as { code: string; n: number }[]).map((r) => [r.code, r.n]),
  )
  const orders = db
    .prepare(`SELECT o.customer_id AS customerId, o.discount_code AS code FROM orders o WHERE o.batch_id = ? AND o.ordered_at >= ? AND o.ordered_at <= ? AND ${SALE_ORDER}`)
    .all(batchId, campaign.sentAt, campaign.expiresAt) as { customerId: number | null; code: string | null }[]
  const counts = { inWindow: orders.length, treatment: 0, holdout: 0, others: 0, codeMatched: 0, codeOtherCustomer: 0 }
  for (const order of orders) {
    const arm = order.customerId === null ? undefined : armOf.get(order.customerId)
    if (arm === 'treatment') counts.treatment++
    else if (arm === 'control') counts.holdout++
    else counts.others++
    const campaignCodes = orderCodes(order.code).filter((code) => holderOf.has(code))
    if (campaignCodes.length === 0) continue
    const byHolder = campaignCodes.some((code) => holderOf.get(code) === order.customerId || (order.customerId === null && holders.get(code) === 1))
    if (byHolder) counts.codeMatched++
    else counts.codeOtherCustomer++
  }
  return { batchId, campaignId, kind: 'orders', redemptions: null, orders: counts }
}
