import type { Ranker } from '../evaluation'
import { featureColumn } from '../features/feature-names'
import type { FeatureSet, Interactions, PurchaseLabels } from '../features/types'
import type { CustomerValue } from '../clv/customer-values'
import type { PurchasePredictions, SequencePredictions } from '../ml'
import type { CustomerScoreRecord } from './run-store'
import type { NextOrderGuess } from './sequence-entries'

export interface ScoreInputs {
  /** Features at the scoring cutoff; one record per row. */
  features: FeatureSet
  /** Purchases before the scoring cutoff (same customers), for product picks and "bought before". */
  interactions: Interactions
  /** The served purchase probability per feature row. */
  pBuy: Float32Array
  purchase: PurchasePredictions | null
  /** The latest complete window, for expected amounts when no network predicts them. */
  latestLabels: PurchaseLabels
  /** When the GRU serves next-category: its probabilities rank the categories. */
  sequence: SequencePredictions | null
  nextCategory: NextOrderGuess
  daysToNext: NextOrderGuess
  ranker: Ranker
  /** BG/NBD + Gamma-Gamma per feature row (null rows: the shop was too small to fit them). */
  values: (CustomerValue | null)[]
}

const TOP_CATEGORIES = 3
const TOP_PRODUCTS = 10

/** What the Learn step shows and the planner will read for each customer. */
export function customerScoreRecords(inputs: ScoreInputs): CustomerScoreRecord[] {
  const { features, interactions } = inputs
  const width = features.names.length
  const at = (row: number, name: string): number => features.values[row * width + featureColumn(features.names, name)]
  const shareColumns = (features.context?.topCategories ?? []).map((name, i) => ({ name, column: featureColumn(features.names, `cat_share_${i}`) }))
  const interactionRow = new Map<number, number>()
  interactions.customerIds.forEach((id, row) => interactionRow.set(id, row))
  const owned = new Map<number, Set<number>>()
  interactions.customerRow.forEach((row, i) => {
    let set = owned.get(row)
    if (!set) owned.set(row, (set = new Set()))
    set.add(interactions.productIndex[i])
  })
  const perBuyer = amountsPerBuyer(inputs.latestLabels)

  return Array.from(features.customerIds, (customerId, row) => {
    const pBuy = inputs.pBuy[row]
    const iRow = interactionRow.get(customerId)
    const bought = iRow === undefined ? new Set<number>() : (owned.get(iRow) ?? new Set<number>())
    const picks = iRow === undefined ? [] : inputs.ranker(iRow, TOP_PRODUCTS)
    const value = inputs.values[row]
    return {
      customerId,
      pBuy,
      expectedOrders: inputs.purchase ? inputs.purchase.expectedOrders[row] : pBuy * perBuyer.orders,
      expectedSpend: inputs.purchase ? inputs.purchase.expectedSpend[row] : pBuy * perBuyer.spend,
      discountSensitivity: at(row, 'discount_sensitivity'),
      discountShare: at(row, 'discount_share'),
      discountDepth: at(row, 'discount_depth_mean'),
      saleSpendShare: at(row, 'sale_spend_share'),
      expectedDaysToNext: round1(inputs.daysToNext.daysFromCutoff[row]),
      nextCategory: inputs.nextCategory.category[row],
      topCategories: inputs.sequence
        ? sequenceCategories(inputs.sequence, row)
        : shareColumns
            .map(({ name, column }) => ({ name, score: features.values[row * width + column] }))
            .filter((c) => c.score > 0)
            .sort((a, b) => b.score - a.score)
            .slice(0, TOP_CATEGORIES),
      topProducts: picks.map((index, rank) => ({
        productId: interactions.products[index].id,
        name: interactions.products[index].name,
        // Rank-based: the rankers order products but their raw scores are not comparable across models.
        score: (TOP_PRODUCTS - rank) / TOP_PRODUCTS,
        boughtBefore: bought.has(index),
      })),
      pAlive: value ? value.pAlive : null,
      clv3m: value ? round2(value.clv3m) : null,
      clv6m: value ? round2(value.clv6m) : null,
      clv12m: value ? round2(value.clv12m) : null,
      churnRisk: value ? value.churnBand : null,
    }
  })
}

function sequenceCategories(sequence: SequencePredictions, row: number): { name: string; score: number }[] {
  const n = sequence.numCategories
  const names = sequence.categories ?? []
  const probabilities = sequence.categoryProbabilities.subarray(row * n, (row + 1) * n)
  return Array.from(probabilities, (score, index) => ({ name: names[index] ?? '', score }))
    .filter((c) => c.name !== '' && c.name !== '(other)')
    .sort((a, b) => b.score - a.score)
    .slice(0, TOP_CATEGORIES)
}

function amountsPerBuyer(labels: PurchaseLabels): { orders: number; spend: number } {
  let buyers = 0
  let orders = 0
  let spend = 0
  labels.bought.forEach((b, i) => {
    if (!b) return
    buyers++
    orders += labels.orders[i]
    spend += labels.spend[i]
  })
  return buyers > 0 ? { orders: orders / buyers, spend: spend / buyers } : { orders: 0, spend: 0 }
}

/**
 * Whether the shop's history holds any discount information at all: a code,
 * money off, or a detected sale day. Without any, discount_sensitivity is
 * its prior (0.5) for everyone and must not be read as "medium".
 */
export function shopHasDiscountData(features: FeatureSet): boolean {
  return (features.context?.shopDiscountShare ?? 0) > 0 || (features.context?.saleDays.length ?? 0) > 0
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

function round1(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : null
}
