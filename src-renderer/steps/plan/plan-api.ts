/**
 * The plan/* channels, typed by the planner's part of the contract
 * (src-main/engine/planner/planner-api.ts). They go through the one api door
 * like every other call.
 */
import type { PlanCalls } from '../../../src-main/engine/planner/planner-api'
import { api } from '../../lib/api'

export type PlanChannel = keyof PlanCalls

type AnyCall = (channel: string, args: unknown) => Promise<unknown>

export function planCall<C extends PlanChannel>(channel: C, args: PlanCalls[C]['args']): Promise<PlanCalls[C]['result']> {
  return (api.call as unknown as AnyCall)(channel, args) as Promise<PlanCalls[C]['result']>
}
