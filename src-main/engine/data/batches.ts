import type Database from 'better-sqlite3'
import type { ImportBatchSummary, Locale, RejectRow } from '../api'
import { toCsv } from '../export/csv-text'
import type { FileIssue } from '../shared/issue'
import { translate } from '../shared/catalogue'

interface BatchRow {
  id: number
  file_name: string
  preset_id: string
  record_kind: ImportBatchSummary['recordKind']
  status: ImportBatchSummary['status']
  started_at: string
  finished_at: string | null
  rows_total: number
  rows_imported: number
  rows_duplicate: number
  rows_repeated: number
  rows_rejected: number
  added_json: string
  failure_json: string | null
}

const EMPTY_ADDED: ImportBatchSummary['added'] = { orders: 0, lines: 0, customers: 0, products: 0, returns: 0, guestOrders: 0 }

function toSummary(row: BatchRow): ImportBatchSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    presetId: row.preset_id,
    recordKind: row.record_kind,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rows: row.rows_total,
    imported: row.rows_imported,
    duplicate: row.rows_duplicate,
    repeatedInFile: row.rows_repeated,
    rejected: row.rows_rejected,
    added: { ...EMPTY_ADDED, ...(JSON.parse(row.added_json) as Partial<ImportBatchSummary['added']>) },
    failure: row.failure_json ? (JSON.parse(row.failure_json) as FileIssue) : null,
  }
}

/** Newest first: the list the Import step shows as history. */
export function listBatches(db: Database.Database): ImportBatchSummary[] {
  return (db.prepare('SELECT * FROM import_batches ORDER BY id DESC').all() as BatchRow[]).map(toSummary)
}

export function getBatch(db: Database.Database, batchId: number): ImportBatchSummary | null {
  const row = db.prepare('SELECT * FROM import_batches WHERE id = ?').get(batchId) as BatchRow | undefined
  return row ? toSummary(row) : null
}

interface RejectDbRow {
  row_number: number
  column_name: string | null
  code: FileIssue['code']
  params_json: string | null
  message: string
  raw: string
}

function toReject(row: RejectDbRow): RejectRow {
  const base: RejectRow = { row: row.row_number, code: row.code, message: row.message, raw: row.raw }
  if (row.column_name !== null) base.column = row.column_name
  if (row.params_json !== null) base.params = JSON.parse(row.params_json) as Record<string, string | number>
  return base
}

export function listRejects(db: Database.Database, batchId: number, offset: number, limit: number): { total: number; rows: RejectRow[] } {
  const total = (db.prepare('SELECT COUNT(*) FROM import_rejects WHERE batch_id = ?').pluck().get(batchId) as number) ?? 0
  const rows = db
    .prepare('SELECT row_number, column_name, code, params_json, message, raw FROM import_rejects WHERE batch_id = ? ORDER BY row_number, id LIMIT ? OFFSET ?')
    .all(batchId, limit, offset) as RejectDbRow[]
  return { total, rows: rows.map(toReject) }
}

/** Every reject of a batch as a CSV the merchant can open, fix and re-import from. */
export function rejectsCsv(db: Database.Database, batchId: number, locale: Locale): { fileName: string; csv: string } {
  const batch = getBatch(db, batchId)
  const header = ['row', 'column', 'reason', 'original_row'].map((key) => translate(locale, `rejects.csv.${key}`, {}, key))
  const rows: (string | number)[][] = []
  for (const row of db
    .prepare('SELECT row_number, column_name, code, params_json, message, raw FROM import_rejects WHERE batch_id = ? ORDER BY row_number, id')
    .iterate(batchId) as IterableIterator<RejectDbRow>) {
    const reject = toReject(row)
    rows.push([reject.row, reject.column ?? '', translate(locale, `reject.${reject.code}`, fieldNamesIn(locale, reject.params), reject.message), reject.raw])
  }
  const base = (batch?.fileName ?? `batch-${batchId}`).replace(/\.(csv|tsv|txt|xlsx|gz)+$/gi, '').replace(/\.csv$/i, '')
  return { fileName: `${base}-rejects.csv`, csv: toCsv(header, rows) }
}

/** `field` params hold field ids ("unit_price / line_total"); the merchant reads their names. */
function fieldNamesIn(locale: Locale, params: Record<string, string | number> | undefined): Record<string, string | number> | undefined {
  if (!params || typeof params.field !== 'string') return params
  const names = params.field
    .split(' / ')
    .map((id) => translate(locale, `field.${id}`, {}, id))
    .join(' / ')
  return { ...params, field: names }
}
