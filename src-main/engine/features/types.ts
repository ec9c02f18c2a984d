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
  /** Shop-level context the columns were computed against (set by buildFeatures). */
  context?: FeatureContext
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

// ---------------------------------------------------------------------------
// Added by the features builder (optional fields and new types only).
// ---------------------------------------------------------------------------

/** A day on which the shop ran a site-wide sale (see sale-periods.ts for the rule). */
export interface SaleDay {
  /** 'YYYY-MM-DD', the shop's calendar. */
  day: string
  /** Sale orders that day (guests included: a sale is a shop-wide fact). */
  orders: number
  /** Of which carried a code or a discount. */
  discountedOrders: number
  /** The code shared by many orders that day (upper-cased), or null. */
  code: string | null
  codeOrders: number
  /** The common discount depth (0..1, share of the pre-discount price), or null. */
  depth: number | null
  depthOrders: number
  reason: 'code' | 'depth' | 'code+depth'
}

/** Shop-level facts behind a FeatureSet's columns, for the UI and for explaining scores. */
export interface FeatureContext {
  /** The top categories behind cat_share_0..7, best-selling first (fewer than 8 when the shop has fewer). */
  topCategories: string[]
  /** Detected site-wide sale days before the cutoff. */
  saleDays: SaleDay[]
  /** Pooled shares used by discount_sensitivity (discounted orders ÷ sale orders; sale-day spend ÷ spend). */
  shopDiscountShare: number
  shopSaleSpendShare: number
  /** season_index for this cutoff (the same for every customer). */
  seasonIndex: number
}

/** Per-customer order histories before a cutoff, for sequence models. */
export interface Histories {
  cutoff: string
  /** Same customers, same order as buildFeatures at this cutoff. */
  customerIds: Int32Array
  /** Per customer row: the last `maxSteps` sale orders, oldest first. */
  steps: HistoryStep[][]
  /** Category vocabulary for HistoryStep.category; index 0 is '' (the order had no product line). */
  categories: string[]
  /** Per customer row: calendar days from the last order to the cutoff (the sequence model's recency). */
  daysSinceLast: Float32Array
}

/**
 * What customers bought in the window [cutoff, cutoff + horizon), product
 * lines only, as indices into `products`.
 */
export interface WindowPurchases {
  cutoff: string
  horizonDays: number
  /** As passed in, in row order. */
  customerIds: Int32Array
  /**
   * The vocabulary of the Interactions at the same cutoff, followed by
   * products first sold in the window (indices >= knownProducts). Scorers
   * only know the first `knownProducts`; the others still count as misses.
   */
  products: ProductInfo[]
  knownProducts: number
  /** Per customer row: distinct product indices bought in the window, ascending. */
  items: Int32Array[]
  /** Per customer row: the subset of `items` the customer had never bought before the cutoff. */
  newItems: Int32Array[]
}
