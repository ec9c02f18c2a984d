import type { EngineOptions } from '../engine/engine'
import type { CanonicalField, ColumnMapping } from '../engine/ingest/formats/fields'
import { UsageError } from './args'

/** "purchase=20,sequence=3,affinity=4": caps on training epochs (quicker runs; early stopping still applies). */
export function parseEpochs(text: string): NonNullable<NonNullable<EngineOptions['trainDefaults']>['epochs']> {
  const epochs: Record<string, number> = {}
  for (const part of text.split(',')) {
    const match = /^(purchase|sequence|affinity)=(\d+)$/.exec(part.trim())
    if (!match || Number(match[2]) < 1) throw new UsageError(`--epochs expects purchase=N,sequence=N,affinity=N, got "${part}"`)
    epochs[match[1]] = Number(match[2])
  }
  return epochs
}

/** The horizons the engine accepts (api-schema.ts), said in the option's own terms. */
const HORIZON_DAYS = { min: 7, max: 365 }

/** "90d", "90" or "12w" → days. */
export function parseHorizon(text: string): number {
  const match = /^(\d+)\s*([dw]?)$/i.exec(text.trim())
  const days = match ? Number(match[1]) * (match[2].toLowerCase() === 'w' ? 7 : 1) : Number.NaN
  if (!(days >= HORIZON_DAYS.min && days <= HORIZON_DAYS.max)) {
    throw new UsageError(`--horizon expects ${HORIZON_DAYS.min} to ${HORIZON_DAYS.max} days, like 90d or 12w, got "${text}"`)
  }
  return days
}

/** The shape only: whether the day exists and fits the data is the engine's check, for every face. */
export function parseCutoff(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new UsageError(`--cutoff expects a date as YYYY-MM-DD, got "${text}"`)
  return text
}

/** A whole number within [min, max]; `what` names the option or argument in the message. */
export function parseWholeNumber(what: string, text: string, range: { min: number; max: number }): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN
  if (!(value >= range.min && value <= range.max)) throw new UsageError(`${what} expects a whole number from ${range.min} to ${range.max}, got "${text}"`)
  return value
}

/** An import number as `offerwise batches` lists it. */
export function parseBatchId(text: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN
  if (!(value >= 1 && Number.isSafeInteger(value))) throw new UsageError(`BATCH expects an import number as \`offerwise batches\` lists it (a whole number from 1), got "${text}"`)
  return value
}

export function onePath(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('expected exactly one argument')
  return positionals[0]
}

export function parseMappings(pairs: string[]): ColumnMapping {
  const mapping: ColumnMapping = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) throw new UsageError(`--map expects field=Column, got "${pair}"`)
    mapping[pair.slice(0, at) as CanonicalField] = pair.slice(at + 1)
  }
  return mapping
}
