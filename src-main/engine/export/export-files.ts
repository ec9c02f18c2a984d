/**
 * The entry point for `export/*` and `offerwise export`: a format name → the
 * files it writes. Pure: content comes back, the caller writes it.
 */
import type { ExportFile, ExportInput } from './export-types'
import { renderedFile, type ExportPart } from './export-table'
import { couponUploadPart, klaviyoProfilesPart, mailchimpPart } from './formats/email-tools'
import { genericCsvPart, genericXlsxPart, holdoutPart } from './formats/generic'
import { shopifyApiPart, shopifyMatrixifyCsvPart } from './formats/shopify'
import { wooCouponCsvPart, wooRestPart } from './formats/woocommerce'

export const EXPORT_FORMATS = ['csv', 'xlsx', 'shopify', 'woocommerce', 'klaviyo', 'mailchimp'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

type PartOf = (input: ExportInput) => ExportPart

/** Each format gives every file its tool's route needs (Shopify: the Matrixify sheet and the API payloads). */
const PARTS: Record<ExportFormat, PartOf[]> = {
  csv: [genericCsvPart],
  xlsx: [genericXlsxPart],
  shopify: [shopifyMatrixifyCsvPart, shopifyApiPart],
  woocommerce: [wooCouponCsvPart, wooRestPart],
  klaviyo: [klaviyoProfilesPart, couponUploadPart],
  mailchimp: [mailchimpPart],
}

export interface ExportRequest {
  format: ExportFormat
  /** Also write the holdout list, as its own HOLDOUT-DO-NOT-MAIL file. */
  withHoldout: boolean
}

/** The files of a format, not yet rendered: names, destinations, counts, warnings and samples are cheap. */
export function exportParts(input: ExportInput, request: ExportRequest): ExportPart[] {
  const parts = PARTS[request.format].map((part) => part(input))
  if (request.withHoldout) parts.push(holdoutPart(input))
  return parts
}

/** Rows rendered so far across all files, of `total`; may throw to stop between rows. */
export type ExportProgress = (done: number, total: number) => void

/** Renders every part in turn, reporting rows across all of them. */
export async function renderParts(parts: readonly ExportPart[], progress?: ExportProgress): Promise<ExportFile[]> {
  const total = parts.reduce((sum, part) => sum + part.rows, 0)
  const files: ExportFile[] = []
  let before = 0
  for (const part of parts) {
    const offset = before
    files.push(await renderedFile(part, progress && ((rows) => progress(offset + rows, total))))
    before += part.rows
  }
  return files
}

export async function writeExport(input: ExportInput, request: ExportRequest, progress?: ExportProgress): Promise<ExportFile[]> {
  return renderParts(exportParts(input, request), progress)
}
