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

/** "90d", "90" or "12w" → days. */
export function parseHorizon(text: string): number {
  const match = /^(\d+)\s*([dw]?)$/i.exec(text.trim())
  if (!match) throw new UsageError(`--horizon expects days like 90d, got "${text}"`)
  return Number(match[1]) * (match[2].toLowerCase() === 'w' ? 7 : 1)
}

export function addDaysIso(day: string, days: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new UsageError(`--cutoff expects YYYY-MM-DD, got "${day}"`)
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
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
