import type Database from 'better-sqlite3'

/** Hand-made campaign rows, written the way the campaign import stores them. */
export interface MemberSpec {
  customer: number
  arm?: 'treatment' | 'control'
  type?: 'percent' | 'fixed' | 'free_shipping' | 'spend_x_save_y' | 'none'
  value?: number
  sentAt?: string
  expiresAt?: string
  code?: string | null
  redeemed?: boolean | null
  orderKey?: string | null
  converted?: boolean | null
  revenue?: number | null
}

export function addCampaign(db: Database.Database, key: string, sentAt: string, expiresAt: string): number {
  return Number(
    db
      .prepare(`INSERT INTO campaigns (campaign_key, name, source, sent_at, expires_at, batch_id) VALUES (?, ?, 'imported', ?, ?, 1)`)
      .run(`file:${key}`, key, sentAt, expiresAt).lastInsertRowid,
  )
}

export function addMember(db: Database.Database, campaignId: number, spec: MemberSpec): number {
  const campaign = db.prepare('SELECT sent_at, expires_at FROM campaigns WHERE id = ?').get(campaignId) as { sent_at: string; expires_at: string }
  const flag = (value: boolean | null | undefined): number | null => (value === null || value === undefined ? null : value ? 1 : 0)
  return Number(
    db
      .prepare(`INSERT INTO campaign_members (campaign_id, customer_id, arm, discount_type, discount_value, sent_at, expires_at, code,
          redeemed, order_key, converted, revenue, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`)
      .run(
        campaignId, spec.customer, spec.arm ?? 'treatment', spec.type ?? 'percent', spec.value ?? 10,
        spec.sentAt ?? campaign.sent_at, spec.expiresAt ?? campaign.expires_at, spec.code ?? null,
        flag(spec.redeemed), spec.orderKey ?? null, flag(spec.converted), spec.revenue ?? null,
      ).lastInsertRowid,
  )
}
