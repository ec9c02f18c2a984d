/**
 * The CLV settings, in one place so the docs, the UI's hints and the tests
 * quote the same numbers.
 */

/** Monthly discount rate: 1 %/month ≈ 12.7 %/year, a small shop's cost of money plus the risk that plans change. */
export const DEFAULT_MONTHLY_DISCOUNT_RATE = 0.01

/** Profit margin on revenue where product costs are unknown; the planner's default (Plan step) is the same 40 %. */
export const DEFAULT_MARGIN = 0.4

/** CLV horizons shown to the merchant, in months. */
export const CLV_MONTHS = [3, 6, 12] as const

/** The engine's BG/NBD time unit is the week (the paper's, so fitted parameters read like the published ones). */
export const DAYS_PER_WEEK = 7

/** A month for discounting: a twelfth of the average year. */
export const DAYS_PER_MONTH = 365.25 / 12

/**
 * Churn risk bands on 1 − P(alive): "high" once the model thinks the customer
 * is more likely gone than not (≥ 0.5); "low" below 0.2, where they are at
 * least four times as likely active as gone; "medium" between.
 */
export const CHURN_THRESHOLDS = { medium: 0.2, high: 0.5 } as const
