/**
 * The export/* channels, typed by the export part of the contract
 * (src-main/engine/export/export-api.ts), through the one api door.
 */
import type { ExportCalls } from '../../../src-main/engine/export/export-api'
import { api } from '../../lib/api'

type AnyCall = (channel: string, args: unknown) => Promise<unknown>

export function exportCall<C extends keyof ExportCalls>(channel: C, args: ExportCalls[C]['args']): Promise<ExportCalls[C]['result']> {
  return (api.call as unknown as AnyCall)(channel, args) as Promise<ExportCalls[C]['result']>
}
