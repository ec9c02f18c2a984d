/**
 * Plans in the store: saved whole in one transaction (settings, seed, model
 * run, response model, decision matrix, customers), so a plan can be shown and
 * reproduced later; re-solves update only the choice and the figures.
 */
import type Database from 'better-sqlite3'
import { EngineError } from '../api-schema'
import type { CandidateMatrix } from './candidates'
import type { BuiltPlan } from './build-plan'
import type { CustomerFacts } from './customer-facts'
import type { Offer, Plan, PlanSettings, PlanStatus, ResponseSummary } from './planner-api'
import type { Solved } from './plan-solution'

/** What reasons and the demand forecast quote per customer; identity comes from `customers`. */
export type StoredFacts = Pick<
  CustomerFacts,
  | 'recencyDays'
  | 'orders'
  | 'gapMeanDays'
  | 'discountShare'
  | 'saleSpendShare'
  | 'returnsRate'
  | 'favouriteCategory'
  | 'favouriteCategoryShare'
  | 'favouriteProduct'
  | 'topProducts'
  | 'linesPerOrder'
  | 'orderValue'
  | 'margin'
>

export interface StoredCustomer {
  rowIndex: number
  customerId: number
  shopId: string | null
  name: string | null
  email: string | null
  standing: 'eligible' | 'holdout' | 'excluded'
  exclusion: string | null
  segment: string
  pWithout: number
  orderValue: number
  margin: number
  facts: StoredFacts
  lockKind: 'offer' | 'exclude' | null
  lockOffer: number | null
}

export interface StoredPlan {
  id: number
  status: PlanStatus
  createdAt: string
  approvedAt: string | null
  runId: number
  currency: string
  settings: PlanSettings
  startsAt: string
  expiresAt: string
  offers: Offer[]
  response: ResponseSummary
  redeemShare: number
  campaignId: number | null
  solved: Pick<Solved, 'summary' | 'frontier' | 'bySegment' | 'byOffer' | 'demand' | 'exclusionCounts'>
}

const f32 = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
const i32 = (a: Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
const u8 = (a: Uint8Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
/** Blobs come back as Node Buffers, possibly unaligned: copy into a fresh typed array. */
const toF32 = (b: Buffer): Float32Array => new Float32Array(new Uint8Array(b).buffer)
const toI32 = (b: Buffer): Int32Array => new Int32Array(new Uint8Array(b).buffer)
const toU8 = (b: Buffer): Uint8Array => new Uint8Array(b)

function storedFacts(f: CustomerFacts): StoredFacts {
  return {
    recencyDays: f.recencyDays,
    orders: f.orders,
    gapMeanDays: Math.round(f.gapMeanDays * 10) / 10,
    discountShare: f.discountShare,
    saleSpendShare: f.saleSpendShare,
    returnsRate: f.returnsRate,
    favouriteCategory: f.favouriteCategory,
    favouriteCategoryShare: f.favouriteCategoryShare,
    favouriteProduct: f.favouriteProduct,
    topProducts: f.topProducts.slice(0, 3),
    linesPerOrder: f.linesPerOrder,
    orderValue: f.orderValue,
    margin: f.margin,
  }
}

export function savePlan(db: Database.Database, built: BuiltPlan, settings: PlanSettings, currency: string, solved: Solved): number {
  return db.transaction(() => {
    const planId = Number(
      db
        .prepare(`INSERT INTO plans (created_at, status, run_id, currency, settings_json, starts_at, expires_at, offers_json, response_model_json,
            response_json, redeem_share, summary_json, frontier_json, breakdown_json)
          VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          new Date().toISOString(), built.runId, currency, JSON.stringify(settings), built.startsAt, built.expiresAt, JSON.stringify(built.offers),
          JSON.stringify(built.response.model), JSON.stringify(built.response.summary), built.response.model.redeemShare,
          JSON.stringify(solved.summary), JSON.stringify(solved.frontier), JSON.stringify(breakdown(solved)),
        ).lastInsertRowid,
    )
    const insert = db.prepare(`INSERT INTO plan_customers (plan_id, row_index, customer_id, standing, exclusion, segment, p_without, order_value, margin, facts_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    built.customers.forEach((c, i) => {
      insert.run(planId, i, c.facts.customerId, c.standing, c.exclusion, c.segment, c.pWithout, c.facts.orderValue, c.facts.margin, JSON.stringify(storedFacts(c.facts)))
    })
    const m = built.matrix
    db.prepare(`INSERT INTO plan_matrices (plan_id, n, k, profit_cautious, cost_cautious, profit_mean, cost_mean, p_with, face_value, depth, feasible, choice)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(planId, m.n, m.k, f32(m.profitCautious), f32(m.costCautious), f32(m.profitMean), f32(m.costMean), f32(m.pWithMean), f32(m.faceValue), f32(m.depth), u8(m.feasible), i32(solved.choice))
    return planId
  })()
}

function breakdown(solved: Solved): object {
  return { bySegment: solved.bySegment, byOffer: solved.byOffer, demand: solved.demand, exclusionCounts: solved.exclusionCounts }
}

/** After a re-solve or a lock: the new choice and figures, and the budget they were solved at. */
export function saveSolution(db: Database.Database, planId: number, settings: PlanSettings, solved: Solved): void {
  db.transaction(() => {
    db.prepare('UPDATE plans SET settings_json = ?, summary_json = ?, frontier_json = ?, breakdown_json = ? WHERE id = ?').run(
      JSON.stringify(settings), JSON.stringify(solved.summary), JSON.stringify(solved.frontier), JSON.stringify(breakdown(solved)), planId,
    )
    db.prepare('UPDATE plan_matrices SET choice = ? WHERE plan_id = ?').run(i32(solved.choice), planId)
  })()
}

export function saveLock(db: Database.Database, planId: number, rowIndex: number, kind: 'offer' | 'exclude' | null, offer: number | null): void {
  db.prepare('UPDATE plan_customers SET lock_kind = ?, lock_offer = ? WHERE plan_id = ? AND row_index = ?').run(kind, offer, planId, rowIndex)
}

export function loadPlanRecord(db: Database.Database, planId: number): StoredPlan {
  const row = db.prepare('SELECT * FROM plans WHERE id = ?').get(planId) as Record<string, unknown> | undefined
  if (!row) throw new EngineError('plan.not-found', `There is no plan number ${planId}.`, { planId })
  const b = JSON.parse(row.breakdown_json as string) as Pick<Solved, 'bySegment' | 'byOffer' | 'demand' | 'exclusionCounts'>
  return {
    id: row.id as number,
    status: row.status as PlanStatus,
    createdAt: row.created_at as string,
    approvedAt: (row.approved_at as string | null) ?? null,
    runId: row.run_id as number,
    currency: row.currency as string,
    settings: JSON.parse(row.settings_json as string) as PlanSettings,
    startsAt: row.starts_at as string,
    expiresAt: row.expires_at as string,
    offers: JSON.parse(row.offers_json as string) as Offer[],
    response: JSON.parse(row.response_json as string) as ResponseSummary,
    redeemShare: row.redeem_share as number,
    campaignId: (row.campaign_id as number | null) ?? null,
    solved: { summary: JSON.parse(row.summary_json as string), frontier: JSON.parse(row.frontier_json as string), ...b },
  }
}

export function loadPlanCustomers(db: Database.Database, planId: number): StoredCustomer[] {
  const rows = db
    .prepare(`SELECT pc.row_index, pc.customer_id, c.external_id, c.name, c.email, pc.standing, pc.exclusion, pc.segment, pc.p_without,
        pc.order_value, pc.margin, pc.facts_json, pc.lock_kind, pc.lock_offer
      FROM plan_customers pc JOIN customers c ON c.id = pc.customer_id WHERE pc.plan_id = ? ORDER BY pc.row_index`)
    .all(planId) as Record<string, unknown>[]
  return rows.map((r) => ({
    rowIndex: r.row_index as number,
    customerId: r.customer_id as number,
    shopId: r.external_id as string | null,
    name: r.name as string | null,
    email: r.email as string | null,
    standing: r.standing as StoredCustomer['standing'],
    exclusion: r.exclusion as string | null,
    segment: r.segment as string,
    pWithout: r.p_without as number,
    orderValue: r.order_value as number,
    margin: r.margin as number,
    facts: JSON.parse(r.facts_json as string) as StoredFacts,
    lockKind: r.lock_kind as StoredCustomer['lockKind'],
    lockOffer: r.lock_offer as number | null,
  }))
}

export function loadPlanMatrix(db: Database.Database, planId: number, offers: Offer[]): { matrix: CandidateMatrix; choice: Int32Array } {
  const r = db.prepare('SELECT * FROM plan_matrices WHERE plan_id = ?').get(planId) as Record<string, Buffer | number>
  const matrix: CandidateMatrix = {
    n: r.n as number,
    k: r.k as number,
    offers,
    profitCautious: toF32(r.profit_cautious as Buffer),
    costCautious: toF32(r.cost_cautious as Buffer),
    profitMean: toF32(r.profit_mean as Buffer),
    costMean: toF32(r.cost_mean as Buffer),
    pWithMean: toF32(r.p_with as Buffer),
    faceValue: toF32(r.face_value as Buffer),
    depth: toF32(r.depth as Buffer),
    feasible: toU8(r.feasible as Buffer),
  }
  return { matrix, choice: toI32(r.choice as Buffer) }
}

export function listPlans(db: Database.Database): { id: number; status: PlanStatus; createdAt: string; settingsJson: string; summaryJson: string }[] {
  return db.prepare('SELECT id, status, created_at AS createdAt, settings_json AS settingsJson, summary_json AS summaryJson FROM plans ORDER BY id DESC').all() as {
    id: number
    status: PlanStatus
    createdAt: string
    settingsJson: string
    summaryJson: string
  }[]
}
