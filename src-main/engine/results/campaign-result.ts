/**
 * The store-facing side of results: one campaign's members and outcomes
 * (campaigns/outcomes.ts, which already counts imported orders and
 * redemptions), their margins, the plan's expectations, and the lift
 * (lift.ts) per campaign, per offer level and per segment, with a
 * plain-words verdict.
 */
import type Database from 'better-sqlite3'
import { EngineError } from '../api-schema'
import { memberOutcomes, type MemberOutcome } from '../campaigns/outcomes'
import { shopMargin } from '../clv/margin'
import { DEFAULT_MARGIN } from '../clv/settings'
import { shopCurrency } from '../data/shop-currency'
import { buildFeatures } from '../features/build-features'
import { featureColumn } from '../features/feature-names'
import { MIN_CONTROL, MIN_TREATED } from '../planner/response/learn-response'
import { LoadedPlan } from '../planner/loaded-plan'
import { SEGMENTS, segmentOf, type Segment } from '../planner/segments'
import { loadDailySeries, type DailySeries } from './daily-series'
import { DEFAULT_LEVEL, DEFAULT_RESAMPLES, excludesZero, measureLift, type LiftFigures, type LiftMember } from './lift'
import type { CampaignResult, LevelResult, PredictedFigures, ResultStatus, ResultWarning, SegmentResult, SegmentSource, VerdictCode } from './results-api'

export interface ResultOptions {
  /** Shop wall-clock 'YYYY-MM-DD HH:MM:SS'; default the computer's local time. */
  now?: string
  level?: number
  resamples?: number
  seed?: number
}

interface CampaignRow {
  id: number
  name: string
  source: 'imported' | 'plan'
  plan_id: number | null
  sent_at: string
  expires_at: string
}

/** Per plan-treated customer: the plan's expectation for the offer it chose, or the holdout's base rate. */
interface Expectation {
  pWithout: number
  pWith: number
  profit: number
  cost: number
  margin: number
  segment: Segment
}

/** The campaign an approved plan became; a draft has none yet. */
export function planCampaignId(db: Database.Database, planId: number): number {
  const row = db.prepare('SELECT status, campaign_id FROM plans WHERE id = ?').get(planId) as { status: string; campaign_id: number | null } | undefined
  if (!row) throw new EngineError('results.plan-not-found', `There is no plan number ${planId}.`, { planId })
  if (row.campaign_id === null) {
    throw new EngineError('results.plan-not-approved', `Plan ${planId} is a ${row.status} plan: it has no campaign to measure until it is approved (offerwise plan approve ${planId}).`, { planId, status: row.status })
  }
  return row.campaign_id
}

export function campaignResult(db: Database.Database, campaignId: number, options: ResultOptions = {}): CampaignResult {
  const row = db.prepare('SELECT id, name, source, plan_id, sent_at, expires_at FROM campaigns WHERE id = ?').get(campaignId) as CampaignRow | undefined
  if (!row) throw new EngineError('results.campaign-not-found', `There is no campaign number ${campaignId}.`, { campaignId })
  const level = options.level ?? DEFAULT_LEVEL
  const resamples = options.resamples ?? DEFAULT_RESAMPLES
  const seed = options.seed ?? campaignId
  const now = options.now ?? localNow()
  const outcomes = memberOutcomes(db, campaignId)
  const plan = row.plan_id === null ? null : planExpectations(db, row.plan_id)
  const shop = shopMargin(db, row.expires_at, plan?.defaultMargin ?? DEFAULT_MARGIN)
  const marginOf = (customerId: number): number => plan?.byCustomer.get(customerId)?.margin ?? shop.margin
  const currency = plan?.currency ?? shopCurrency(db).code ?? ''
  const ordersThrough = (db.prepare('SELECT MAX(ordered_at) FROM orders').pluck().get() as string | null) ?? null

  const known = outcomes.filter((o) => o.known)
  const toLift = (o: MemberOutcome): LiftMember => ({ arm: o.arm, converted: o.converted, orders: o.orders ?? (o.converted ? 1 : 0), revenue: o.revenue, discount: o.discount ?? 0, margin: marginOf(o.customerId) })
  const control = known.filter((o) => o.arm === 'control').map(toLift)
  const overall = measureLift(known.map(toLift), { level, resamples, seed })

  const levels: LevelResult[] = levelGroups(outcomes.filter((o) => o.arm === 'treatment')).map((group) => {
    const treated = group.members.filter((o) => o.known).map(toLift)
    return {
      key: group.key,
      discountType: group.discountType,
      discountValue: group.discountValue,
      minSpend: group.minSpend,
      members: group.members.length,
      lift: measureLift([...treated, ...control], { level, resamples, seed }),
      predicted: plan ? predicted(group.members, outcomes, plan.byCustomer) : null,
    }
  })

  const segmentation = plan ? { source: 'plan' as const, of: new Map([...plan.byCustomer].map(([id, e]) => [id, e.segment])) } : featureSegments(db, row.sent_at, outcomes)
  const segments: SegmentResult[] = segmentation.source === 'none' ? [] : segmentResults(outcomes, segmentation.of, toLift, { level, resamples, seed })

  const treatmentCount = outcomes.filter((o) => o.arm === 'treatment').length
  const controlCount = outcomes.length - treatmentCount
  const unknown = outcomes.length - known.length
  const windowOpen = now < row.expires_at
  const status: ResultStatus =
    outcomes.length === 0
      ? 'empty'
      : now < row.sent_at
        ? 'not-started'
        : controlCount === 0
          ? 'no-control'
          : overall !== null
            ? 'measured'
            : windowOpen
              ? 'running'
              : 'outcomes-unknown'

  const warnings: ResultWarning[] = []
  if (status === 'measured' && windowOpen) warnings.push({ code: 'window-open', params: { expiresAt: row.expires_at } })
  if (status === 'measured' && unknown > 0) warnings.push({ code: 'unknown-members', params: { count: unknown } })
  if (overall && (overall.treatment.members < MIN_TREATED || overall.control.members < MIN_CONTROL)) {
    warnings.push({ code: 'small-sample', params: { treatment: overall.treatment.members, control: overall.control.members, minTreated: MIN_TREATED, minControl: MIN_CONTROL } })
  }
  if (ordersThrough !== null && ordersThrough < row.expires_at && !windowOpen) warnings.push({ code: 'orders-end-early', params: { ordersThrough, expiresAt: row.expires_at } })

  const best = bestLevel(levels)
  return {
    campaign: { id: row.id, name: row.name, source: row.source, planId: row.plan_id, sentAt: row.sent_at, expiresAt: row.expires_at },
    currency,
    status,
    windowOpen,
    ordersThrough,
    members: { treatment: treatmentCount, control: controlCount, unknown },
    margin: plan
      ? { source: 'plan', mean: mean(outcomes.map((o) => marginOf(o.customerId))) }
      : { source: shop.source, mean: shop.margin },
    level,
    resamples,
    overall,
    predicted: plan ? predicted(outcomes.filter((o) => o.arm === 'treatment'), outcomes, plan.byCustomer) : null,
    levels,
    segmentSource: segmentation.source,
    segments,
    bestLevel: best,
    verdict: verdict(status, overall, best, levels, currency, row, ordersThrough),
    warnings,
    daily: campaignSeries(db, row, outcomes, marginOf, ordersThrough),
  }
}

/**
 * Both groups day by day (daily-series.ts), from the window's first day to its
 * last or to the last order in the store, whichever comes first; null when the
 * store's orders do not reach back to the window's start (a day without orders
 * in the store would read as "nobody bought").
 */
function campaignSeries(db: Database.Database, row: CampaignRow, outcomes: readonly MemberOutcome[], marginOf: (customerId: number) => number, ordersThrough: string | null): DailySeries | null {
  const firstOrder = db.prepare('SELECT MIN(ordered_at) FROM orders').pluck().get() as string | null
  if (outcomes.length === 0 || firstOrder === null || ordersThrough === null || firstOrder > row.sent_at) return null
  const from = row.sent_at.slice(0, 10)
  const windowEnd = row.expires_at.slice(0, 10)
  const lastOrderDay = ordersThrough.slice(0, 10)
  const to = lastOrderDay < windowEnd ? lastOrderDay : windowEnd
  const members = outcomes.map((o) => ({ memberId: o.memberId, customerId: o.customerId, arm: o.arm, margin: marginOf(o.customerId), sentAt: o.sentAt, expiresAt: o.expiresAt, converted: o.converted }))
  return loadDailySeries(db, row.id, members, from, to, to < windowEnd)
}

function levelGroups(treated: readonly MemberOutcome[]) {
  const groups = new Map<string, { key: string; discountType: MemberOutcome['discountType']; discountValue: number; minSpend: number; members: MemberOutcome[] }>()
  for (const o of treated) {
    const key = `${o.discountType}:${o.discountValue}:${o.minSpend}`
    const group = groups.get(key)
    if (group) group.members.push(o)
    else groups.set(key, { key, discountType: o.discountType, discountValue: o.discountValue, minSpend: o.minSpend, members: [o] })
  }
  return [...groups.values()].sort((a, b) => a.discountType.localeCompare(b.discountType) || a.discountValue - b.discountValue || a.minSpend - b.minSpend)
}

/**
 * Segments of an imported campaign's members, by the plan's own rules, from
 * their history before the campaign was sent (features at sent_at's day).
 * Members with no sale order before then are new to the shop; when none has
 * one, there is nothing to segment by.
 */
function featureSegments(db: Database.Database, sentAt: string, outcomes: readonly MemberOutcome[]): { source: SegmentSource; of: Map<number, Segment> } {
  const of = new Map<number, Segment>()
  if (outcomes.length === 0) return { source: 'none', of }
  const features = buildFeatures(db, sentAt.slice(0, 10))
  const width = features.names.length
  const recency = featureColumn(features.names, 'recency_days')
  const frequency = featureColumn(features.names, 'frequency')
  const gap = featureColumn(features.names, 'gap_mean')
  const rowOf = new Map<number, number>()
  features.customerIds.forEach((id, row) => rowOf.set(id, row))
  let withHistory = 0
  for (const o of outcomes) {
    if (of.has(o.customerId)) continue
    const row = rowOf.get(o.customerId)
    if (row === undefined) {
      of.set(o.customerId, 'new')
      continue
    }
    withHistory++
    const v = (j: number): number => features.values[row * width + j]
    of.set(o.customerId, segmentOf({ orders: v(frequency), recencyDays: v(recency), gapMeanDays: v(gap) }))
  }
  return withHistory === 0 ? { source: 'none', of: new Map() } : { source: 'features', of }
}

/** Per segment: its treated members against its own holdout members. */
function segmentResults(
  outcomes: readonly MemberOutcome[],
  segmentOfCustomer: ReadonlyMap<number, Segment>,
  toLift: (o: MemberOutcome) => LiftMember,
  options: { level: number; resamples: number; seed: number },
): SegmentResult[] {
  const out: SegmentResult[] = []
  for (const segment of SEGMENTS) {
    const members = outcomes.filter((o) => segmentOfCustomer.get(o.customerId) === segment)
    if (members.length === 0) continue
    const lift = measureLift(members.filter((o) => o.known).map(toLift), options)
    const treatment = members.filter((o) => o.arm === 'treatment').length
    out.push({
      segment,
      treatment,
      control: members.length - treatment,
      lift,
      small: lift === null || lift.treatment.members < MIN_TREATED || lift.control.members < MIN_CONTROL,
    })
  }
  return out
}

/** The plan's stored expectations per customer: what it chose for the treated, the base rate for the holdout. */
function planExpectations(db: Database.Database, planId: number): { byCustomer: Map<number, Expectation>; currency: string; defaultMargin: number } | null {
  const exists = db.prepare('SELECT 1 FROM plans WHERE id = ?').get(planId)
  if (!exists) return null
  const plan = LoadedPlan.load(db, planId)
  const K = plan.matrix.k
  const byCustomer = new Map<number, Expectation>()
  plan.customers.forEach((c, row) => {
    const k = plan.choice[row]
    const cell = row * K + k
    const chosen = k >= 0 && c.standing !== 'holdout'
    byCustomer.set(c.customerId, {
      pWithout: c.pWithout,
      pWith: chosen ? plan.matrix.pWithMean[cell] : c.pWithout,
      profit: chosen ? plan.matrix.profitMean[cell] : 0,
      cost: chosen ? plan.matrix.costMean[cell] : 0,
      margin: c.margin,
      segment: (SEGMENTS as readonly string[]).includes(c.segment) ? (c.segment as Segment) : 'active',
    })
  })
  return { byCustomer, currency: plan.record.currency, defaultMargin: plan.record.settings.defaultMargin }
}

function predicted(treated: readonly MemberOutcome[], all: readonly MemberOutcome[], byCustomer: ReadonlyMap<number, Expectation>): PredictedFigures | null {
  const t = treated.map((o) => byCustomer.get(o.customerId)).filter((e): e is Expectation => e !== undefined)
  const h = all.filter((o) => o.arm === 'control').map((o) => byCustomer.get(o.customerId)).filter((e): e is Expectation => e !== undefined)
  if (t.length === 0) return null
  const sum = (list: readonly Expectation[], pick: (e: Expectation) => number): number => list.reduce((s, e) => s + pick(e), 0)
  const incrementalBuyers = sum(t, (e) => e.pWith - e.pWithout)
  return {
    treated: t.length,
    held: h.length,
    treatmentConversion: sum(t, (e) => e.pWith) / t.length,
    controlConversion: h.length === 0 ? sum(t, (e) => e.pWithout) / t.length : sum(h, (e) => e.pWithout) / h.length,
    conversionLift: incrementalBuyers / t.length,
    incrementalBuyers,
    discountCost: sum(t, (e) => e.cost),
    incrementalProfit: sum(t, (e) => e.profit),
  }
}

function bestLevel(levels: readonly LevelResult[]): CampaignResult['bestLevel'] {
  const measured = levels.filter((l): l is LevelResult & { lift: LiftFigures } => l.lift !== null)
  if (measured.length < 2) return null
  const perMember = (l: LevelResult & { lift: LiftFigures }): number => l.lift.incrementalProfit.estimate / l.lift.treatment.members
  const best = measured.reduce((a, b) => (perMember(b) > perMember(a) ? b : a))
  const sized = best.lift.treatment.members >= MIN_CONTROL && best.lift.control.members >= MIN_CONTROL
  return { key: best.key, profitPerMember: perMember(best), distinguishable: sized && excludesZero(best.lift.incrementalProfit) }
}

function verdict(
  status: ResultStatus,
  overall: LiftFigures | null,
  best: CampaignResult['bestLevel'],
  levels: readonly LevelResult[],
  currency: string,
  row: CampaignRow,
  ordersThrough: string | null,
): CampaignResult['verdict'] {
  const money = (value: number): string => `${currency ? `${currency} ` : ''}${Math.round(value).toLocaleString('en-US')}`
  const pct = (value: number): string => `${(value * 100).toFixed(1)}`
  if (status !== 'measured' || overall === null) {
    const messages: Record<ResultStatus, string> = {
      measured: '',
      running: `The campaign runs until ${row.expires_at}; no outcome is known yet.`,
      'not-started': `The campaign starts on ${row.sent_at}; there is nothing to measure yet.`,
      'outcomes-unknown': `Outcomes unknown: the store's orders ${ordersThrough === null ? 'are empty' : `end on ${ordersThrough}`}, before the window (${row.sent_at} to ${row.expires_at}) is covered. Import the orders up to ${row.expires_at}.`,
      'no-control': 'The campaign kept no holdout, so its lift cannot be measured: nobody shows what would have happened without the coupon.',
      empty: 'The campaign has no members.',
    }
    const params = { sentAt: row.sent_at, expiresAt: row.expires_at, ordersThrough: ordersThrough ?? '' }
    return { code: status === 'measured' ? 'no-evidence' : status, params, message: messages[status] }
  }
  const p = overall.incrementalProfit
  const levelPct = Math.round(overall.level * 100)
  const params: Record<string, string | number> = {
    profit: Math.round(p.estimate),
    low: Math.round(p.low),
    high: Math.round(p.high),
    currency,
    level: levelPct,
    lift: pct(overall.conversionLift.estimate),
    liftLow: pct(overall.conversionLift.low),
    liftHigh: pct(overall.conversionLift.high),
    p: pValue(overall.profitP),
  }
  const bestText = best && best.distinguishable ? ` ${levelName(levels.find((l) => l.key === best.key))} earned the most per coupon.` : ''
  if (best) params.best = best.key
  const range = `${levelPct}% CI ${money(p.low)} to ${money(p.high)}, p = ${pValue(overall.profitP)}`
  // A bootstrap over a handful of members understates its own uncertainty: below the sizes the
  // response model needs (learn-response.ts), no verdict claims an effect, whatever the interval says.
  const enough = overall.treatment.members >= MIN_TREATED && overall.control.members >= MIN_CONTROL
  const code: VerdictCode = enough && overall.profitDistinguishable ? (p.estimate > 0 ? 'profit' : 'loss') : 'no-evidence'
  const message =
    code === 'profit'
      ? `The campaign earned about ${money(p.estimate)} extra profit (${range}); conversion ${pct(overall.conversionLift.estimate)} points above the holdout.${bestText}`
      : code === 'loss'
        ? `The campaign lost about ${money(-p.estimate)} (${range}): the discounts cost more than the extra orders earned.${bestText}`
        : `Not enough evidence yet: the interval includes no effect. Measured ${money(p.estimate)} extra profit (${range}); conversion ${pct(overall.conversionLift.estimate)} points (${pct(overall.conversionLift.low)} to ${pct(overall.conversionLift.high)}).`
  return { code, params, message }
}

/** A p-value as a merchant reads it: three decimals, "< 0.001" below that. */
export function pValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3)
}

function levelName(level: LevelResult | undefined): string {
  if (!level) return ''
  if (level.discountType === 'percent') return `${level.discountValue}% off`
  if (level.discountType === 'fixed') return `${level.discountValue} off`
  if (level.discountType === 'spend_x_save_y') return `spend ${level.minSpend} save ${level.discountValue}`
  if (level.discountType === 'free_shipping') return 'free shipping'
  return 'no discount'
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length
}

function localNow(): string {
  const d = new Date()
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
}
