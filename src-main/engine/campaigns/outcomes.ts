import type Database from 'better-sqlite3'
import { SALE_ORDER } from '../features/sql-conditions'
import type { CampaignDiscountType } from '../planner/offer-types'

/**
 * What happened to each campaign member in the campaign window: the data the
 * response model learns from (treated vs control, per depth).
 *
 * Per outcome field, what the file stated wins; otherwise it is derived from
 * the store's orders in [sent_at, expires_at]:
 *  - converted: any sale order (not a return invoice, not cancelled) by the member;
 *  - redeemed: one of those orders carried the member's code (case-insensitive;
 *    a multi-code cell "A, B" counts each), or, when no other member holds that
 *    code, a guest-checkout order in the window did. An order by another known
 *    customer carrying the code is not credited (issue 8: a code used by someone
 *    else is reported, results/import-accounting.ts, never silently credited);
 *  - revenue: the member's sale revenue in the window (total minus refunds).
 * A stated order id means the coupon was redeemed on that order, and so does
 * an imported redemption (results/redemption-writer.ts) matched to the member.
 *
 * When the file did not state whether the member converted and the store's
 * orders do not cover the window (they start after sent_at or end before
 * expires_at), the outcome is unknown: `known` is false and the figures are 0
 * rather than a false "did not buy", so a model can leave the member out.
 */
export interface MemberOutcome {
  memberId: number
  campaignId: number
  customerId: number
  arm: 'treatment' | 'control'
  discountType: CampaignDiscountType
  discountValue: number
  minSpend: number
  appliesTo: string
  /** 'YYYY-MM-DD HH:MM:SS' */
  sentAt: string
  expiresAt: string
  converted: boolean
  redeemed: boolean
  revenue: number
  /**
   * Sale orders of the member in the window (0 when unknown; at least 1 for a stated redemption whose order is not in the store).
   * Always set by memberOutcomes; optional so hand-made outcomes (tests, fits) need not invent it.
   */
  orders?: number
  /** Discount the member's code actually gave: the redemption file's amount, else the discount of the orders that carried the code. Always set by memberOutcomes. */
  discount?: number
  /** 'stated' when the file stated any outcome of the member, else 'orders'. */
  source: 'stated' | 'orders'
  /** False when neither the file nor the store's orders can tell what happened. */
  known: boolean
}

interface MemberRow {
  id: number
  campaign_id: number
  customer_id: number
  arm: 'treatment' | 'control'
  discount_type: CampaignDiscountType
  discount_value: number
  min_spend: number
  applies_to: string
  sent_at: string
  expires_at: string
  code: string | null
  redeemed: number | null
  order_key: string | null
  converted: number | null
  revenue: number | null
}

interface WindowOrder {
  customerId: number | null
  orderedAt: string
  revenue: number
  discount: number
  codes: string[]
  orderKey: string
}

interface RedemptionRow {
  member_id: number
  order_key: string | null
  discount_amount: number | null
  order_total: number | null
}

/**
 * "SPRING10, vip-5" → ['SPRING10', 'VIP-5']: WooCommerce lists every coupon of an order in one cell,
 * and its `coupon_items` column writes each as `code:X|amount:10.00`, joined by ";".
 */
export function orderCodes(cell: string | null): string[] {
  if (cell === null) return []
  return cell
    .split(/[,;]/)
    .map((part) => {
      const item = /(?:^|\|)\s*code\s*:\s*([^|]*)/i.exec(part)
      return (item ? item[1] : part).trim().toUpperCase()
    })
    .filter((code) => code !== '')
}

/** '#1001' and '1001' name one order. */
function orderKeyOf(key: string): string {
  return key.trim().replace(/^#/, '')
}

export function memberOutcomes(db: Database.Database, campaignId?: number): MemberOutcome[] {
  const members = db
    .prepare(
      `SELECT id, campaign_id, customer_id, arm, discount_type, discount_value, min_spend, applies_to, sent_at, expires_at,
         code, redeemed, order_key, converted, revenue
       FROM campaign_members ${campaignId === undefined ? '' : 'WHERE campaign_id = @campaignId'}
       ORDER BY campaign_id, id`,
    )
    .all(campaignId === undefined ? {} : { campaignId }) as MemberRow[]
  if (members.length === 0) return []

  const span = db.prepare('SELECT MIN(ordered_at) AS first, MAX(ordered_at) AS last FROM orders').get() as { first: string | null; last: string | null }
  const windows = loadWindowOrders(db, members)
  const holders = codeHolders(db)
  const byKey = new Map<string, WindowOrder>()
  for (const order of windows.all) byKey.set(orderKeyOf(order.orderKey), order)
  const redemptions = redemptionsByMember(db, campaignId)

  return members.map((member) => {
    const covered = span.first !== null && span.last !== null && span.first <= member.sent_at && span.last >= member.expires_at
    const inWindow = (order: WindowOrder): boolean => order.orderedAt >= member.sent_at && order.orderedAt <= member.expires_at
    const own = (windows.byCustomer.get(member.customer_id) ?? []).filter(inWindow)
    const code = member.code?.trim().toUpperCase() ?? ''
    const uniqueCode = code !== '' && (holders.get(code) ?? 0) === 1
    const derivedRedeemed =
      code !== '' && (own.some((order) => order.codes.includes(code)) || (uniqueCode && guestOrders(windows.byCode.get(code)).some(inWindow)))
    const statedOrder = member.order_key === null ? undefined : byKey.get(orderKeyOf(member.order_key))
    const used = redemptions.get(member.id) ?? []

    const stated = member.converted !== null || member.redeemed !== null || member.revenue !== null || member.order_key !== null
    const imported = used.length > 0
    const redeemed = member.redeemed !== null ? member.redeemed === 1 : member.order_key !== null || imported ? true : covered && derivedRedeemed
    const converted = member.converted !== null ? member.converted === 1 : redeemed || (covered && own.length > 0)
    // Redeemed orders the store's orders do not hold (a redemption file without the order export) add their stated totals.
    const ownKeys = new Set(own.map((o) => orderKeyOf(o.orderKey)))
    const missing = used.filter((r) => (r.order_key === null ? own.length === 0 : !ownKeys.has(orderKeyOf(r.order_key)) && !byKey.has(orderKeyOf(r.order_key))))
    const missingRevenue = missing.reduce((sum, r) => sum + (r.order_total ?? 0), 0)
    const derivedRevenue = covered ? round2(own.reduce((sum, o) => sum + o.revenue, 0) + missingRevenue) : round2((statedOrder?.revenue ?? 0) + missingRevenue)
    const revenue = member.revenue ?? derivedRevenue
    const codeOrders = code === '' ? [] : [...own.filter((o) => o.codes.includes(code)), ...(uniqueCode ? guestOrders(windows.byCode.get(code)).filter(inWindow) : [])]
    const orderDiscount = new Map(codeOrders.map((o) => [orderKeyOf(o.orderKey), o.discount]))
    for (const r of used) {
      const key = r.order_key === null ? `@${r.member_id}:${orderDiscount.size}` : orderKeyOf(r.order_key)
      if (r.discount_amount !== null) orderDiscount.set(key, r.discount_amount)
      else if (!orderDiscount.has(key)) orderDiscount.set(key, byKey.get(key)?.discount ?? 0)
    }
    const discount = redeemed ? round2([...orderDiscount.values()].reduce((sum, d) => sum + d, 0)) : 0
    const orders = covered ? own.length + missing.length : converted ? Math.max(1, missing.length) : 0
    return {
      memberId: member.id,
      campaignId: member.campaign_id,
      customerId: member.customer_id,
      arm: member.arm,
      discountType: member.discount_type,
      discountValue: member.discount_value,
      minSpend: member.min_spend,
      appliesTo: member.applies_to,
      sentAt: member.sent_at,
      expiresAt: member.expires_at,
      converted,
      redeemed,
      revenue,
      orders,
      discount,
      source: stated ? 'stated' : 'orders',
      // A stated redemption (flag, order id or a redemption file's row) settles conversion too.
      known: covered || member.converted !== null || redeemed,
    }
  })
}

/**
 * Sale orders inside the union of the members' windows, in one query: campaign
 * windows are short, so this stays small even for a long order history.
 */
function loadWindowOrders(db: Database.Database, members: readonly MemberRow[]) {
  let from = members[0].sent_at
  let to = members[0].expires_at
  for (const m of members) {
    if (m.sent_at < from) from = m.sent_at
    if (m.expires_at > to) to = m.expires_at
  }
  const rows = db
    .prepare(
      `SELECT o.customer_id AS customerId, o.ordered_at AS orderedAt, COALESCE(o.total, 0) - o.refunded_amount AS revenue,
         o.discount_amount AS discount, o.discount_code AS code, o.order_key AS orderKey
       FROM orders o WHERE o.ordered_at >= ? AND o.ordered_at <= ? AND ${SALE_ORDER}`,
    )
    .all(from, to) as { customerId: number | null; orderedAt: string; revenue: number; discount: number; code: string | null; orderKey: string }[]
  const all: WindowOrder[] = rows.map((row) => ({ ...row, codes: orderCodes(row.code) }))
  const byCustomer = new Map<number, WindowOrder[]>()
  const byCode = new Map<string, WindowOrder[]>()
  for (const order of all) {
    if (order.customerId !== null) push(byCustomer, order.customerId, order)
    for (const code of order.codes) push(byCode, code, order)
  }
  return { all, byCustomer, byCode }
}

/** Orders placed at a guest checkout: only there can a unique code stand for its holder. */
function guestOrders(orders: readonly WindowOrder[] | undefined): WindowOrder[] {
  return (orders ?? []).filter((order) => order.customerId === null)
}

/** Imported redemptions (results/), per member. */
function redemptionsByMember(db: Database.Database, campaignId: number | undefined): Map<number, RedemptionRow[]> {
  const rows = db
    .prepare(`SELECT member_id, order_key, discount_amount, order_total FROM redemptions ${campaignId === undefined ? '' : 'WHERE campaign_id = ?'} ORDER BY id`)
    .all(...(campaignId === undefined ? [] : [campaignId])) as RedemptionRow[]
  const out = new Map<number, RedemptionRow[]>()
  for (const row of rows) push(out, row.member_id, row)
  return out
}

/** How many members (across all campaigns) hold each code: a shared campaign code proves nothing about who used it. */
function codeHolders(db: Database.Database): Map<string, number> {
  const rows = db
    .prepare(`SELECT UPPER(TRIM(code)) AS code, COUNT(*) AS n FROM campaign_members WHERE code IS NOT NULL AND TRIM(code) <> '' GROUP BY UPPER(TRIM(code))`)
    .all() as { code: string; n: number }[]
  return new Map(rows.map((row) => [row.code, row.n]))
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}
