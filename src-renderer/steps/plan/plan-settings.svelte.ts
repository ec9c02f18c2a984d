/**
 * What the merchant asks of the next plan, as they edit it. Turned into the
 * engine's PlanSettings when "Make plan" is pressed; a stored plan's settings
 * fill the form again, so what is on screen is what made the plan.
 */
import type { OfferScope, PlanSettings, ResponsePrior } from '../../../src-main/engine/planner/planner-api'
import { DEFAULT_PLAN_SETTINGS as D } from '../../../src-main/engine/planner/default-settings'

// The engine's defaults, so the CLI and the app make the same plan from the same data.
export const DEFAULT_PERCENT_LEVELS = D.offers.percent
/** The documented conservative prior (docs/planning.md, "Response model"). */
export const DEFAULT_PRIOR: ResponsePrior = D.prior
export const DEFAULT_BUDGET = D.budget
export const PERCENT_CHOICES = [5, 10, 15, 20, 25, 30] as const

export interface SpendSaveTier {
  minSpend: number
  save: number
}

/** Customer ids or e-mails, one per line or separated by commas. */
export function parseManualList(text: string): string[] {
  return [...new Set(text.split(/[\n,;]+/).map((part) => part.trim()).filter(Boolean))]
}

/** Money amounts typed as "5, 10". */
export function parseAmounts(text: string): number[] {
  return [...new Set(text.split(/[\s,;]+/).map(Number).filter((value) => Number.isFinite(value) && value > 0))].sort((a, b) => a - b)
}

export class PlanSettingsForm {
  budget = $state(DEFAULT_BUDGET)
  budgetMode = $state<PlanSettings['budgetMode']>('expected')
  percent = $state<number[]>([...DEFAULT_PERCENT_LEVELS])
  fixedText = $state('')
  freeShipping = $state(false)
  spendSave = $state<SpendSaveTier[]>([])
  scopes = $state<OfferScope[]>([])
  startsAt = $state('')
  days = $state(D.days)
  /** Percent, 0..50. */
  holdoutPercent = $state(Math.round(D.holdoutShare * 100))
  boughtWithinDays = $state(0)
  /** Percent of orders returned above which a customer is left out; 100 = off. */
  returnSharePercent = $state(100)
  couponOnly = $state(D.exclusions.couponOnly)
  requireConsent = $state(D.exclusions.requireConsent)
  openCoupon = $state(true)
  manualText = $state('')
  /** Percent, 0..100. */
  marginPercent = $state(Math.round(D.defaultMargin * 100))
  maxDepthPercent = $state(Math.round(D.maxDepth * 100))
  prior = $state<ResponsePrior>({ ...DEFAULT_PRIOR })
  seed = $state(D.seed)

  readonly fixed = $derived(parseAmounts(this.fixedText))
  readonly manual = $derived(parseManualList(this.manualText))
  readonly offerCount = $derived(
    (this.percent.length + this.fixed.length + (this.freeShipping ? 1 : 0) + this.spendSave.filter(validTier).length) *
      (1 + this.scopes.length),
  )

  togglePercent(level: number): void {
    this.percent = this.percent.includes(level) ? this.percent.filter((value) => value !== level) : [...this.percent, level].sort((a, b) => a - b)
  }

  toggleScope(scope: OfferScope): void {
    this.scopes = this.scopes.includes(scope) ? this.scopes.filter((value) => value !== scope) : [...this.scopes, scope]
  }

  addTier(): void {
    const last = this.spendSave[this.spendSave.length - 1]
    this.spendSave = [...this.spendSave, last ? { minSpend: last.minSpend * 2, save: last.save * 2 } : { minSpend: 50, save: 10 }]
  }

  removeTier(index: number): void {
    this.spendSave = this.spendSave.filter((_, at) => at !== index)
  }

  toSettings(): PlanSettings {
    return {
      budget: Math.max(0, this.budget),
      budgetMode: this.budgetMode,
      offers: {
        percent: [...this.percent],
        fixed: [...this.fixed],
        freeShipping: this.freeShipping,
        spendSave: this.spendSave.filter(validTier).map((tier) => ({ ...tier })),
        scopes: [...this.scopes],
      },
      ...(this.startsAt ? { startsAt: this.startsAt } : {}),
      days: clamp(Math.round(this.days), 1, 365),
      holdoutShare: clamp(this.holdoutPercent, 0, 50) / 100,
      defaultMargin: clamp(this.marginPercent, 0, 100) / 100,
      maxDepth: clamp(this.maxDepthPercent, 0, 100) / 100,
      exclusions: {
        boughtWithinDays: Math.max(0, Math.round(this.boughtWithinDays)),
        maxReturnShare: clamp(this.returnSharePercent, 0, 100) / 100,
        couponOnly: this.couponOnly,
        requireConsent: this.requireConsent,
        openCoupon: this.openCoupon,
        manual: [...this.manual],
      },
      prior: { ...this.prior },
      seed: this.seed,
    }
  }

  /** Fills the form from the settings that made a stored plan. */
  fill(settings: PlanSettings): void {
    this.budget = settings.budget
    this.budgetMode = settings.budgetMode
    this.percent = [...settings.offers.percent]
    this.fixedText = settings.offers.fixed.join(', ')
    this.freeShipping = settings.offers.freeShipping
    this.spendSave = settings.offers.spendSave.map((tier) => ({ ...tier }))
    this.scopes = [...settings.offers.scopes]
    this.startsAt = settings.startsAt ?? ''
    this.days = settings.days
    this.holdoutPercent = Math.round(settings.holdoutShare * 1000) / 10
    this.boughtWithinDays = settings.exclusions.boughtWithinDays
    this.returnSharePercent = Math.round(settings.exclusions.maxReturnShare * 100)
    this.couponOnly = settings.exclusions.couponOnly
    this.requireConsent = settings.exclusions.requireConsent
    this.openCoupon = settings.exclusions.openCoupon
    this.manualText = settings.exclusions.manual.join('\n')
    this.marginPercent = Math.round(settings.defaultMargin * 100)
    this.maxDepthPercent = Math.round(settings.maxDepth * 100)
    this.prior = { ...(settings.prior ?? DEFAULT_PRIOR) }
    this.seed = settings.seed
  }
}

function validTier(tier: SpendSaveTier): boolean {
  return tier.minSpend > 0 && tier.save > 0 && tier.save < tier.minSpend
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : low
}
