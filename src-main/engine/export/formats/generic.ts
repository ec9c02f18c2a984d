/**
 * The generic plan files (CSV and XLSX): one row per treated customer with the
 * plan's columns, the code and the offer in one sentence. Also the holdout
 * list, which only this separate writer produces, under a name that says so.
 */
import { ExportError, type ExportFile, type ExportInput, type ExportMeta, type ExportRow } from '../export-types'
import { fileStem, hashPersonal, personal, reasonTexts, sentences, treatedRows } from '../export-rows'
import { csvPart, renderedFile, textFile, xlsxPart, type ExportPart, type TableSpec } from '../export-table'
import { exportNote } from '../offer-text'
import type { XlsxCell } from '../xlsx-text'

const PLAN_COLUMNS = [
  'customer_id',
  'email',
  'group',
  'discount_type',
  'discount_value',
  'min_spend',
  'applies_to',
  'starts_at',
  'expires_at',
  'p_buy_without',
  'p_buy_with',
  'expected_cost',
  'expected_incremental_profit',
  'reason',
  'code',
  'offer_text',
] as const

/** The columns of the generic files under a privacy option ('drop' leaves e-mail out). */
export function genericHeader(meta: ExportMeta): string[] {
  return PLAN_COLUMNS.filter((column) => meta.privacy !== 'drop' || column !== 'email')
}

function round(value: number, places: number): number {
  const f = 10 ** places
  return Math.round(value * f) / f
}

function appliesTo(row: ExportRow): string {
  if (!row.offer || row.offer.scope === 'all') return 'all'
  return `${row.offer.scope}:${row.scope?.name ?? ''}`
}

/** A row → cells function for one export (sentences and reasons memoised across rows). */
function genericCells(meta: ExportMeta): (row: ExportRow) => XlsxCell[] {
  const header = genericHeader(meta)
  const sentence = sentences(meta)
  const reason = reasonTexts(meta)
  return (row) => {
    const offer = row.offer
    const cells: Record<(typeof PLAN_COLUMNS)[number], XlsxCell> = {
      customer_id: row.shopId,
      email: personal(meta, row).email,
      group: row.group,
      discount_type: offer?.type ?? null,
      discount_value: offer?.value ?? null,
      min_spend: offer ? offer.minSpend : null,
      applies_to: appliesTo(row),
      starts_at: meta.startsAt,
      expires_at: meta.expiresAt,
      p_buy_without: round(row.pBuyWithout, 4),
      p_buy_with: round(row.pBuyWith, 4),
      expected_cost: round(row.expectedCost, 2),
      expected_incremental_profit: round(row.expectedIncrementalProfit, 2),
      reason: reason(row),
      code: row.code,
      offer_text: offer ? sentence(row) : null,
    }
    return header.map((column) => cells[column as (typeof PLAN_COLUMNS)[number]])
  }
}

function notes(meta: ExportMeta): string[] {
  return meta.privacy === 'hash' ? [exportNote(meta.locale, 'hashedEmail')] : []
}

function genericTable({ meta, rows }: ExportInput, extension: 'csv' | 'xlsx'): TableSpec {
  const treated = treatedRows(rows)
  const cells = genericCells(meta)
  return {
    fileName: `${fileStem(meta)}-coupons.${extension}`,
    destination: extension === 'csv' ? 'spreadsheet' : 'excel',
    header: genericHeader(meta),
    rows: treated.length,
    cells: (i) => cells(treated[i]),
    warnings: notes(meta),
  }
}

export function genericCsvPart(input: ExportInput): ExportPart {
  return csvPart(genericTable(input, 'csv'))
}

export function genericXlsxPart(input: ExportInput): ExportPart {
  return xlsxPart(genericTable(input, 'xlsx'), 'Coupons')
}

export function writeGenericCsv(input: ExportInput): ExportFile {
  return textFile(genericCsvPart(input))
}

export function writeGenericXlsx(input: ExportInput): Promise<ExportFile> {
  return renderedFile(genericXlsxPart(input))
}

const HOLDOUT_COLUMNS = ['customer_id', 'email', 'name', 'group', 'segment'] as const

/**
 * The holdout list: customers who must NOT get a coupon (they measure the
 * campaign). Only written when asked for, never mixed into another file, and
 * named HOLDOUT-DO-NOT-MAIL so nobody uploads it to an e-mail tool by mistake.
 */
export function holdoutPart({ meta, rows }: ExportInput): ExportPart {
  const holdout = rows.filter((row) => row.group === 'holdout')
  for (const row of holdout) {
    if (row.code) throw new ExportError(`Holdout customer ${row.shopId ?? row.email ?? '?'} has a code; holdout customers never get one.`)
  }
  const header = HOLDOUT_COLUMNS.filter((column) => meta.privacy !== 'drop' || (column !== 'email' && column !== 'name'))
  const cells = (row: ExportRow): (string | null)[] => {
    const who = personal(meta, row)
    const name = meta.privacy === 'keep' ? row.name : meta.privacy === 'hash' ? hashPersonal(meta.secret, row.name) : null
    const values: Record<(typeof HOLDOUT_COLUMNS)[number], string | null> = { customer_id: row.shopId, email: who.email, name, group: row.group, segment: row.segment }
    return header.map((column) => values[column])
  }
  return csvPart({
    fileName: `${fileStem(meta)}-HOLDOUT-DO-NOT-MAIL.csv`,
    destination: 'holdout',
    header,
    rows: holdout.length,
    cells: (i) => cells(holdout[i]),
    warnings: [exportNote(meta.locale, 'holdoutWarning'), ...notes(meta)],
  })
}

export function writeHoldoutCsv(input: ExportInput): ExportFile {
  return textFile(holdoutPart(input))
}
