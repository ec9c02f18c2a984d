/**
 * What the export writers read and return. Writers are pure: the caller (the
 * `export/write` handler or the CLI) loads the plan, its rows and codes from
 * the store, and writes the returned content to disk.
 */
import type { Locale } from '../api'
import type { ExportDestination, ExportSample } from './export-api'
import type { Offer, PlanGroup, Reason } from '../planner/planner-api'

export type Privacy = 'keep' | 'hash' | 'drop'

/** The plan-level facts every file needs. */
export interface ExportMeta {
  planId: number
  /** Campaign name as the merchant sees it (Shopify discount titles start with it). */
  campaignName: string
  /** ISO 4217, the shop's currency. */
  currency: string
  /** 'YYYY-MM-DD', the first day the codes work (shop's local calendar). */
  startsAt: string
  /** 'YYYY-MM-DD', the last day the codes work (inclusive: valid until 23:59:59 shop time). */
  expiresAt: string
  /** The shop's UTC offset in minutes when known (e.g. 60 for +01:00); null = dates only. */
  utcOffsetMinutes: number | null
  locale: Locale
  privacy: Privacy
  /** The campaign secret: the salt of 'hash' privacy (the same secret that derives the codes). */
  secret: Buffer
  /** The plan's offers, so a reason naming one by id (`deeper`) shows it in words; without, the id. */
  offers?: readonly Offer[]
}

/** What a scoped offer is scoped to, with the shop's own ids where the caller knows them. */
export interface ScopeRef {
  /** Category or product name, as the merchant knows it ("Tea"). */
  name: string
  /** Shopify collection (category scope) or product GID, e.g. gid://shopify/Collection/123. */
  shopifyId?: string
  /** WooCommerce product category or product id. */
  wooId?: number
}

/** One plan row ready to export. Treated rows carry a code; holdout rows never do. */
export interface ExportRow {
  /** The shop's own customer id (null when the shop knows them only by e-mail). */
  shopId: string | null
  email: string | null
  name: string | null
  /** When null, the first word of `name`. */
  firstName?: string | null
  group: PlanGroup
  offer: Offer | null
  /** Set for scoped offers (offer.scope 'category' / 'product'). */
  scope?: ScopeRef | null
  code: string | null
  segment: string
  pBuyWithout: number
  pBuyWith: number
  expectedCost: number
  expectedIncrementalProfit: number
  reasons: Reason[]
}

export interface ExportInput {
  meta: ExportMeta
  rows: readonly ExportRow[]
}

/** One file a writer produced: the name is a suggestion the caller may prefix with a folder. */
export interface ExportFile {
  fileName: string
  /** Which tool the file is for (the Export step says where to load it). */
  destination: ExportDestination
  content: string | Buffer
  /** Data rows (customers or codes) in the file, header excluded. */
  rows: number
  /** Things the merchant must do or know before loading the file (shown beside it). */
  warnings: string[]
}

export type { ExportDestination, ExportSample }

/** A problem with the export itself (bad option, missing id): the message is for the merchant. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportError'
  }
}
