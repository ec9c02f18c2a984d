import type Database from 'better-sqlite3'
import type { ImportJobRequest } from '../file-registry'
import { issue, type FileIssue } from '../../shared/issue'
import { missingRequired, ORDER_FIELDS, type RecordKind } from '../formats/fields'
import { presetById } from '../formats/presets'
import { readRows, sniffFile } from '../read'
import { clipRaw, fileCutShortKept, shortRow } from '../read/messages'
import type { FileLayout, RawRow, RowBatch } from '../read/types'
import { decimalMarkOf } from './cell-values'
import { decideDateOrder } from './decide-date-order'
import { FillDown } from './fill-down'
import { ImportWriter, type RowOutcome } from './import-writer'
import { ColumnIndex } from './mapped-row'
import { normaliseOrderLine } from './normalise-order-line'
import { normaliseCustomer, normaliseOrderSummary, normaliseProduct } from './normalise-records'
import type { RowContext } from './row-context'
import { rawJoiner, rowContextOf } from './file-context'
import { recordBatchAttempt, startBatch, finishBatch } from './batch-rows'
import type { LineBatch } from './line-wire'
import { linesFromParseThread, parseWorkerScript } from './parse-thread'
import { PreparedLines } from './prepared-lines'
import { CampaignMemberWriter } from '../../campaigns/member-writer'
import { normaliseMember } from '../../campaigns/normalise-member'
import { normaliseRedemption } from '../../results/normalise-redemption'
import { RedemptionWriter } from '../../results/redemption-writer'

export interface ImportControl {
  isCancelled(): boolean
  onProgress(progress: { step: 'reading' | 'scanning-dates' | 'writing' | 'finishing'; rows: number; bytesRead: number; sizeBytes: number }): void
}

export type FileImportResult =
  | { status: 'done'; batchId: number }
  | { status: 'cancelled' }
  | { status: 'failed'; issue: FileIssue; batchId: number }

/**
 * Imports one file as one batch.
 *
 * The whole file is written inside a single SQLite transaction on a connection
 * that nothing else uses (the job's own), so a failure, a cancel or a killed
 * process leaves the store exactly as it was: SQLite rolls the WAL back. The
 * transaction spans awaits on the file stream, which is why it is opened with
 * BEGIN rather than better-sqlite3's synchronous `transaction()` helper; every
 * chunk of writes between awaits is itself synchronous.
 */
export async function importFile(db: Database.Database, request: ImportJobRequest, control: ImportControl): Promise<FileImportResult> {
  const sniffed = await sniffFile(request.path, { encoding: request.encoding, delimiter: request.delimiter, sheet: request.sheet })
  if (!sniffed.ok) return failed(db, request, 'order-lines', sniffed.issue)
  const layout = sniffed.layout
  const preset = presetById(request.presetId)
  if (!preset) {
    return failed(db, request, 'order-lines', issue(0, 'file.unknown-format', `Offerwise does not know the format "${request.presetId}".`, { value: request.presetId }))
  }
  const kind = preset.kind
  const missing = missingRequired(kind, request.mapping)
  if (missing.length > 0) {
    const fields = missing.map((alternatives) => alternatives.join(' / ')).join(', ')
    return failed(db, request, kind, issue(0, 'file.missing-required', `Choose a column for: ${fields}.`, { field: fields }))
  }

  const columns = new ColumnIndex(layout.header, request.mapping, preset.stripLeadingApostrophe ?? false)
  const order = await decideDateOrder(request, layout, columns, () => control.isCancelled(), (bytesRead: number) =>
    control.onProgress({ step: 'scanning-dates', rows: 0, bytesRead, sizeBytes: layout.sizeBytes }),
  )
  if (order.status === 'cancelled') return { status: 'cancelled' }
  if (order.status === 'failed') return failed(db, request, kind, order.issue)


  const values = { dateOrder: order.order, excelSerial: order.excelSerial, decimal: decimalMarkOf(layout.sample.map((row) => row.cells), numberColumns(columns, layout.header)) }
  const ctx = rowContextOf(request, layout, preset, values)
  return writeRows(db, request, layout, ctx, control)
}

async function writeRows(db: Database.Database, request: ImportJobRequest, layout: FileLayout, ctx: RowContext, control: ImportControl): Promise<FileImportResult> {
  const kind = ctx.preset.kind
  const counts = { rows: 0, imported: 0, duplicate: 0, repeatedInFile: 0, rejected: 0 }
  const joiner = rawJoiner(layout)
  const fillDown =
    kind === 'order-lines' || kind === 'orders'
      ? new FillDown(ctx.columns, layout.header, 'order_id', ORDER_FIELDS)
      : kind === 'products'
        ? new FillDown(ctx.columns, layout.header, 'product_key', ['product_name', 'category', 'vendor', 'tags'])
        : null
  const seenHandles = new Set<string>()

  // Foreign keys are not re-checked row by row during the import: every id the
  // writers bind was read or created inside this same transaction, which holds the
  // store's only write lock, so no reference can dangle. The checks were three
  // B-tree probes per order line, about a third of the cost of writing it.
  // (The pragma cannot change inside a transaction, hence here; restored below.)
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number
  db.pragma('foreign_keys = OFF')
  try {
    return await writeRowsInTransaction(db, request, layout, ctx, control, kind, counts, joiner, fillDown, seenHandles)
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
  }
}

async function writeRowsInTransaction(
  db: Database.Database,
  request: ImportJobRequest,
  layout: FileLayout,
  ctx: RowContext,
  control: ImportControl,
  kind: RecordKind,
  counts: { rows: number; imported: number; duplicate: number; repeatedInFile: number; rejected: number },
  joiner: string,
  fillDown: FillDown | null,
  seenHandles: Set<string>,
): Promise<FileImportResult> {
  db.exec('BEGIN IMMEDIATE')
  let open = true
  try {
    const batchId = startBatch(db, request, layout, kind)
    const writer = new ImportWriter(db, batchId)
    const members = new CampaignMemberWriter(db, batchId, writer)
    const redemptions = new RedemptionWriter(db, batchId, writer)
    const width = layout.header.length
    const rejectRow = ({ cells, line, raw, found }: RawRow, problem: FileIssue): null => {
      // A short row whose values do not make a record is rejected for what is wrong with it: it is short.
      const fault = found === undefined ? problem : shortRow(line, width, found, layout.header.slice(found))
      // The row as written: the line's own text (XLSX: the cells as read, before any fill-down).
      writer.reject(fault, clipRaw(raw ?? cells.join(joiner)))
      return null
    }
    const writeRow = (input: RawRow): RowOutcome | null => {
      const { cells, line, found } = input
      // A short line is not a continuation row left blank on purpose: its values are missing, so nothing is borrowed from the row above.
      const row = fillDown && found === undefined ? fillDown.apply(cells) : cells
      switch (kind) {
        case 'order-lines': {
          const result = normaliseOrderLine(ctx, row, line)
          return result.ok ? writer.writeOrderLine(result.value.order, result.value.line, line) : rejectRow(input, result.issue)
        }
        case 'orders': {
          const result = normaliseOrderSummary(ctx, row, line)
          return result.ok ? writer.writeOrderSummary(result.value) : rejectRow(input, result.issue)
        }
        case 'customers': {
          const result = normaliseCustomer(ctx, row, line)
          return result.ok ? writer.writeCustomer(result.value) : rejectRow(input, result.issue)
        }
        case 'products': {
          const result = normaliseProduct(ctx, row, line)
          if (!result.ok) return rejectRow(input, result.issue)
          if ('continuation' in result.value) {
            // Image-only rows belong to a product listed above them in the same file.
            return seenHandles.has(result.value.continuation) ? 'imported' : rejectRow(input, issue(line, 'value.required', 'This row continues a product that is not in the file.', { value: result.value.continuation }))
          }
          const handle = ctx.columns.get(row, 'product_key')
          if (handle !== '') seenHandles.add(handle)
          return writer.writeProduct(result.value)
        }
        case 'campaign-members': {
          const result = normaliseMember(ctx, row, line)
          if (!result.ok) return rejectRow(input, result.issue)
          const written = members.write(result.value, line, (field) => ctx.columns.columnOf(field, ctx.header))
          return written.ok ? written.outcome : rejectRow(input, written.issue)
        }
        case 'redemptions': {
          const result = normaliseRedemption(ctx, row, line)
          if (!result.ok) return rejectRow(input, result.issue)
          const written = redemptions.write(result.value, line, (field) => ctx.columns.columnOf(field, ctx.header))
          return written.ok ? written.outcome : rejectRow(input, written.issue)
        }
      }
    }

    const count = (outcome: RowOutcome | null): void => {
      counts.rows++
      if (outcome === null) counts.rejected++
      else if (outcome === 'repeated') {
        counts.duplicate++
        counts.repeatedInFile++
      } else counts[outcome]++
    }
    // Order lines of a text file are read and normalised on a second thread when there is one to use;
    // XLSX stays on one (its reader keeps temporary files a stopped thread would leave behind).
    const parseWorker = kind === 'order-lines' && layout.kind === 'csv' ? parseWorkerScript() : null
    const prepared = new PreparedLines(writer)
    const batches: AsyncGenerator<RowBatch | LineBatch> = parseWorker
      ? linesFromParseThread(parseWorker, { request, layout, values: ctx.values })
      : readRows(request.path, layout)
    for await (const batch of batches) {
      for (const problem of batch.issues) {
        writer.reject(problem, problem.raw ?? '')
        counts.rows++
        counts.rejected++
      }
      if ('lines' in batch) prepared.write(batch, count)
      else for (const raw of batch.rows) count(writeRow(raw))
      if (batch.stopped) {
        // A file that cannot be read to its end is not imported in part unless the merchant said so.
        if (!request.keepReadablePart) {
          db.exec('ROLLBACK')
          open = false
          return failed(db, request, kind, batch.stopped)
        }
        writer.reject(fileCutShortKept(batch.stopped.row, String(batch.stopped.params?.reason ?? '')), '')
        counts.rows++
        counts.rejected++
      }
      control.onProgress({ step: 'writing', rows: counts.rows, bytesRead: batch.bytesRead, sizeBytes: batch.sizeBytes })
      if (control.isCancelled()) {
        db.exec('ROLLBACK')
        open = false
        return { status: 'cancelled' }
      }
    }
    control.onProgress({ step: 'finishing', rows: counts.rows, bytesRead: layout.sizeBytes, sizeBytes: layout.sizeBytes })
    writer.finish()
    finishBatch(db, batchId, counts, writer.added)
    db.exec('COMMIT')
    open = false
    return { status: 'done', batchId }
  } catch (error) {
    if (open) db.exec('ROLLBACK')
    const message = error instanceof Error ? error.message : String(error)
    return failed(db, request, kind, issue(0, 'file.unreadable', `The import stopped: ${message}. Nothing was changed.`, { value: message }))
  }
}

const NUMBER_FIELDS = ['quantity', 'unit_price', 'line_total', 'line_discount', 'order_discount', 'shipping', 'order_total', 'refunded_amount', 'cost', 'total_spent', 'discount_value', 'min_spend', 'revenue'] as const

function numberColumns(columns: ColumnIndex, header: readonly string[]): number[] {
  return NUMBER_FIELDS.map((field) => columns.columnOf(field, header)).filter((c): c is string => c !== undefined).map((c) => header.indexOf(c))
}

function failed(db: Database.Database, request: ImportJobRequest, kind: RecordKind, problem: FileIssue): FileImportResult {
  const batchId = recordBatchAttempt(db, request, kind, 'failed', problem)
  return { status: 'failed', issue: problem, batchId }
}
