import type { ResponseSummary, UpliftEvaluation } from '../planner-api'
import type { ResponseModel } from './types'

/** What the plan shows about its response model: measured (with its held-out evaluation) or assumed (with the prior). */
export function summariseResponse(model: ResponseModel, evaluation: UpliftEvaluation | null): ResponseSummary {
  return {
    kind: model.kind,
    campaigns: model.campaigns,
    evaluation: model.kind === 'measured' ? evaluation : null,
    prior: model.kind === 'assumed' ? model.prior : null,
  }
}
