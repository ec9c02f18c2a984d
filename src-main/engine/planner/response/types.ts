/**
 * The discount response model's data: what it learns from (campaign members
 * with their features) and what it hands the planner (a serialisable model).
 * The effect law both sides share is in effect-law.ts.
 */
import type { Standardisation } from '../../ml/standardise'
import type { ResponsePrior } from '../planner-api'

/** One campaign member as the fit sees it: features at the campaign's sent_at day, the offer's depth, the outcome. */
export interface MemberWithFeatures {
  campaignId: number
  customerId: number
  arm: 'treatment' | 'control'
  /**
   * Effective depth (0..1, discount ÷ order value) of the offer. Treated: the
   * offer they got. Control: the offer they would have got when the row says
   * (a plan's holdout), else 0 — evaluation then scores them at their
   * campaign's median treated depth (scoringDepths in evaluate.ts).
   */
  depth: number
  /** Days between sent_at and expires_at (≥ 1). */
  windowDays: number
  converted: boolean
  /** Used their code; null when the campaign does not tell (redeemShare falls back to 0.9). */
  redeemed: boolean | null
  /** Raw feature values in the order of the fit's `featureNames`. */
  features: ArrayLike<number>
}

/** One bootstrap fit. */
export interface ResponseSample {
  /** θ = w[0] + Σ_j w[j+1] · z_j over the model's standardised features. */
  w: number[]
  /**
   * The base chance in the campaigns' own windows, p0 = sigmoid(beta · z +
   * campaign intercept + window · ln(days / 14)). Only evaluation uses it: the
   * planner takes p0 from the purchase model at the plan's window. Absent in
   * assumed models.
   */
  base?: { beta: number[]; campaign: number[]; window: number }
}

/** θ_i = θ_lin,i · max(0, 1 + γ·h_i + ρ·r_i) / norm (heterogeneity.ts); h, r = the named columns, standardised. */
export interface ResponseHeterogeneity {
  /** Model column (one of featureNames) read as the deal-proneness score h. */
  score: string
  gamma: number
  /** Model column read as the tilt r. */
  tilt: string
  rho: number
  /** Mean of max(0, 1 + γh + ρr) over the fit's members (the members' average multiplier is 1). */
  norm: number
}

export interface ResponseModel {
  kind: 'measured' | 'assumed'
  /** Raw feature columns θ reads, mapped by name from buildFeatures (missing → 0 after standardisation). */
  featureNames: string[]
  standardisation: Standardisation
  /** Saturation depth: τ(d) = θ · (1 − exp(−d / κ)). */
  kappa: number
  /** S ensemble members (bootstrap fits, or the prior's spread). */
  samples: ResponseSample[]
  /** Share of converted treated members who used their code (0.9 when unknown). */
  redeemShare: number
  /** Campaigns learnt from (0 for assumed). */
  campaigns: number
  /** Store ids of those campaigns, aligned with ResponseSample.base.campaign. */
  campaignIds: number[]
  /** The prior an assumed model was built from (null when measured). */
  prior: ResponsePrior | null
  /** Chosen heterogeneity of θ from purchase history; absent = flat (θ_i = w · [1, z_i] alone). */
  heterogeneity?: ResponseHeterogeneity
}

export interface FitOptions {
  /** Column names of MemberWithFeatures.features. */
  featureNames: string[]
  seed: number
  /** Ensemble size (default 8). */
  samples?: number
  /** Columns θ reads besides its intercept (default EFFECT_FEATURES in design.ts; all columns when none is present). */
  effectFeatures?: readonly string[]
  /** κ candidates (default KAPPA_GRID); one value (with a given l2Effect) skips the choice. */
  kappaGrid?: number[]
  /** Preferred κ when the grid's held-out likelihoods are too close to call (default DEFAULT_PRIOR.halfDepth). */
  kappaPrior?: number
  /** Gaussian prior precisions (penalty λ/2 · ‖·‖² on the total log-likelihood). */
  l2Base?: number
  /** On the effect slopes; when absent it is chosen from L2_EFFECT_GRID by cross-validated likelihood. */
  l2Effect?: number
  /** γ candidates of the heterogeneity multiplier (e.g. GAMMA_GRID; default [0] = flat only). */
  gammaGrid?: readonly number[]
  /** ρ candidates of the recency tilt (e.g. RHO_GRID; default [0] = none). */
  rhoGrid?: readonly number[]
}
