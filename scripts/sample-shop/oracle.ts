/**
 * The oracle: scores any coupon plan for the sample shop by the true
 * response law (response.ts) and each customer's hidden traits (truth.json).
 * Pure functions; importing this file does nothing.
 *
 *   const truth = loadTruth('resources/sample-shop/truth.json')
 *   scorePlan(truth, [{ customerId: '6512300020832', discountType: 'percent', discountValue: 10, startsAt: '2025-01-01', days: 14 }])
 *   // → { incrementalProfit, discountCost, extraOrders, treated, ... } in dollars
 *
 * Per treated customer, over the offer's window:
 *   P(order | none)   = 1 − Π_day (1 − min(0.9, h_day))
 *   P(order | coupon) = 1 − Π_day (1 − min(0.9, h_day · m)),  m = exp(τ(1 − e^(−depth/κ)))
 *   h_day = ratePerDay · dayFactor(day) · (1 − e^(−daysSinceLastOrder/12))
 *   incremental profit = (P_coupon − P_none) · AOV · margin − P_coupon · redeemShare · discount
 * Percent offers are the law the simulation ran. Fixed, free-shipping and
 * min-spend offers extend it the obvious way (depth = discount / AOV; a min
 * spend only works on the baskets that reach it); the data never used them.
 */
import { readFileSync } from 'node:fs'
import { Random } from './random'
import { refractory, responseMultiplier } from './response'
import type { Truth, TruthCustomer } from './truth-types'

export type { Truth, TruthCustomer } from './truth-types'

export type PlanDiscountType = 'percent' | 'fixed' | 'free_shipping' | 'none'

export interface PlanEntry {
  /** The shop's customer id (as in customers.csv), or the customer's e-mail. */
  customerId: string
  discountType: PlanDiscountType
  /** Percent (10 = 10 %) for percent, dollars for fixed, ignored for free shipping. */
  discountValue: number
  minSpend?: number
  /** First day of the offer, YYYY-MM-DD, within truth.horizon. */
  startsAt: string
  days: number
}

export interface OfferLevel {
  discountType: Exclude<PlanDiscountType, 'none'>
  discountValue: number
  minSpend?: number
}

export interface PlanScore {
  /** Dollars: extra margin caused, net of every discount paid (also to those who would have bought anyway). */
  incrementalProfit: number
  /** Expected discount paid, dollars (the budget's measure). */
  discountCost: number
  /** Expected extra customers buying in the window. */
  extraOrders: number
  /** Customers given an offer. */
  treated: number
  /** Expected extra merchandise revenue before discounts, dollars. */
  extraRevenue: number
  /** Plan entries naming no customer in the truth (ignored). */
  unknown: number
}

export interface OfferOutcome {
  pWithout: number
  pWith: number
  /** Expected discount paid: P_with · redeemShare · share of baskets that qualify · amount. */
  cost: number
  profit: number
}

export interface ScoreOptions {
  /** Share of a treated buyer's orders that use the code; default the law's. */
  redeemShare?: number
}

export function loadTruth(path: string): Truth {
  return JSON.parse(readFileSync(path, 'utf8')) as Truth
}

const DAY_MS = 86_400_000
const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)

/** Share of the customer's baskets that reach a min spend (from their basket deciles). */
function qualifyingShare(c: TruthCustomer, minSpend: number): number {
  if (minSpend <= 0) return 1
  return c.basketDeciles.filter((v) => v >= minSpend).length / c.basketDeciles.length
}

function discountAmount(c: TruthCustomer, offer: OfferLevel): number {
  if (offer.discountType === 'percent') return (offer.discountValue / 100) * c.aov
  if (offer.discountType === 'fixed') return Math.min(offer.discountValue, c.aov)
  return c.shipping
}

/** P(at least one order in the window) for a hazard multiplier, as the simulation draws days. */
function windowChance(truth: Truth, c: TruthCustomer, startsAt: string, days: number, multiplier: number): number {
  if (c.lastOrder === null || c.ratePerDay === 0) return 0
  const offset = dayNumber(startsAt) - dayNumber(truth.horizon.from)
  if (offset < 0 || offset + days > truth.horizon.dayFactor.length) {
    throw new RangeError(`window ${startsAt} + ${days} days is outside the truth horizon (${truth.horizon.from}, ${truth.horizon.dayFactor.length} days)`)
  }
  const sinceStart = dayNumber(startsAt) - dayNumber(c.lastOrder)
  let none = 1
  for (let k = 0; k < days; k++) {
    const hazard = c.ratePerDay * truth.horizon.dayFactor[offset + k] * refractory(sinceStart + k)
    none *= 1 - Math.min(truth.law.maxDailyChance, hazard * multiplier)
  }
  return 1 - none
}

/** The true outcome of one offer to one customer. */
export function offerOutcome(truth: Truth, c: TruthCustomer, offer: OfferLevel, startsAt: string, days: number, opts: ScoreOptions = {}): OfferOutcome {
  const redeem = opts.redeemShare ?? truth.law.redeemShare
  const amount = discountAmount(c, offer)
  const q = qualifyingShare(c, offer.minSpend ?? 0)
  const depth = c.aov > 0 ? amount / c.aov : 0
  // The coupon moves only the baskets that qualify for it.
  const multiplier = 1 - q + q * responseMultiplier(c.tau, depth)
  const pWithout = windowChance(truth, c, startsAt, days, 1)
  const pWith = windowChance(truth, c, startsAt, days, multiplier)
  const cost = pWith * redeem * q * amount
  return { pWithout, pWith, cost, profit: (pWith - pWithout) * c.aov * c.margin - cost }
}

/** Looks customers up by shop id or e-mail. */
function customerIndex(truth: Truth): Map<string, TruthCustomer> {
  const index = new Map<string, TruthCustomer>()
  for (const c of Object.values(truth.customers)) {
    index.set(c.id, c)
    index.set(c.email.toLowerCase(), c)
  }
  return index
}

/** The true incremental profit of a plan. Customers not in it, or given 'none', get no coupon. */
export function scorePlan(truth: Truth, plan: readonly PlanEntry[], opts: ScoreOptions = {}): PlanScore {
  const index = customerIndex(truth)
  const seen = new Set<string>()
  const score: PlanScore = { incrementalProfit: 0, discountCost: 0, extraOrders: 0, treated: 0, extraRevenue: 0, unknown: 0 }
  for (const entry of plan) {
    const c = index.get(entry.customerId) ?? index.get(entry.customerId.toLowerCase())
    if (!c) {
      score.unknown++
      continue
    }
    if (seen.has(c.id)) throw new Error(`customer ${c.id} has more than one offer in the plan`)
    seen.add(c.id)
    if (entry.discountType === 'none') continue
    const level: OfferLevel = { discountType: entry.discountType, discountValue: entry.discountValue, minSpend: entry.minSpend }
    const outcome = offerOutcome(truth, c, level, entry.startsAt, entry.days, opts)
    score.treated++
    score.incrementalProfit += outcome.profit
    score.discountCost += outcome.cost
    score.extraOrders += outcome.pWith - outcome.pWithout
    score.extraRevenue += (outcome.pWith - outcome.pWithout) * c.aov
  }
  return score
}

/** The brief's spelling. */
export const scoreplan = scorePlan

export interface WindowOptions extends ScoreOptions {
  /** Default: the day after the data. */
  startsAt?: string
  /** Default 14. */
  days?: number
}

export interface OraclePlan extends PlanScore {
  plan: PlanEntry[]
}

function window(truth: Truth, opts: WindowOptions): { startsAt: string; days: number } {
  return { startsAt: opts.startsAt ?? truth.horizon.from, days: opts.days ?? 14 }
}

const asLevel = (level: number | OfferLevel): OfferLevel => (typeof level === 'number' ? { discountType: 'percent', discountValue: level } : level)

function entry(c: TruthCustomer, level: OfferLevel, w: { startsAt: string; days: number }): PlanEntry {
  return { customerId: c.id, discountType: level.discountType, discountValue: level.discountValue, ...(level.minSpend ? { minSpend: level.minSpend } : {}), startsAt: w.startsAt, days: w.days }
}

/**
 * The oracle's own best plan at a budget (expected discount cost), at most
 * one offer per customer: the greedy of the multiple-choice knapsack on the
 * true numbers. Each customer's offers form an upper hull of profit over
 * cost; hull steps are taken across customers by profit per dollar while
 * they earn money and fit.
 */
export function oraclePlanBest(truth: Truth, budget: number, levels: readonly (number | OfferLevel)[], opts: WindowOptions = {}): OraclePlan {
  const w = window(truth, opts)
  const offers = levels.map(asLevel)
  interface Step { customer: TruthCustomer; level: OfferLevel; dCost: number; dProfit: number; rank: number }
  const steps: Step[] = []
  for (const c of Object.values(truth.customers)) {
    const options = offers
      .map((level) => ({ level, ...offerOutcome(truth, c, level, w.startsAt, w.days, opts) }))
      .filter((o) => o.profit > 0 && o.cost > 0)
      .sort((a, b) => a.cost - b.cost)
    // Upper concave hull from (0, 0): each step must earn more per dollar than the next.
    let cost = 0
    let profit = 0
    let rank = 0
    for (;;) {
      let best: (typeof options)[number] | null = null
      let bestRatio = 0
      for (const o of options) {
        if (o.cost <= cost || o.profit <= profit) continue
        const ratio = (o.profit - profit) / (o.cost - cost)
        if (ratio > bestRatio) {
          bestRatio = ratio
          best = o
        }
      }
      if (!best) break
      steps.push({ customer: c, level: best.level, dCost: best.cost - cost, dProfit: best.profit - profit, rank: rank++ })
      cost = best.cost
      profit = best.profit
    }
  }
  steps.sort((a, b) => b.dProfit / b.dCost - a.dProfit / a.dCost || a.rank - b.rank)
  const chosen = new Map<string, { level: OfferLevel; rank: number }>()
  const blocked = new Set<string>()
  let spent = 0
  for (const step of steps) {
    const id = step.customer.id
    if (blocked.has(id)) continue
    const current = chosen.get(id)
    // Hull steps of one customer come in order; a skipped step ends that customer's upgrades.
    if ((current ? current.rank + 1 : 0) !== step.rank || spent + step.dCost > budget) {
      blocked.add(id)
      continue
    }
    spent += step.dCost
    chosen.set(id, { level: step.level, rank: step.rank })
  }
  const plan = [...chosen.entries()].map(([id, { level }]) => entry(truth.customers[id], level, w))
  return { plan, ...scorePlan(truth, plan, opts) }
}

/** Customers the shop has seen buy: the pool simple rules draw from. */
function buyers(truth: Truth): TruthCustomer[] {
  return Object.values(truth.customers).filter((c) => c.lastOrder !== null)
}

/** Adds customers in the given order until the next would break the budget. */
function fill(truth: Truth, ordered: readonly TruthCustomer[], budget: number, level: OfferLevel, opts: WindowOptions): PlanEntry[] {
  const w = window(truth, opts)
  const plan: PlanEntry[] = []
  let spent = 0
  for (const c of ordered) {
    const { cost } = offerOutcome(truth, c, level, w.startsAt, w.days, opts)
    if (spent + cost > budget) continue
    spent += cost
    plan.push(entry(c, level, w))
  }
  return plan
}

/** Random customers (who have ordered) at one level, until the budget is spent. Seeded. */
export function randomPlan(truth: Truth, budget: number, level: number | OfferLevel, seed: number, opts: WindowOptions = {}): PlanEntry[] {
  const random = new Random(seed)
  const pool = buyers(truth)
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j], pool[i]]
  }
  return fill(truth, pool, budget, asLevel(level), opts)
}

/** Everyone who has ordered gets the same offer (no budget). */
export function everyonePlan(truth: Truth, level: number | OfferLevel, opts: WindowOptions = {}): PlanEntry[] {
  const w = window(truth, opts)
  return buyers(truth).map((c) => entry(c, asLevel(level), w))
}

/**
 * The rule "lapsed big spenders": customers whose last order is at least
 * `lapsedDays` old (default 90), biggest spenders first, until the budget is spent.
 * Uses only what the shop can see (last order, money spent).
 */
export function lapsedBigSpendersPlan(truth: Truth, budget: number, level: number | OfferLevel, opts: WindowOptions & { lapsedDays?: number } = {}): PlanEntry[] {
  const w = window(truth, opts)
  const lapsed = opts.lapsedDays ?? 90
  const pool = buyers(truth)
    .filter((c) => dayNumber(w.startsAt) - dayNumber(c.lastOrder ?? w.startsAt) >= lapsed)
    .sort((a, b) => b.spent - a.spent || a.id.localeCompare(b.id))
  return fill(truth, pool, budget, asLevel(level), opts)
}
