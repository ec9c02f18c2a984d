/**
 * The results/* channels, typed by the results part of the contract
 * (src-main/engine/results/results-api.ts), through the one api door.
 */
import type { CampaignSummary } from '../../../src-main/engine/campaigns/campaigns-api'
import type { ResultsCalls } from '../../../src-main/engine/results/results-api'
import { api } from '../../lib/api'

type AnyCall = (channel: string, args: unknown) => Promise<unknown>

export function resultsCall<C extends keyof ResultsCalls>(channel: C, args: ResultsCalls[C]['args']): Promise<ResultsCalls[C]['result']> {
  return (api.call as unknown as AnyCall)(channel, args) as Promise<ResultsCalls[C]['result']>
}

export function listCampaigns(): Promise<CampaignSummary[]> {
  return (api.call as unknown as AnyCall)('campaigns/list', {}) as Promise<CampaignSummary[]>
}
