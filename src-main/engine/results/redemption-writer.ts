import type Database from 'better-sqlite3'
import type { ImportWriter, RowOutcome } from '../ingest/pipeline/import-writer'
import { issue, type FileIssue } from '../shared/issue'
import type { RedemptionRecord } from './normalise-redemption'

type Written = { ok: true; outcome: RowOutcome } | { ok: false; issue: FileIssue }

interface Holder {
  memberId: number
  campaignId: number
  code: string
  sentAt: string
  expiresAt: string
  email: string | null
  campaign: string
}

interface StoredRedemption {
  discount_amount: number | null
  order_total: number | null
}

/**
 * Writes redemptions for one batch, beside the ImportWriter that owns the
 * batch's rejects and counts. Each code is matched to the one campaign member
 * holding it (case-insensitive, any campaign):
 *  - no member holds it: rejected (`redemption.unknown-code`);
 *  - several do (a shared campaign code like SPRING15): the row's e-mail and
 *    date must pick exactly one, else rejected (`redemption.shared-code`);
 *  - the row's e-mail is not the member's: rejected and reported
 *    (`redemption.other-customer`), never silently credited;
 *  - the date is outside the member's window: rejected (`redemption.outside-window`).
 * Identity is member + order number (member + date without one): a
 * re-imported file is all duplicates; the same order with another amount is
 * a conflict, rejected.
 */
export class RedemptionWriter {
  private readonly seen = new Map<string, number>()
  private readonly statements

  constructor(private readonly db: Database.Database, private readonly batchId: number, private readonly writer: ImportWriter) {
    this.statements = {
      holders: db.prepare(`SELECT m.id AS memberId, m.campaign_id AS campaignId, m.code AS code, m.sent_at AS sentAt, m.expires_at AS expiresAt,
          LOWER(c.email) AS email, k.name AS campaign
        FROM campaign_members m JOIN customers c ON c.id = m.customer_id JOIN campaigns k ON k.id = m.campaign_id
        WHERE m.code IS NOT NULL AND UPPER(TRIM(m.code)) = ? ORDER BY m.id`),
      find: db.prepare('SELECT discount_amount, order_total FROM redemptions WHERE identity = ?'),
      insert: db.prepare(`INSERT INTO redemptions (member_id, campaign_id, code, order_key, redeemed_at, discount_amount, order_total, email, identity, batch_id)
        VALUES (@memberId, @campaignId, @code, @orderKey, @redeemedAt, @discountAmount, @orderTotal, @email, @identity, @batchId)`),
    }
  }

  write(record: RedemptionRecord, line: number, column: (field: 'code' | 'customer_email' | 'order_date') => string | undefined): Written {
    const matched: { holder: Holder; code: string }[] = []
    for (const code of record.codes) {
      const found = this.match(record, code, line, column)
      if (!found.ok) return found
      matched.push({ holder: found.holder, code })
    }
    // A row naming several codes shares its amount among them only when it names one.
    const single = matched.length === 1
    let outcome: RowOutcome = 'duplicate'
    for (const { holder, code } of matched) {
      const identity = `${holder.memberId}\u001f${record.orderKey ?? `@${record.redeemedAt}`}`
      const values = { discount_amount: single ? record.discountAmount : null, order_total: record.orderTotal }
      const stored = this.statements.find.get(identity) as StoredRedemption | undefined
      if (stored !== undefined) {
        if (stored.discount_amount === values.discount_amount && stored.order_total === values.order_total) {
          if (this.seen.has(identity) && outcome === 'duplicate') outcome = 'repeated'
          continue
        }
        const earlier = this.seen.get(identity)
        return reject(
          issue(line, 'redemption.conflict', earlier !== undefined
            ? `Code ${code} on this order is already on row ${earlier} with another amount.`
            : `Code ${code} on this order is already in the store from an earlier import, with another amount. Undo that import to replace it.`,
          earlier !== undefined ? { value: code, row: earlier } : { value: code }),
        )
      }
      this.statements.insert.run({
        memberId: holder.memberId, campaignId: holder.campaignId, code: record.codeText.trim(), orderKey: record.orderKey, redeemedAt: record.redeemedAt,
        discountAmount: values.discount_amount, orderTotal: values.order_total, email: record.email === '' ? null : record.email, identity, batchId: this.batchId,
      })
      this.seen.set(identity, line)
      this.writer.added.redemptions = (this.writer.added.redemptions ?? 0) + 1
      outcome = 'imported'
    }
    return { ok: true, outcome }
  }

  private match(
    record: RedemptionRecord,
    code: string,
    line: number,
    column: (field: 'code' | 'customer_email' | 'order_date') => string | undefined,
  ): { ok: true; holder: Holder } | { ok: false; issue: FileIssue } {
    const codeColumn = column('code')
    const holders = this.statements.holders.all(code) as Holder[]
    if (holders.length === 0) {
      return reject(issue(line, 'redemption.unknown-code', `No campaign member holds the code ${code}. Import the campaign (or export the plan's codes) first.`, withColumn({ value: code }, codeColumn), codeColumn))
    }
    let candidates = holders
    if (holders.length > 1) {
      const inWindow = (h: Holder): boolean => record.redeemedAt >= h.sentAt && record.redeemedAt <= h.expiresAt
      candidates = holders.filter((h) => (record.email === '' || h.email === record.email) && inWindow(h))
      if (candidates.length !== 1) {
        return reject(issue(line, 'redemption.shared-code', `${holders.length} campaign members hold the code ${code}; the row's e-mail and date do not say which one used it.`, withColumn({ value: code, found: holders.length }, codeColumn), codeColumn))
      }
    }
    const holder = candidates[0]
    if (record.email !== '' && holder.email !== null && holder.email !== record.email) {
      const emailColumn = column('customer_email')
      return reject(issue(line, 'redemption.other-customer', `The code ${code} was given to ${holder.email}, but ${record.email} used it. It is not credited to the campaign.`, withColumn({ value: code, found: record.email, expected: holder.email }, emailColumn), emailColumn))
    }
    if (record.redeemedAt < holder.sentAt || record.redeemedAt > holder.expiresAt) {
      const dateColumn = column('order_date')
      return reject(issue(line, 'redemption.outside-window', `The code ${code} was used on ${record.redeemedAt}, outside its campaign window (${holder.sentAt} to ${holder.expiresAt}).`, withColumn({ value: code, found: record.redeemedAt, expected: `${holder.sentAt} – ${holder.expiresAt}` }, dateColumn), dateColumn))
    }
    return { ok: true, holder }
  }
}

/** The redemption part of undoing an import: the batch's rows go (nothing else refers to them). */
export function removeRedemptions(db: Database.Database, batchId: number): number {
  return db.prepare('DELETE FROM redemptions WHERE batch_id = ?').run(batchId).changes
}

function withColumn(params: Record<string, string | number>, column: string | undefined): Record<string, string | number> {
  return column ? { ...params, column } : params
}

function reject(problem: FileIssue): { ok: false; issue: FileIssue } {
  return { ok: false, issue: problem }
}
