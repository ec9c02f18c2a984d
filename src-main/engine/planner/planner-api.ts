/**
 * The plan domain's part of the engine contract (joined into EngineCalls in
 * ../api.ts). Type-only. Customers are identified to the merchant by their
 * shop id (`shopId`) and e-mail; `customerId` is the store's handle for calls.
 */
import type { CampaignDiscountType, DiscountType, Offer, OfferScope } from './offer-types'

/** Which offers the planner may consider. */
export interface OfferMenu {
  /** Percent levels, e.g. [5, 10, 15, 20]. Empty = no percent offers. */
  percent: number[]
  /** Fixed amounts in the shop's currency, e.g. [5, 10]. */
  fixed: number[]
  freeShipping: boolean
  /** Spend-X-save-Y tiers, e.g. [{ minSpend: 50, save: 10 }]. */
  spendSave: { minSpend: number; save: number }[]
  /** Scopes to consider besides the whole shop. */
  scopes: OfferScope[]
}

export interface PlanExclusions {
  /** Leave out customers who ordered in the last N days (0 = off). */
  boughtWithinDays: number
  /** Leave out customers whose returns exceed this share of their orders (1 = off). */
  maxReturnShare: number
  /** Leave out customers who only ever bought with a code (abuse control). */
  couponOnly: boolean
  /** Leave out customers without marketing consent (where the data says). */
  requireConsent: boolean
  /** Leave out customers holding a coupon of a campaign still running. */
  openCoupon: boolean
  /** Shop customer ids or e-mails to leave out. */
  manual: string[]
}

export interface PlanSettings {
  /** Expected total discount cost the plan may spend, in the shop's currency. */
  budget: number
  /** 'expected': expected discount cost (redemptions × discount); 'face-value': every coupon redeemed. */
  budgetMode: 'expected' | 'face-value'
  offers: OfferMenu
  /** 'YYYY-MM-DD'; default the day after the latest order in the store. */
  startsAt?: string
  /** Validity in days (default 14). */
  days: number
  /** Share of eligible customers held out at random (0..0.5, default 0.1). */
  holdoutShare: number
  /** Where product costs are unknown, profit = revenue × this margin (0..1). */
  defaultMargin: number
  /** Never give more than this share off an order (0..1). */
  maxDepth: number
  exclusions: PlanExclusions
  /** Assumed response where the shop has no randomised campaign yet (see docs/planning.md). */
  prior: ResponsePrior
  seed: number
}

/** The documented conservative prior: a coupon's largest effect on a customer's purchase rate. */
export interface ResponsePrior {
  /** Multiplier on the most discount-responsive customers' purchase rate at saturation (e.g. 1.5 = +50 %). */
  maxRateMultiplier: number
  /** Depth (0..1) at which the effect reaches 63 % of its saturation. */
  halfDepth: number
}

export type PlanGroup = 'treatment' | 'holdout' | 'none'
export type PlanStatus = 'draft' | 'approved'

/** Why a customer got this offer or none: reason codes with numbers, rendered in the merchant's language. */
export interface Reason {
  code: string
  params: Record<string, string | number>
}

export interface PlanRow {
  customerId: number
  /** The shop's own customer id (or null when the shop only knows them by e-mail/name). */
  shopId: string | null
  name: string | null
  email: string | null
  group: PlanGroup
  offer: Offer | null
  segment: string
  pBuyWithout: number
  pBuyWith: number
  expectedCost: number
  expectedIncrementalProfit: number
  /** Set when the merchant fixed this row: it survives re-planning. */
  lock: 'offer' | 'exclude' | null
  reasons: Reason[]
}

export interface PlanSummary {
  coupons: number
  holdout: number
  eligible: number
  excluded: number
  expectedCost: number
  faceValue: number
  expectedExtraOrders: number
  expectedExtraRevenue: number
  expectedIncrementalProfit: number
  /** The cautious (lower-quantile) profit the optimiser maximised. */
  cautiousProfit: number
}

export interface FrontierPoint {
  budget: number
  cost: number
  profit: number
  coupons: number
}

export interface UpliftEvaluation {
  /** Campaign members the model learnt from / was judged on (never seen in fitting). */
  trainMembers: number
  heldOutMembers: number
  qiniCoefficient: number
  auuc: number
  /** Qini curves: share targeted (0..1) → incremental conversions per member of the held-out set. */
  qini: { name: 'model' | 'random'; points: { share: number; gain: number }[] }[]
  upliftAt: { share: number; model: number; random: number }[]
  perDepth: { depth: number; members: number; predictedLift: number; observedLift: number }[]
}

export interface ResponseSummary {
  kind: 'measured' | 'assumed'
  /** Campaigns it learnt from. */
  campaigns: number
  evaluation: UpliftEvaluation | null
  prior: ResponsePrior | null
}

export interface Plan {
  id: number
  status: PlanStatus
  createdAt: string
  approvedAt: string | null
  runId: number
  currency: string
  settings: PlanSettings
  /** Every offer the plan considered (the menu expanded), in matrix order. */
  offers: Offer[]
  startsAt: string
  /** The last day the coupons are valid. */
  expiresAt: string
  summary: PlanSummary
  frontier: FrontierPoint[]
  bySegment: { segment: string; coupons: number; cost: number; profit: number }[]
  byOffer: { offerId: string; offer: Offer | null; coupons: number; cost: number; profit: number }[]
  demand: { productId: number; name: string; extraUnits: number }[]
  response: ResponseSummary
  exclusionCounts: Record<string, number>
}

export interface PlanListItem {
  id: number
  status: PlanStatus
  createdAt: string
  budget: number
  coupons: number
  expectedIncrementalProfit: number
}

export type PlanRowSort = 'profit' | 'p-buy' | 'cost' | 'name'

export interface PlanRowFilter {
  group?: PlanGroup
  offerId?: string
  segment?: string
  scope?: OfferScope
  profitPositive?: boolean
  search?: string
}

export interface PlanCalls {
  /** Builds candidates (base rates, response model) and solves; a job, because it may train. */
  'plan/create': { args: PlanSettings; result: { jobId: string } }
  /** Re-solves a draft for a new budget or holdout-free settings (fast: the budget slider). */
  'plan/resolve': { args: { planId: number; budget: number; budgetMode?: PlanSettings['budgetMode'] }; result: Plan }
  'plan/get': { args: { planId: number }; result: Plan }
  'plan/list': { args: Record<string, never>; result: PlanListItem[] }
  'plan/rows': { args: { planId: number; filter: PlanRowFilter; sort: PlanRowSort; offset: number; limit: number }; result: { total: number; rows: PlanRow[] } }
  /** Lock a row to an offer (one of the plan's offers) or exclude it; null clears the lock. */
  'plan/lock': { args: { planId: number; customerId: number; lock: { kind: 'offer'; offerId: string } | { kind: 'exclude' } | null }; result: Plan }
  'plan/approve': { args: { planId: number }; result: Plan }
}

export type { CampaignDiscountType, DiscountType, Offer, OfferScope }
