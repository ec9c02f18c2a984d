import { TOP_CATEGORIES } from './category-shares'

/**
 * The feature columns, in order. Names are stable: models store them and
 * check them when scoring. "Days" are whole calendar days of the shop's
 * wall clock; a "sale order" is one that is not a return and not cancelled;
 * "visits" are distinct days with a sale order (two invoices in one
 * afternoon are one shopping trip for timing purposes).
 *
 * recency_days       cutoff − day of the last sale order (≥ 1).
 * frequency          number of sale orders.
 * monetary           sum of sale-order totals.
 * tenure_days        cutoff − day of the first sale order (≥ recency_days).
 * aov                monetary ÷ frequency.
 * gap_mean           mean days between consecutive visits = (last − first visit) ÷ (visits − 1).
 *                    One visit: tenure_days — the customer has waited at least that long without
 *                    a second visit, the best finite stand-in for an unseen gap; frequency tells
 *                    models which case they are in.
 * gap_last           days between the last two visits; one visit: tenure_days (as above).
 * gap_cv             standard deviation ÷ mean of the gaps (0 = clockwork regular). Fewer than two
 *                    gaps cannot show regularity: 1, the value of memoryless (Poisson) buying.
 * orders_last_90d    sale orders in [cutoff − 90 d, cutoff).
 * spend_last_90d     their totals.
 * orders_last_365d   sale orders in [cutoff − 365 d, cutoff).
 * returns_rate       return, refund and cancellation orders ÷ all the customer's orders (any status).
 * discount_share     share of sale orders with a code or money off.
 * discount_depth_mean mean of discount ÷ (total + discount) over those orders (a code without money
 *                    off counts as depth 0); 0 without discounted orders.
 * sale_spend_share   share of the customer's spend placed on detected sale days (sale-periods.ts).
 * discount_sensitivity 0..1, 0.5 = like the shop's average customer (formula in discount-sensitivity.ts).
 * cat_share_0..7     share of product spend in the shop's i-th best-selling category before the
 *                    cutoff (context.topCategories[i]; categories derived from names when the shop has
 *                    none); 0 when the shop has fewer categories.
 * cat_share_other    share in all other categories. All shares 0 without product spend.
 * top_category       index of the largest share, 8 (= other) when other wins or there is no product spend.
 * season_index       shop-wide: last year's volume in the coming 90 days ÷ an average 90 days (seasonality.ts);
 *                    the same for every row, informative across cutoffs.
 * own_season_share   the customer's sale orders in last year's coming-90-days window ÷ their sale orders
 *                    in the past 365 days; the shop's share when they had none that year; 90/365 with less
 *                    than a year of shop history.
 * orders_last_30d    sale orders in [cutoff − 30 d, cutoff).
 * orders_last_180d   sale orders in [cutoff − 180 d, cutoff).
 * spend_last_180d    their totals.
 * visits             distinct days with a sale order.
 * active_months      distinct calendar months with a sale order.
 * distinct_products  distinct products bought (product lines, as in buildInteractions).
 * lines_per_order    product lines per sale order: Σ over products of the orders containing it ÷ frequency.
 * recency_gap_ratio  recency_days ÷ (gap_mean + 1): how overdue the customer is against their own rhythm.
 * last_order_total   total of the most recent sale order.
 * bgnbd_p_alive      P(alive) from a BG/NBD fitted on this cutoff's own history (clv/feature-columns.ts):
 *                    1 for a customer without a repeat visit (the model's convention) and for every
 *                    customer of a shop too small to fit it (fewer than 20 customers or 5 repeat buyers).
 * bgnbd_expected_90d the same BG/NBD's expected visits in the next 90 days (0 when it cannot be fitted).
 */
export const FEATURE_NAMES: readonly string[] = [
  'recency_days',
  'frequency',
  'monetary',
  'tenure_days',
  'aov',
  'gap_mean',
  'gap_last',
  'gap_cv',
  'orders_last_90d',
  'spend_last_90d',
  'orders_last_365d',
  'returns_rate',
  'discount_share',
  'discount_depth_mean',
  'sale_spend_share',
  'discount_sensitivity',
  ...Array.from({ length: TOP_CATEGORIES }, (_, i) => `cat_share_${i}`),
  'cat_share_other',
  'top_category',
  'season_index',
  'own_season_share',
  'orders_last_30d',
  'orders_last_180d',
  'spend_last_180d',
  'visits',
  'active_months',
  'distinct_products',
  'lines_per_order',
  'recency_gap_ratio',
  'last_order_total',
  // Appended, never inserted: saved models and the planner's response model map columns by name.
  'bgnbd_p_alive',
  'bgnbd_expected_90d',
]

/** Column index of a feature, throwing on a typo rather than reading the wrong column. */
export function featureColumn(names: readonly string[], name: string): number {
  const index = names.indexOf(name)
  if (index < 0) throw new Error(`no feature named '${name}'`)
  return index
}
