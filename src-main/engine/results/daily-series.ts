/**
 * Both groups of a campaign day by day over its window: the chart of the
 * Results step (issue 8 §3, "a chart of both groups over the window").
 *
 * Per day d from the window's first day to its last (or to the last order in
 * the store while the window still runs), per arm, over all of the arm's
 * members (the store's orders cover every day plotted, so a member without a
 * purchase by d did not buy by d):
 *  - conversion: share of the arm's members with at least one dated purchase
 *    in [sent_at, end of d];
 *  - profit per member: the arm's profit so far, (revenue + discount) × margin
 *    − discount per order (lift.ts memberProfit), divided by the arm's members.
 * Per-member means make a 90 % treatment and a 10 % holdout comparable; on the
 * last day of a finished window both equal the lift's figures, apart from
 * members whose purchase the campaign file stated without any dated order or
 * redemption (counted in `undated`, so the chart can say so).
 *
 * What counts as a member's purchase mirrors campaigns/outcomes.ts: their own
 * sale orders in their window (with the discount of their code when the order
 * carries it), a guest-checkout order carrying their unique code, and an
 * imported redemption (results/redemption-writer.ts) whose order is not in the
 * store (its stated total and discount, on its date).
 */
import type Database from 'better-sqlite3'
import { orderCodes } from '../campaigns/outcomes'
import { SALE_ORDER } from '../features/sql-conditions'
import type { Arm } from './lift'

export interface SeriesMember {
  memberId: number
  customerId: number
  arm: Arm
  /** Upper-case, trimmed; '' for none (the holdout). */
  code: string
  /** 0..1 on revenue at full price. */
  margin: number
  /** 'YYYY-MM-DD HH:MM:SS' */
  sentAt: string
  expiresAt: string
  /** The outcome the lift uses says this member bought (from a stated outcome or the orders). */
  converted?: boolean
}

export interface SeriesOrder {
  customerId: number | null
  orderedAt: string
  /** Paid, net of discounts and refunds. */
  revenue: number
  discount: number
  codes: readonly string[]
  orderKey: string
}

export interface SeriesRedemption {
  memberId: number
  orderKey: string | null
  redeemedAt: string
  discountAmount: number | null
  orderTotal: number | null
}

export interface SeriesInput {
  members: readonly SeriesMember[]
  orders: readonly SeriesOrder[]
  redemptions: readonly SeriesRedemption[]
  /** How many members of any campaign hold each upper-case code (a shared code says nothing about who used it). */
  codeHolders: ReadonlyMap<string, number>
  /** First and last day plotted, 'YYYY-MM-DD', inclusive. */
  from: string
  to: string
}

export interface ArmDay {
  /** Members with a purchase so far / members. */
  conversion: number
  /** Profit so far / members, in the shop currency. */
  profitPerMember: number
}

export interface DailyPoint {
  /** 'YYYY-MM-DD', shop calendar. */
  day: string
  treatment: ArmDay
  control: ArmDay
}

export interface DailySeries {
  from: string
  to: string
  /** The window was still running: the curves stop at the last order in the store, not at the window's end. */
  endsAtLastOrder: boolean
  /** Members per arm: the denominators. */
  members: { treatment: number; control: number }
  /** Members the lift counts as buyers with no dated purchase to plot (a campaign file that stated the outcome only). */
  undated: { treatment: number; control: number }
  points: DailyPoint[]
}

interface Purchase {
  day: string
  revenue: number
  discount: number
}

/** The daily curves from members, orders and redemptions already in memory. Pure. */
export function dailySeries(input: SeriesInput, endsAtLastOrder = false): DailySeries {
  const days = dayRange(input.from, input.to)
  const byCustomer = new Map<number, SeriesOrder[]>()
  const byCode = new Map<string, SeriesOrder[]>()
  const byKey = new Map<string, SeriesOrder>()
  for (const order of input.orders) {
    if (order.customerId !== null) push(byCustomer, order.customerId, order)
    for (const code of order.codes) push(byCode, code, order)
    byKey.set(keyOf(order.orderKey), order)
  }
  const redemptions = new Map<number, SeriesRedemption[]>()
  for (const r of input.redemptions) push(redemptions, r.memberId, r)

  const index = new Map(days.map((day, i) => [day, i]))
  const arms = { treatment: armAccumulator(days.length), control: armAccumulator(days.length) }
  for (const member of input.members) {
    const arm = arms[member.arm]
    arm.members++
    const purchases = memberPurchases(member, byCustomer, byCode, byKey, redemptions.get(member.memberId) ?? [], input.codeHolders)
    // Purchases before the first plotted day cannot happen (the window starts there); after the last, they are not plotted yet.
    const dated = purchases.map((p) => ({ ...p, at: index.get(p.day) })).filter((p): p is Purchase & { at: number } => p.at !== undefined)
    if (purchases.length === 0 && member.converted === true) arm.undated++
    if (dated.length === 0) continue
    arm.firstBuy[Math.min(...dated.map((p) => p.at))]++
    for (const p of dated) arm.profit[p.at] += (p.revenue + p.discount) * member.margin - p.discount
  }

  const running = { treatment: { buyers: 0, profit: 0 }, control: { buyers: 0, profit: 0 } }
  const points: DailyPoint[] = days.map((day, i) => {
    const point = { day } as DailyPoint
    for (const name of ['treatment', 'control'] as const) {
      const arm = arms[name]
      running[name].buyers += arm.firstBuy[i]
      running[name].profit += arm.profit[i]
      point[name] = {
        conversion: arm.members === 0 ? 0 : running[name].buyers / arm.members,
        profitPerMember: arm.members === 0 ? 0 : running[name].profit / arm.members,
      }
    }
    return point
  })
  return { from: input.from, to: input.to, endsAtLastOrder, members: { treatment: arms.treatment.members, control: arms.control.members }, undated: { treatment: arms.treatment.undated, control: arms.control.undated }, points }
}

/** One member's dated purchases in their window, one per order (outcomes.ts's rules). */
function memberPurchases(
  member: SeriesMember,
  byCustomer: ReadonlyMap<number, SeriesOrder[]>,
  byCode: ReadonlyMap<string, SeriesOrder[]>,
  byKey: ReadonlyMap<string, SeriesOrder>,
  used: readonly SeriesRedemption[],
  holders: ReadonlyMap<string, number>,
): Purchase[] {
  const inWindow = (at: string): boolean => at >= member.sentAt && at <= member.expiresAt
  const code = member.code
  const own = (byCustomer.get(member.customerId) ?? []).filter((o) => inWindow(o.orderedAt))
  const purchases = new Map<string, Purchase>()
  for (const o of own) purchases.set(keyOf(o.orderKey), { day: o.orderedAt.slice(0, 10), revenue: o.revenue, discount: code !== '' && o.codes.includes(code) ? o.discount : 0 })
  if (code !== '' && (holders.get(code) ?? 0) === 1) {
    // A unique code used at a guest checkout still redeems the member's coupon (another customer's order does not: outcomes.ts).
    for (const o of byCode.get(code) ?? []) {
      const key = keyOf(o.orderKey)
      if (o.customerId === null && inWindow(o.orderedAt) && !purchases.has(key)) purchases.set(key, { day: o.orderedAt.slice(0, 10), revenue: 0, discount: o.discount })
    }
  }
  used.forEach((r, i) => {
    const key = r.orderKey === null ? `@${r.memberId}:${i}` : keyOf(r.orderKey)
    const known = purchases.get(key)
    if (known) {
      if (r.discountAmount !== null) known.discount = r.discountAmount
      return
    }
    const inStore = r.orderKey !== null && byKey.has(key)
    // An undated-order redemption (no order id) adds its total only when the store has none of the member's orders (outcomes.ts).
    const addsRevenue = r.orderKey === null ? own.length === 0 : !inStore
    purchases.set(key, {
      day: r.redeemedAt.slice(0, 10),
      revenue: addsRevenue ? (r.orderTotal ?? 0) : 0,
      discount: r.discountAmount ?? (inStore ? (byKey.get(key)?.discount ?? 0) : 0),
    })
  })
  return [...purchases.values()]
}

/**
 * The series of one campaign from the store: `members` with the margin the
 * lift used, days `from` to `to` (the caller makes sure the store's orders
 * cover them).
 */
export function loadDailySeries(db: Database.Database, campaignId: number, members: readonly Omit<SeriesMember, 'code'>[], from: string, to: string, endsAtLastOrder: boolean): DailySeries | null {
  if (members.length === 0 || to < from) return null
  const codes = new Map(
    (db.prepare('SELECT id, code FROM campaign_members WHERE campaign_id = ?').all(campaignId) as { id: number; code: string | null }[]).map((m) => [m.id, m.code?.trim().toUpperCase() ?? '']),
  )
  let start = members[0].sentAt
  let end = members[0].expiresAt
  for (const m of members) {
    if (m.sentAt < start) start = m.sentAt
    if (m.expiresAt > end) end = m.expiresAt
  }
  const orders = (
    db
      .prepare(
        `SELECT o.customer_id AS customerId, o.ordered_at AS orderedAt, COALESCE(o.total, 0) - o.refunded_amount AS revenue,
           o.discount_amount AS discount, o.discount_code AS code, o.order_key AS orderKey
         FROM orders o WHERE o.ordered_at >= ? AND o.ordered_at <= ? AND ${SALE_ORDER}`,
      )
      .all(start, end) as { customerId: number | null; orderedAt: string; revenue: number; discount: number; code: string | null; orderKey: string }[]
  ).map((o) => ({ ...o, codes: orderCodes(o.code) }))
  const redemptions = db
    .prepare('SELECT member_id AS memberId, order_key AS orderKey, redeemed_at AS redeemedAt, discount_amount AS discountAmount, order_total AS orderTotal FROM redemptions WHERE campaign_id = ? ORDER BY id')
    .all(campaignId) as SeriesRedemption[]
  const holders = new Map(
    (db.prepare(`SELECT UPPER(TRIM(code)) AS code, COUNT(*) AS n FROM campaign_members WHERE code IS NOT NULL AND TRIM(code) <> '' GROUP BY UPPER(TRIM(code))`).all() as { code: string; n: number }[]).map((r) => [r.code, r.n]),
  )
  return dailySeries(
    { members: members.map((m) => ({ ...m, code: codes.get(m.memberId) ?? '' })), orders, redemptions, codeHolders: holders, from, to },
    endsAtLastOrder,
  )
}

/** Every calendar day from `from` to `to`, inclusive ('YYYY-MM-DD'). */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = []
  const day = new Date(`${from}T00:00:00Z`)
  const last = new Date(`${to}T00:00:00Z`)
  while (day <= last) {
    out.push(day.toISOString().slice(0, 10))
    day.setUTCDate(day.getUTCDate() + 1)
  }
  return out
}

function armAccumulator(days: number) {
  return { members: 0, undated: 0, firstBuy: new Array<number>(days).fill(0), profit: new Array<number>(days).fill(0) }
}

/** '#1001' and '1001' name one order. */
function keyOf(key: string): string {
  return key.trim().replace(/^#/, '')
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
