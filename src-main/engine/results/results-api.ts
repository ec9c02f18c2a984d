/**
 * The results channels, joined into EngineCalls (api.ts) with `extends`.
 * Type-only. Importing what happened (orders, redemption files) goes through
 * `import/start` like any other file; these calls only read
 * (`results/import-accounting` says what an imported file did for one campaign).
 */
import type { CampaignDiscountType } from '../planner/offer-types'
import type { Segment } from '../planner/segments'
import type { DailySeries } from './daily-series'
import type { LiftFigures } from './lift'

export type { Interval, LiftFigures, ArmFigures } from './lift'
export type { ArmDay, DailyPoint, DailySeries } from './daily-series'

/**
 * - measured: both arms have members with known outcomes (the window may still be open: see windowOpen)
 * - running: the window is open and no outcome is known yet
 * - not-started: the window starts after now
 * - outcomes-unknown: the window is over but the store's orders do not cover it (import the orders)
 * - no-control: the campaign kept no holdout, so nothing can be measured against it
 * - empty: the campaign has no members
 */
export type ResultStatus = 'measured' | 'running' | 'not-started' | 'outcomes-unknown' | 'no-control' | 'empty'

/** The verdict's sentence: `results.verdict.<code>` in the i18n catalogue, filled with `params`. */
export type VerdictCode = 'profit' | 'loss' | 'no-evidence' | Exclude<ResultStatus, 'measured'>

export type ResultWarningCode = 'window-open' | 'unknown-members' | 'small-sample' | 'orders-end-early'

export interface ResultWarning {
  /** `results.warning.<code>` in the i18n catalogue. */
  code: ResultWarningCode
  params: Record<string, string | number>
}

/** What the plan expected, from its stored expectations (plan_customers, plan_matrices) for the members it treated and held out. */
export interface PredictedFigures {
  treated: number
  held: number
  /** Mean chance of buying in the window with the offer (treated) and without (holdout). */
  treatmentConversion: number
  controlConversion: number
  /** Mean over the treated of pWith − pWithout: the conversion lift the plan expected. */
  conversionLift: number
  incrementalBuyers: number
  discountCost: number
  incrementalProfit: number
}

export interface LevelResult {
  /** `type:value:minSpend`, e.g. `percent:10:0`. */
  key: string
  discountType: CampaignDiscountType
  discountValue: number
  minSpend: number
  /** Treatment members at this level (known or not). */
  members: number
  /** This level's treated members against the whole control arm; null when either has no known outcome. */
  lift: LiftFigures | null
  predicted: PredictedFigures | null
}

/**
 * One segment (planner/segments.ts) of the campaign: its treated members against
 * its own holdout members. The holdout was drawn at random across segments, so
 * within a segment the two arms are still comparable; the groups are small, so
 * read the interval (and the small-sample flag) before the estimate.
 */
export interface SegmentResult {
  segment: Segment
  /** Members in this segment (known or not), per arm. */
  treatment: number
  control: number
  /** null when either arm has no member with a known outcome. */
  lift: LiftFigures | null
  /** Below the response model's minimum group sizes (learn-response.ts). */
  small: boolean
}

/**
 * Where the segments come from:
 * - plan: the segment the approved plan stored for each customer (plan_customers.segment);
 * - features: an imported campaign, segmented by the same rules from each member's history before sent_at
 *   (a member with no order before the campaign counts as new);
 * - none: no member has an order before the campaign, so there is nothing to segment by
 *   (`results.segments.none`: segments need an Offerwise plan, or orders from before the campaign).
 */
export type SegmentSource = 'plan' | 'features' | 'none'

export interface CampaignResult {
  campaign: { id: number; name: string; source: 'imported' | 'plan'; planId: number | null; sentAt: string; expiresAt: string }
  currency: string
  status: ResultStatus
  /** The campaign's window has not ended at `now`. */
  windowOpen: boolean
  /** Latest order in the store ('YYYY-MM-DD HH:MM:SS'), null when there are none. */
  ordersThrough: string | null
  members: { treatment: number; control: number; unknown: number }
  /** The margin used for profit: the plan's per-customer margins, else the shop's from product costs, else the default. */
  margin: { source: 'plan' | 'costs' | 'costs+default' | 'default'; mean: number }
  /** Confidence level of every interval (0.95). */
  level: number
  resamples: number
  overall: LiftFigures | null
  predicted: PredictedFigures | null
  levels: LevelResult[]
  segmentSource: SegmentSource
  /** Segments in SEGMENTS order, only those with members. */
  segments: SegmentResult[]
  /**
   * The level with the most incremental profit per treated member, when there are two or more;
   * distinguishable: its profit interval excludes zero and both groups are big enough (20) to say so.
   */
  bestLevel: { key: string; profitPerMember: number; distinguishable: boolean } | null
  verdict: { code: VerdictCode; params: Record<string, string | number>; message: string }
  warnings: ResultWarning[]
  /**
   * Both groups day by day over the window (cumulative conversion and profit per member,
   * daily-series.ts); null when the store's orders do not reach back to the window's start.
   */
  daily: DailySeries | null
}

/**
 * What one imported file did for one campaign (import-accounting.ts), beside the import's own
 * row accounting (ImportBatchSummary) and rejects.
 */
export interface ResultsImportAccounting {
  batchId: number
  campaignId: number
  kind: 'redemptions' | 'orders'
  /** Redemption files: rows credited here, to another campaign, and the rejects by reason. */
  redemptions: {
    matched: number
    otherCampaigns: number
    /** No campaign member holds the code. */
    unknownCode: number
    /** The code was used by another e-mail than its holder's: reported, not credited. */
    otherCustomer: number
    outsideWindow: number
    /** A code several members hold, and the row's e-mail and date do not say whose. */
    sharedCode: number
    /** Rejected for another reason (no date, a conflicting amount, ...). */
    other: number
  } | null
  /** Order files: the sale orders the file added inside the campaign's window. */
  orders: {
    inWindow: number
    treatment: number
    holdout: number
    /** By customers who are not members of this campaign. */
    others: number
    /** Carrying one of the campaign's codes, placed by its holder (or a guest, for a code only one member holds). */
    codeMatched: number
    /** Carrying one of the campaign's codes, placed by another customer: not credited. */
    codeOtherCustomer: number
  } | null
}

export interface ResultsCalls {
  'results/campaign': { args: { campaignId: number }; result: CampaignResult }
  /** The result of an approved plan's campaign (refused with results.plan-not-found / results.plan-not-approved). */
  'results/plan': { args: { planId: number }; result: CampaignResult }
  /** What import `batchId` did for campaign `campaignId` (refused: import.batch-not-found, results.campaign-not-found, results.import-not-orders). */
  'results/import-accounting': { args: { campaignId: number; batchId: number }; result: ResultsImportAccounting }
}
