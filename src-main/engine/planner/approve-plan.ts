/**
 * Approving a plan freezes it and writes it into the campaign tables, source
 * 'plan': treated customers with their offer, the holdout as the control arm.
 * From then on it is measured like any past campaign (campaigns/outcomes.ts)
 * and its members teach the next response model. One transaction.
 */
import type Database from 'better-sqlite3'
import type { LoadedPlan } from './loaded-plan'

export function approvePlan(db: Database.Database, plan: LoadedPlan): void {
  const r = plan.record
  const sentAt = `${r.startsAt} 00:00:00`
  const expiresAt = `${r.expiresAt} 23:59:59`
  const skuOf = db.prepare('SELECT sku FROM products WHERE id = ?').pluck()
  db.transaction(() => {
    const campaignId = Number(
      db
        .prepare(`INSERT INTO campaigns (campaign_key, name, source, plan_id, sent_at, expires_at, batch_id) VALUES (?, ?, 'plan', ?, ?, ?, NULL)`)
        .run(`plan:${r.id}`, `Offerwise plan ${r.id}`, r.id, sentAt, expiresAt).lastInsertRowid,
    )
    const member = db.prepare(`INSERT INTO campaign_members (campaign_id, customer_id, arm, discount_type, discount_value, min_spend, applies_to, sent_at, expires_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    plan.customers.forEach((c, row) => {
      const k = plan.choice[row]
      if (c.standing === 'holdout') {
        member.run(campaignId, c.customerId, 'control', 'none', 0, 0, 'all', sentAt, expiresAt)
      } else if (k >= 0) {
        const offer = plan.matrix.offers[k]
        const appliesTo =
          offer.scope === 'category' && c.facts.favouriteCategory
            ? `category:${c.facts.favouriteCategory}`
            : offer.scope === 'product' && c.facts.favouriteProduct
              ? `sku:${(skuOf.get(c.facts.favouriteProduct.productId) as string | null) ?? c.facts.favouriteProduct.name}`
              : 'all'
        member.run(campaignId, c.customerId, 'treatment', offer.type, offer.value, offer.minSpend, appliesTo, sentAt, expiresAt)
      }
    })
    db.prepare("UPDATE plans SET status = 'approved', approved_at = ?, campaign_id = ? WHERE id = ?").run(new Date().toISOString(), campaignId, r.id)
  })()
}
