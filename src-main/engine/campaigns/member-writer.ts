import type Database from 'better-sqlite3'
import { issue, type FileIssue } from '../shared/issue'
import type { ImportWriter, RowOutcome } from '../ingest/pipeline/import-writer'
import { sameValues, type MemberRecord, type MemberValues } from './member-record'
import { isWholeShop } from './member-vocabulary'

type Written = { ok: true; outcome: RowOutcome } | { ok: false; issue: FileIssue }

const CATEGORY_PREFIX = /^(?:category|cat|collection|品类|分类|类目)\s*[:：]\s*(.+)$/i
const SKU_PREFIX = /^(?:sku|product|商品|货号)\s*[:：]\s*(.+)$/i

/**
 * Writes campaign members for one batch, beside the ImportWriter that owns the
 * batch's customers, rejects and counts.
 *
 * A member is new (imported), the same as already stored (duplicate; repeated
 * when the earlier copy is from this same file), or a conflict: the same
 * customer in the same campaign with other terms or outcomes is rejected,
 * never merged, so a campaign's arms and depths stay exactly as the merchant
 * ran them.
 */
export class CampaignMemberWriter {
  private readonly campaigns = new Map<string, { id: number; sentAt: string; expiresAt: string }>()
  /** campaign id + customer id → the row that placed the member in this file. */
  private readonly seen = new Map<string, number>()
  private readonly statements

  constructor(private readonly db: Database.Database, private readonly batchId: number, private readonly writer: ImportWriter) {
    this.statements = {
      findCampaign: db.prepare('SELECT id, sent_at AS sentAt, expires_at AS expiresAt FROM campaigns WHERE campaign_key = ?'),
      insertCampaign: db.prepare(`INSERT INTO campaigns (campaign_key, name, source, sent_at, expires_at, batch_id) VALUES (?, ?, 'imported', ?, ?, ?)`),
      widenCampaign: db.prepare('UPDATE campaigns SET sent_at = ?, expires_at = ? WHERE id = ?'),
      findMember: db.prepare(`SELECT arm, discount_type, discount_value, min_spend, applies_to, sent_at, expires_at, code, redeemed, order_key,
        converted, revenue FROM campaign_members WHERE campaign_id = ? AND customer_id = ?`),
      insertMember: db.prepare(`INSERT INTO campaign_members (campaign_id, customer_id, arm, discount_type, discount_value, min_spend, applies_to,
        sent_at, expires_at, code, redeemed, order_key, converted, revenue, batch_id)
        VALUES (@campaign_id, @customer_id, @arm, @discount_type, @discount_value, @min_spend, @applies_to, @sent_at, @expires_at, @code,
        @redeemed, @order_key, @converted, @revenue, @batch_id)`),
      skuOf: db.prepare('SELECT sku FROM products WHERE UPPER(sku) = UPPER(?) LIMIT 1').pluck(),
      categoryOf: db.prepare('SELECT category FROM products WHERE LOWER(category) = LOWER(?) LIMIT 1').pluck(),
    }
  }

  write(record: MemberRecord, line: number, column: (field: 'customer_id' | 'applies_to') => string | undefined): Written {
    const appliesTo = this.scopeOf(record.appliesTo)
    if (appliesTo === null) {
      const where = column('applies_to')
      return reject(issue(line, 'campaign.scope', `"${record.appliesTo}" is neither "all", a category nor a SKU of the store. Write category:NAME or sku:CODE.`, { value: record.appliesTo, ...(where ? { column: where } : {}) }, where))
    }
    // Non-buyers are the members an uplift model needs most, so an e-mail the store does not know is a new customer;
    // a bare shop id is not (it may be a typo, or the store may know that person by e-mail only).
    const customerId = this.writer.customerFor({ externalId: record.externalId, email: record.email, name: '', country: '', city: '' }, record.email !== '')
    if (customerId === null) {
      const where = column('customer_id')
      return reject(issue(line, 'campaign.unknown-customer', `No customer with the id "${record.externalId}" is in the store. Import the customers file (or the orders) first, or add an e-mail column.`, { value: record.externalId, ...(where ? { column: where } : {}) }, where))
    }

    const values: MemberValues = {
      arm: record.arm,
      discount_type: record.discountType,
      discount_value: record.discountValue,
      min_spend: record.minSpend,
      applies_to: appliesTo,
      sent_at: record.sentAt,
      expires_at: record.expiresAt,
      code: record.code,
      redeemed: flag(record.redeemed),
      order_key: record.orderKey,
      converted: flag(record.converted),
      revenue: record.revenue,
    }
    const campaign = this.campaignFor(record)
    const memberKey = `${campaign.id}\u001f${customerId}`
    const stored = this.statements.findMember.get(campaign.id, customerId) as MemberValues | undefined
    const earlierRow = this.seen.get(memberKey)
    if (stored !== undefined) {
      if (sameValues(stored, values)) return { ok: true, outcome: earlierRow === undefined ? 'duplicate' : 'repeated' }
      const campaignName = record.campaignKey.slice('file:'.length)
      return earlierRow !== undefined
        ? reject(issue(line, 'campaign.member-twice', `This customer is already in campaign "${campaignName}" on row ${earlierRow} with other terms.`, { value: campaignName, row: earlierRow }))
        : reject(issue(line, 'campaign.member-conflict', `This customer is already in campaign "${campaignName}" from an earlier import, with other terms. Undo that import to replace it.`, { value: campaignName }))
    }
    this.statements.insertMember.run({ ...values, campaign_id: campaign.id, customer_id: customerId, batch_id: this.batchId })
    this.seen.set(memberKey, line)
    this.widen(campaign, record)
    this.writer.added.members = (this.writer.added.members ?? 0) + 1
    return { ok: true, outcome: 'imported' }
  }

  /** 'all', 'category:<name>' or 'sku:<sku>', matched against the store's catalogue; null when it names nothing known. */
  private scopeOf(text: string): string | null {
    if (isWholeShop(text)) return 'all'
    const category = CATEGORY_PREFIX.exec(text.trim())
    if (category) return `category:${category[1].trim()}`
    const sku = SKU_PREFIX.exec(text.trim())
    if (sku) return `sku:${sku[1].trim()}`
    const knownSku = this.statements.skuOf.get(text.trim()) as string | undefined
    if (knownSku !== undefined) return `sku:${knownSku}`
    const knownCategory = this.statements.categoryOf.get(text.trim()) as string | undefined
    return knownCategory !== undefined ? `category:${knownCategory}` : null
  }

  private campaignFor(record: MemberRecord): { id: number; sentAt: string; expiresAt: string } {
    const cached = this.campaigns.get(record.campaignKey)
    if (cached) return cached
    const found = this.statements.findCampaign.get(record.campaignKey) as { id: number; sentAt: string; expiresAt: string } | undefined
    const campaign = found ?? {
      id: Number(this.statements.insertCampaign.run(record.campaignKey, record.campaignName, record.sentAt, record.expiresAt, this.batchId).lastInsertRowid),
      sentAt: record.sentAt,
      expiresAt: record.expiresAt,
    }
    if (!found) this.writer.added.campaigns = (this.writer.added.campaigns ?? 0) + 1
    this.campaigns.set(record.campaignKey, campaign)
    return campaign
  }

  /** A campaign spans its members: earliest send to latest expiry (undo recomputes it from the members left). */
  private widen(campaign: { id: number; sentAt: string; expiresAt: string }, record: MemberRecord): void {
    if (record.sentAt >= campaign.sentAt && record.expiresAt <= campaign.expiresAt) return
    if (record.sentAt < campaign.sentAt) campaign.sentAt = record.sentAt
    if (record.expiresAt > campaign.expiresAt) campaign.expiresAt = record.expiresAt
    this.statements.widenCampaign.run(campaign.sentAt, campaign.expiresAt, campaign.id)
  }
}

function flag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0
}

function reject(problem: FileIssue): Written {
  return { ok: false, issue: problem }
}
