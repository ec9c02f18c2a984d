/**
 * The campaign channels, joined into EngineCalls (api.ts) with `extends`, so
 * campaign work adds calls without editing the shared list. Type-only.
 * Importing a campaign file goes through `import/start` like any other file.
 */
import type { CampaignDiscountType } from '../planner/offer-types'
import type { ResponseSummary } from '../planner/planner-api'

export interface CampaignLevel {
  discountType: CampaignDiscountType
  discountValue: number
  /** Treatment members offered this level. */
  members: number
}

export interface CampaignSummary {
  id: number
  name: string
  source: 'imported' | 'plan'
  /** 'YYYY-MM-DD HH:MM:SS': earliest send and latest expiry of its members. */
  sentAt: string
  expiresAt: string
  members: number
  treatment: number
  control: number
  /** The offers the treatment arm got, most common first (a randomised test at 5/10/15/20% has four). */
  levels: CampaignLevel[]
  /**
   * Share of each arm that bought in the window (0..1), among members whose outcome is known
   * (stated, or the store's orders cover the window); an arm with no known member is null.
   * Null when no member's outcome is known at all.
   */
  converted: { treatment: number | null; control: number | null } | null
  /** Members who redeemed their code (stated or found on their orders). */
  redeemed: number
  /** Members whose outcome neither the file nor the store's orders can tell. */
  unknown: number
}

export interface CampaignCalls {
  'campaigns/list': { args: Record<string, never>; result: CampaignSummary[] }
  /** The response model's evaluation on held-out members of every randomised campaign, or of one. */
  'campaigns/evaluate': { args: { campaignId?: number; seed?: number }; result: ResponseSummary }
}
