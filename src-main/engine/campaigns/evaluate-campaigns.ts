/**
 * `campaigns/evaluate`: how well the response model ranks campaign members it
 * never saw (cross-fitted Qini, AUUC, uplift@k beside random targeting,
 * predicted vs observed lift per depth) — over every randomised campaign, or
 * one. A campaign too small to measure anything says so instead of a number.
 */
import type Database from 'better-sqlite3'
import { EngineError } from '../api-schema'
import { learnResponse } from '../planner/response/learn-response'
import type { ResponseSummary } from '../planner/planner-api'

export function evaluateCampaigns(db: Database.Database, args: { campaignId?: number; seed?: number }): ResponseSummary {
  if (args.campaignId !== undefined && !db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(args.campaignId)) {
    throw new EngineError('campaigns.not-found', `There is no campaign number ${args.campaignId}.`, { campaignId: args.campaignId })
  }
  const { summary } = learnResponse(db, { seed: args.seed ?? 20240101, campaignId: args.campaignId })
  return summary
}
