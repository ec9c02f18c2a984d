/**
 * What the learning step works on, computed from the store as of a cutoff.
 * Everything here uses only orders strictly before `cutoff` (labels excepted:
 * they are the window [cutoff, cutoff + horizon)).
 */

/** One row per customer with at least one order before the cutoff. */
export interface FeatureSet {
  /** 'YYYY-MM-DD'; orders at or after this day are invisible to features. */
  cutoff: string
  /** Store ids (customers.id), in row order. */
  customerIds: Int32Array
  /** Column names, in column order; stable across cutoffs for the same shop. */
  names: string[]
  /** Row-major customers × names, finite numbers only (missing → a documented default). */
  values: Float32Array
}

/** What happened in the horizon after the cutoff, aligned with a FeatureSet's rows. */
export interface PurchaseLabels {
  cutoff: string
  horizonDays: number
  /** 1 when the customer placed at least one (non-return, non-cancelled) order in the window. */
  bought: Uint8Array
  /** Number of such orders. */
  orders: Float32Array
  /** Their value in the shop's currency. */
  spend: Float32Array
}

/**
 * Customer × product purchases before the cutoff (product lines only: no
 * returns, cancellations, postage or fees), as a sparse list. Product indices
 * point into `products`.
 */
export interface Interactions {
  cutoff: string
  customerIds: Int32Array
  products: ProductInfo[]
  /** Parallel arrays: one entry per (customer row, product index) pair. */
  customerRow: Int32Array
  productIndex: Int32Array
  /** Units bought (or order count; see the builder's doc). */
  weight: Float32Array
}

export interface ProductInfo {
  /** Store id (products.id). */
  id: number
  name: string
  /** As stored, or derived from the name when the shop has no categories. */
  category: string
  /** Lower-case word tokens of the name, for cold-start product towers. */
  tokens: string[]
}

/** An order in a customer's history, oldest first, for sequence models. */
export interface HistoryStep {
  /** Days since the previous order (0 for the first). */
  gapDays: number
  /** Category index of the order's biggest line (into a category vocabulary). */
  category: number
  amount: number
  discounted: boolean
}
