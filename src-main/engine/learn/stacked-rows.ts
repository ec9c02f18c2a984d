import type Database from 'better-sqlite3'
import { addDays, buildFeatures, buildLabels } from '../features'
import { dayNumber } from '../features/calendar'
import type { FeatureSet, PurchaseLabels } from '../features/types'

/**
 * Labelled rows from several cutoffs, one horizon apart, ending at `latest`:
 *
 *   latest − 3H ─H─▶ latest − 2H ─H─▶ latest − H ─H─▶ latest ─H─▶ (latest + H)
 *
 * Each cutoff c gives one row per customer with a sale before c: features
 * strictly before c, the label from [c, c + H). A customer appears once per
 * cutoff (as a different row with a different past), so a row's label window
 * never overlaps its own feature window, and every label window ends by
 * latest + H: the training run passes `latest = training` for the held-out
 * judgement (labels end at `evaluation`, before the judged window) and
 * `latest = evaluation` for the scoring model (labels end at `scoring`).
 *
 * Why: one window sees one season's base rate (Online Retail: 48 % of
 * customers bought in Jun–Sep, 56 % in Mar–Jun, 57 % in Sep–Dec), and a
 * model calibrated on it carries it into the next window. The learn run
 * trains the purchase MLP on the latest window (training on all of them
 * ranked worse on the held-out window: docs/learning.md) and calibrates it on
 * the rows of the earlier ones (`earlierWindows`) as well. An earlier cutoff
 * is used only with at least one horizon of history before it, so its
 * features (orders in the last 90 days, gaps...) mean what they mean later.
 */
export const MAX_EARLIER_CUTOFFS = 3

export interface StackedRows {
  /** Cutoffs used, latest first. */
  cutoffs: string[]
  features: FeatureSet
  labels: PurchaseLabels
  /** Row r came from cutoffs[cutoffOf[r]]. */
  cutoffOf: Uint8Array
  /** The rows of each cutoff, for reuse by a later stack. */
  parts: CutoffRows[]
}

/** The cutoffs a stack would use: `latest` and up to `maxEarlier` before it, one horizon apart, each with ≥ H days of history. */
export function stackedCutoffs(latest: string, horizonDays: number, firstOrderDay: string, maxEarlier = MAX_EARLIER_CUTOFFS): string[] {
  const cutoffs = [latest]
  for (let c = addDays(latest, -horizonDays); cutoffs.length <= maxEarlier && dayNumber(c) - dayNumber(firstOrderDay) >= horizonDays; c = addDays(c, -horizonDays)) {
    cutoffs.push(c)
  }
  return cutoffs
}

/** The rows of every cutoff but the latest, stacked; null when there is no earlier cutoff. */
export function earlierWindows(stack: StackedRows): CutoffRows | null {
  if (stack.parts.length < 2) return null
  const rest = stackParts(stack.parts.slice(1), stack.cutoffs[1], stack.labels.horizonDays)
  return { features: rest.features, labels: rest.labels }
}

export interface CutoffRows {
  features: FeatureSet
  labels: PurchaseLabels
}

/**
 * `known` are rows already built at some cutoffs (the run has two, and the
 * scoring stack shares three cutoffs with the judged one); a cutoff found
 * there is reused, the others are built. Known rows must have this horizon.
 */
export function stackedRows(
  db: Database.Database,
  latest: string,
  horizonDays: number,
  firstOrderDay: string,
  known: readonly CutoffRows[] = [],
  maxEarlier = MAX_EARLIER_CUTOFFS,
): StackedRows {
  for (const rows of known) {
    if (rows.features.cutoff !== rows.labels.cutoff || rows.labels.horizonDays !== horizonDays) throw new Error(`stackedRows: known rows at ${rows.features.cutoff} do not match their labels or the horizon`)
  }
  const cutoffs = stackedCutoffs(latest, horizonDays, firstOrderDay, maxEarlier)
  const parts = cutoffs.map((cutoff) => {
    const found = known.find((rows) => rows.features.cutoff === cutoff)
    if (found) return found
    const features = buildFeatures(db, cutoff)
    return { features, labels: buildLabels(db, cutoff, horizonDays, features.customerIds) }
  })
  return { cutoffs, ...stackParts(parts, latest, horizonDays), parts }
}

/** Rows of the parts one after another; the set is named after `latest`. */
function stackParts(parts: CutoffRows[], latest: string, horizonDays: number): { features: FeatureSet; labels: PurchaseLabels; cutoffOf: Uint8Array } {
  const names = parts[0].features.names
  for (const part of parts) {
    if (part.features.names.length !== names.length || part.features.names.some((n, i) => n !== names[i])) throw new Error('stackedRows: feature columns differ between cutoffs')
  }
  const width = names.length
  const rows = parts.reduce((sum, part) => sum + part.features.customerIds.length, 0)
  const values = new Float32Array(rows * width)
  const customerIds = new Int32Array(rows)
  const cutoffOf = new Uint8Array(rows)
  const bought = new Uint8Array(rows)
  const orders = new Float32Array(rows)
  const spend = new Float32Array(rows)
  let at = 0
  parts.forEach((part, i) => {
    const n = part.features.customerIds.length
    values.set(part.features.values, at * width)
    customerIds.set(part.features.customerIds, at)
    cutoffOf.fill(i, at, at + n)
    bought.set(part.labels.bought, at)
    orders.set(part.labels.orders, at)
    spend.set(part.labels.spend, at)
    at += n
  })
  return {
    features: { ...parts[0].features, cutoff: latest, customerIds, values },
    labels: { cutoff: latest, horizonDays, bought, orders, spend },
    cutoffOf,
  }
}
