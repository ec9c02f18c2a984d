import type Database from 'better-sqlite3'

/**
 * The campaign part of undoing an import: the batch's members go; a campaign
 * the batch created stays while another batch's members are in it (it passes
 * to the earliest of them), and every campaign that lost members spans what is
 * left of them again. Runs inside undoBatch's transaction, before customers
 * are removed, so no member is left pointing at a deleted customer.
 */
export function removeCampaignMembers(db: Database.Database, batchId: number): { campaigns: number; members: number } {
  const touched = db.prepare('SELECT DISTINCT campaign_id FROM campaign_members WHERE batch_id = ?').pluck().all(batchId) as number[]
  const members = db.prepare('DELETE FROM campaign_members WHERE batch_id = ?').run(batchId).changes
  db.prepare(`UPDATE campaigns SET batch_id = (SELECT MIN(batch_id) FROM campaign_members WHERE campaign_id = campaigns.id)
    WHERE batch_id = ? AND EXISTS (SELECT 1 FROM campaign_members WHERE campaign_id = campaigns.id)`).run(batchId)
  // Plans' campaigns have no batch and are never removed by an import's undo.
  const campaigns = db.prepare("DELETE FROM campaigns WHERE batch_id = ? AND source = 'imported'").run(batchId).changes
  const respan = db.prepare(`UPDATE campaigns SET
      sent_at = (SELECT MIN(sent_at) FROM campaign_members WHERE campaign_id = campaigns.id),
      expires_at = (SELECT MAX(expires_at) FROM campaign_members WHERE campaign_id = campaigns.id)
    WHERE id = ? AND EXISTS (SELECT 1 FROM campaign_members WHERE campaign_id = campaigns.id)`)
  for (const campaignId of touched) respan.run(campaignId)
  return { campaigns, members }
}
