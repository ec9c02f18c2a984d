import { basename } from 'node:path'
import type Database from 'better-sqlite3'
import type { ImportBatchSummary, ImportCounts } from '../../api'
import type { ImportJobRequest } from '../file-registry'
import type { FileIssue } from '../../shared/issue'
import type { RecordKind } from '../formats/fields'
import type { FileLayout } from '../read/types'

function optionsJson(request: ImportJobRequest): string {
  return JSON.stringify({ dateOrder: request.dateOrder, currency: request.currency, sheet: request.sheet, encoding: request.encoding, delimiter: request.delimiter })
}

export function startBatch(db: Database.Database, request: ImportJobRequest, layout: FileLayout, kind: RecordKind): number {
  return Number(
    db
      .prepare(`INSERT INTO import_batches (file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status, started_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?)`)
      .run(basename(request.path), request.path, layout.sizeBytes, request.presetId, kind, JSON.stringify(request.mapping), optionsJson(request), new Date().toISOString())
      .lastInsertRowid,
  )
}

export function finishBatch(db: Database.Database, batchId: number, counts: ImportCounts, added: ImportBatchSummary['added']): void {
  db.prepare(`UPDATE import_batches SET status = 'done', finished_at = ?, rows_total = ?, rows_imported = ?, rows_duplicate = ?,
      rows_repeated = ?, rows_rejected = ?, added_json = ? WHERE id = ?`)
    .run(new Date().toISOString(), counts.rows, counts.imported, counts.duplicate, counts.repeatedInFile, counts.rejected, JSON.stringify(added), batchId)
}

/** Keeps a failed attempt in the import history; it holds no data, so the store's contents are unchanged. */
export function recordBatchAttempt(db: Database.Database, request: ImportJobRequest, kind: RecordKind, status: 'failed', problem: FileIssue): number {
  const now = new Date().toISOString()
  return Number(
    db
      .prepare(`INSERT INTO import_batches (file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status,
        started_at, finished_at, failure_json) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(basename(request.path), request.path, request.presetId, kind, JSON.stringify(request.mapping), optionsJson(request), status, now, now, JSON.stringify(problem))
      .lastInsertRowid,
  )
}
