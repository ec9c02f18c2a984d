/** The shape of truth.json: what the oracle knows and the shop files hide. No runtime code. */
import type { ResponseType } from './response'

export interface TruthCustomer {
  /** The shop's customer id, as in customers.csv (without the apostrophe). */
  id: string
  email: string
  segment: 'one-time' | 'occasional' | 'loyal'
  type: ResponseType
  /** Response strength of response.ts: hazard × exp(τ(1 − e^(−depth/κ))). */
  tau: number
  /** Still active at the end of the data (false: gone quiet, hazard × quietFactor). */
  active: boolean
  /** Hazard per day at season and weekday factor 1, before the refractory lull; includes going quiet. */
  ratePerDay: number
  /** Day of the last order, null if they never ordered. */
  lastOrder: string | null
  /** What the shop can see: orders (not cancelled) and money spent net of refunds, in dollars. */
  orders: number
  spent: number
  /** Mean hazard per day over the first 14 days after the data (season, weekday and lull included). */
  baseHazard: number
  /** P(at least one order in those 14 days) without a coupon. */
  pOrder14: number
  /** Expected merchandise value of an order before discount, dollars (baskets of early January). */
  aov: number
  /** (price − cost) / price of their typical basket. */
  margin: number
  /** Expected shipping fee of an order, dollars (what free shipping gives away). */
  shipping: number
  /** Basket values at the 5th, 15th, ..., 95th percentile, dollars (for min-spend offers). */
  basketDeciles: number[]
}

export interface Truth {
  about: string
  seed: number
  /** Last day of the data, YYYY-MM-DD. */
  dataEnd: string
  law: {
    kappa: number
    redeemShare: number
    maxDailyChance: number
    refractoryDays: number
    quietFactor: number
    tauByType: Record<ResponseType, number>
  }
  /** Demand (season × weekday) per day from `from`, for scoring windows after the data. */
  horizon: { from: string; dayFactor: number[] }
  customers: Record<string, TruthCustomer>
}
