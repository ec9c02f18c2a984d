/**
 * The entry point for `export/write` and `offerwise export`: a format name →
 * the files it writes. Pure: content comes back, the caller writes it.
 */
import type { ExportFile, ExportInput } from './export-types'
import { writeCouponUploadCsv, writeKlaviyoProfilesCsv, writeMailchimpCsv } from './formats/email-tools'
import { writeGenericCsv, writeGenericXlsx, writeHoldoutCsv } from './formats/generic'
import { writeShopifyApiJson, writeShopifyMatrixifyCsv } from './formats/shopify'
import { writeWooCouponCsv, writeWooRestJson } from './formats/woocommerce'

export const EXPORT_FORMATS = ['csv', 'xlsx', 'shopify', 'woocommerce', 'klaviyo', 'mailchimp'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

type Writer = (input: ExportInput) => ExportFile | Promise<ExportFile>

/** Each format gives every file its tool's route needs (Shopify: the Matrixify sheet and the API payloads). */
const WRITERS: Record<ExportFormat, Writer[]> = {
  csv: [writeGenericCsv],
  xlsx: [writeGenericXlsx],
  shopify: [writeShopifyMatrixifyCsv, writeShopifyApiJson],
  woocommerce: [writeWooCouponCsv, writeWooRestJson],
  klaviyo: [writeKlaviyoProfilesCsv, writeCouponUploadCsv],
  mailchimp: [writeMailchimpCsv],
}

export interface ExportRequest {
  format: ExportFormat
  /** Also write the holdout list, as its own HOLDOUT-DO-NOT-MAIL file. */
  withHoldout: boolean
}

export async function writeExport(input: ExportInput, request: ExportRequest): Promise<ExportFile[]> {
  const files: ExportFile[] = []
  for (const writer of WRITERS[request.format]) files.push(await writer(input))
  if (request.withHoldout) files.push(writeHoldoutCsv(input))
  return files
}
