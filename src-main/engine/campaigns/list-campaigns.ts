import type Database from 'better-sqlite3'
import type { CampaignLevel, CampaignSummary } from './campaigns-api'
import { memberOutcomes, type MemberOutcome } from './outcomes'

interface CampaignRow {
  id: number
  name: string
  source: 'imported' | 'plan'
  sent_at: string
  expires_at: string
}

/** Every campaign, newest first, with its arms, offer levels and what happened in its window. */
export function listCampaigns(db: Database.Database): CampaignSummary[] {
  const campaigns = db.prepare('SELECT id, name, source, sent_at, expires_at FROM campaigns ORDER BY sent_at DESC, id DESC').all() as CampaignRow[]
  const byCampaign = new Map<number, MemberOutcome[]>()
  for (const outcome of memberOutcomes(db)) {
    const list = byCampaign.get(outcome.campaignId)
    if (list) list.push(outcome)
    else byCampaign.set(outcome.campaignId, [outcome])
  }
  return campaigns.map((campaign) => summarise(campaign, byCampaign.get(campaign.id) ?? []))
}

function summarise(campaign: CampaignRow, members: readonly MemberOutcome[]): CampaignSummary {
  const treatment = members.filter((m) => m.arm === 'treatment')
  const control = members.filter((m) => m.arm === 'control')
  const known = members.filter((m) => m.known)
  return {
    id: campaign.id,
    name: campaign.name,
    source: campaign.source,
    sentAt: campaign.sent_at,
    expiresAt: campaign.expires_at,
    members: members.length,
    treatment: treatment.length,
    control: control.length,
    levels: levelsOf(treatment),
    converted: known.length === 0 ? null : { treatment: rate(treatment), control: rate(control) },
    redeemed: members.filter((m) => m.redeemed).length,
    unknown: members.length - known.length,
  }
}

function levelsOf(treatment: readonly MemberOutcome[]): CampaignLevel[] {
  const levels = new Map<string, CampaignLevel>()
  for (const m of treatment) {
    const key = `${m.discountType}:${m.discountValue}`
    const level = levels.get(key)
    if (level) level.members++
    else levels.set(key, { discountType: m.discountType, discountValue: m.discountValue, members: 1 })
  }
  return [...levels.values()].sort((a, b) => b.members - a.members || a.discountType.localeCompare(b.discountType) || a.discountValue - b.discountValue)
}

/** Conversion share among the arm's members whose outcome is known. */
function rate(arm: readonly MemberOutcome[]): number | null {
  const known = arm.filter((m) => m.known)
  if (known.length === 0) return null
  return Math.round((known.filter((m) => m.converted).length / known.length) * 10000) / 10000
}
