/**
 * The export domain's part of the engine contract (joined into EngineCalls in
 * ../api.ts). Type-only.
 *
 * Only approved plans export. Codes are made on the first export (in one
 * transaction, checked against every code in the store and every discount
 * code of the imported orders) and are fixed from then on: a re-export gives
 * the same codes and the same files. The page never names a path: in the
 * desktop app `export/write` asks the merchant for a folder (a dialog in
 * main); elsewhere (web bridge, CLI) it returns the files for the face to
 * save (downloads; the CLI's --out).
 */
import type { Locale } from '../api'

// Written out, not imported from export-files.ts / export-types.ts: the renderer reads this file and
// must not pull in the writers (Node's Buffer). export-schema.ts's `satisfies` keeps them in step.
/** `EXPORT_FORMATS` in export-files.ts. */
export type ExportFormat = 'csv' | 'xlsx' | 'shopify' | 'woocommerce' | 'klaviyo' | 'mailchimp'
/** `Privacy` in export-types.ts. */
export type Privacy = 'keep' | 'hash' | 'drop'

/** The shop's own ids of a scope (category or product name as the plan names it), for the Shopify API and WooCommerce files. */
export interface ScopeIds {
  shopifyId?: string
  wooId?: number
}

export interface ExportArgs {
  planId: number
  format: ExportFormat
  /** Also write the holdout list, as a separate …-HOLDOUT-DO-NOT-MAIL.csv (never mailed). */
  withHoldout: boolean
  privacy: Privacy
  /** Language of the offer sentences and warnings. */
  locale: Locale
  /** Code prefix (letters, digits, dashes); only before the first export: codes are fixed after it. */
  prefix?: string
  /** Random symbols per code (≥ 9, i.e. ≥ 40 bits); only before the first export. */
  length?: number
  /** Scope name → the shop's ids, for scoped offers. */
  scopeIds?: Record<string, ScopeIds>
  /**
   * `export/write` only: further formats written by the same job, after `format`. The plan, its rows
   * and codes are loaded once for all of them; each file is byte for byte what its format alone writes,
   * and the holdout list comes once. The preview shows `format` only.
   */
  formats?: ExportFormat[]
}

/** An approved plan as the Export step lists it. */
export interface ExportablePlan {
  planId: number
  campaignId: number
  approvedAt: string | null
  /** 'YYYY-MM-DD': the window the codes work in. */
  startsAt: string
  expiresAt: string
  coupons: number
  holdout: number
  /** Set once the plan has been exported (the campaign counts as sent from then). */
  firstExportedAt: string | null
  lastExportedAt: string | null
  /** The codes' prefix and length once fixed by the first export; null before. */
  codes: { prefix: string; length: number } | null
}

/** The codes an export gives: fixed = already exported (prefix/length can no longer change). */
export interface ExportCodes {
  prefix: string
  length: number
  /** Bits of randomness per code. */
  bits: number
  fixed: boolean
  count: number
}

/**
 * Which tool a file is for: `spreadsheet` (generic CSV), `excel` (generic XLSX), `shopify-matrixify`
 * (the Matrixify app's Discounts sheet), `shopify-api` (Admin GraphQL payloads), `woocommerce-import`
 * (a coupon import plugin), `woocommerce-rest` (REST batches), `klaviyo-profiles`, `klaviyo-coupons`
 * (a coupon pool upload), `mailchimp` (audience import), `holdout` (kept for Results, never mailed).
 */
export type ExportDestination =
  | 'spreadsheet'
  | 'excel'
  | 'shopify-matrixify'
  | 'shopify-api'
  | 'woocommerce-import'
  | 'woocommerce-rest'
  | 'klaviyo-profiles'
  | 'klaviyo-coupons'
  | 'mailchimp'
  | 'holdout'

/**
 * The first rows of a file exactly as written: the header and cells after formula neutralisation
 * (a cell starting with = + - @ carries its leading apostrophe). JSON files: a table of their first
 * items (Shopify: one row per discount; WooCommerce: one per coupon), non-text values as JSON.
 */
export interface ExportSample {
  header: string[]
  rows: string[][]
  /** What a table row is (file rows; for JSON files, discounts or coupons) and how many the whole file has. */
  unit: 'rows' | 'discounts' | 'coupons'
  of: number
}

export interface ExportFileInfo {
  fileName: string
  destination: ExportDestination
  /** 'holdout' is the DO-NOT-MAIL list; everything else carries treated customers' codes. */
  kind: 'coupons' | 'holdout'
  /** Data rows, header excluded. */
  rows: number
  bytes: number
  mediaType: string
  /** What the merchant must know or do before loading the file, in the export's language. */
  warnings: string[]
}

/** A file as the preview shows it (its size is known only once it is written). */
export interface ExportPreviewFile extends Omit<ExportFileInfo, 'bytes'> {
  /** The header and first rows as the file will hold them. */
  sample: ExportSample
}

export interface ExportPreview {
  planId: number
  format: ExportFormat
  codes: ExportCodes
  treated: number
  holdout: number
  /** Scoped offers' scopes (category or product names) and how many coupons each has. */
  scopes: { kind: 'category' | 'product'; name: string; coupons: number }[]
  files: ExportPreviewFile[]
}

/** A file returned for the face to save (no folder was chosen in main). */
export interface ExportFileContent extends ExportFileInfo {
  /** The file's bytes: UTF-8 text as is, binary (XLSX) as base64. */
  content: string
  encoding: 'utf-8' | 'base64'
}

export interface ExportWritten {
  planId: number
  format: ExportFormat
  /** The merchant cancelled the folder dialog: nothing was written and no code was made. */
  cancelled: boolean
  /** Where the files went (desktop app); null when they come back in `files` for the face to save. */
  folder: string | null
  codes: ExportCodes
  firstExportedAt: string | null
  lastExportedAt: string | null
  /** With `folder`: what was written there (no content). Without: the files' content. */
  files: (ExportFileInfo | ExportFileContent)[]
}

export interface ExportCalls {
  'export/plans': { args: Record<string, never>; result: ExportablePlan[] }
  /** What the format gives (files, where each goes, rows, warnings, first rows) without storing codes. */
  'export/preview': { args: ExportArgs; result: ExportPreview }
  /** Makes the codes on the first export, marks the campaign exported, and writes or returns the files. */
  'export/write': { args: ExportArgs; result: ExportWritten }
}
