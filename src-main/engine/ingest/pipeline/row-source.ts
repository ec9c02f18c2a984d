import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { ImportJobRequest } from '../file-registry'
import type { FileIssue } from '../../shared/issue'
import { ORDER_FIELDS } from '../formats/fields'
import { presetById } from '../formats/presets'
import { readRows } from '../read'
import type { FileLayout, RawRow } from '../read/types'
import type { ValueOptions } from './cell-values'
import { FillDown } from './fill-down'
import { ColumnIndex } from './mapped-row'
import type { LineRecord, OrderRecord } from './normalised'
import { normaliseOrderLine, type OrderLineRow } from './normalise-order-line'
import type { Normalised, RowContext } from './row-context'

/** A row as read, with its order-line record already made when another thread made it (cells are then not sent). */
export interface SourceRow extends RawRow {
  prepared?: Normalised<OrderLineRow>
}

export interface SourceBatch {
  rows: SourceRow[]
  issues: FileIssue[]
  stopped?: FileIssue
  bytesRead: number
  sizeBytes: number
}

/** What the parsing thread needs to make the same RowContext as the writing thread. */
export interface ParseWorkerData {
  request: ImportJobRequest
  layout: FileLayout
  values: ValueOptions
  defaultCurrency: string
}

/**
 * One row on the wire. A row whose order is the previous row's sends no order:
 * the writer only reads an order's fields the first time it sees its number.
 */
type WireRow =
  | { line: number; order: OrderRecord | null; record: LineRecord }
  | { line: number; reject: FileIssue; cells: string[]; raw?: string; found?: number }

type WireBatch = { rows: WireRow[]; issues: FileIssue[]; stopped?: FileIssue; bytesRead: number; sizeBytes: number }

export type ParseMessage = { type: 'batch'; batch: WireBatch } | { type: 'end' } | { type: 'error'; message: string }

/** Batches read ahead of the writer: enough to keep both threads busy, few enough to keep memory flat. */
const BATCHES_AHEAD = 3

export function rowContextOf(request: ImportJobRequest, layout: FileLayout, values: ValueOptions, defaultCurrency: string): RowContext {
  const preset = presetById(request.presetId)
  if (!preset) throw new Error(`Offerwise does not know the format "${request.presetId}".`)
  return {
    columns: new ColumnIndex(layout.header, request.mapping, preset.stripLeadingApostrophe ?? false),
    header: layout.header,
    preset,
    values,
    defaultCurrency,
    nonProductSkus: new Set((preset.nonProductSkus ?? []).map((sku) => sku.toUpperCase())),
  }
}

/**
 * The rows of an order-lines file with their records made on a second thread
 * while this one writes: reading, fill-down and normalising are about half of
 * an import's work, and SQLite's writes the other half. Without the built
 * worker script (tests running the sources) the rows come as read and the
 * writer normalises them itself; the records are the same either way.
 */
export async function* orderLineRows(workerScript: string | undefined, data: ParseWorkerData): AsyncGenerator<SourceBatch> {
  if (workerScript === undefined || !existsSync(workerScript)) {
    yield* readRows(data.request.path, data.layout)
    return
  }
  const worker = new Worker(workerScript, { workerData: data })
  const queue: ParseMessage[] = []
  let wake: (() => void) | null = null
  const push = (message: ParseMessage): void => {
    queue.push(message)
    wake?.()
  }
  worker.on('message', push)
  worker.on('error', (error: Error) => push({ type: 'error', message: error.message }))
  worker.on('exit', (code) => push({ type: 'error', message: `the reading thread stopped (${code})` }))
  let lastOrder: OrderRecord | null = null
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      wake = null
      const message = queue.shift() as ParseMessage
      if (message.type === 'end') return
      if (message.type === 'error') throw new Error(message.message)
      worker.postMessage('next')
      const rows: SourceRow[] = message.batch.rows.map((row) => {
        if ('reject' in row) return { line: row.line, cells: row.cells, raw: row.raw, found: row.found, prepared: { ok: false, issue: row.reject } }
        if (row.order !== null) lastOrder = row.order
        return { line: row.line, cells: [], prepared: { ok: true, value: { order: lastOrder as OrderRecord, line: row.record } } }
      })
      yield { ...message.batch, rows }
      if (message.batch.stopped) return
    }
  } finally {
    await worker.terminate()
  }
}

/** The parsing thread's side: reads, fills down and normalises, BATCHES_AHEAD batches ahead of the writer at most. */
export async function produceOrderLines(data: ParseWorkerData, post: (message: ParseMessage) => void, nextWanted: () => Promise<void>): Promise<void> {
  const ctx = rowContextOf(data.request, data.layout, data.values, data.defaultCurrency)
  const fillDown = new FillDown(ctx.columns, data.layout.header, 'order_id', ORDER_FIELDS)
  let previousKey: string | null = null
  let ahead = 0
  for await (const batch of readRows(data.request.path, data.layout)) {
    const rows: WireRow[] = []
    for (const { cells, line, raw, found } of batch.rows) {
      const row = found === undefined ? fillDown.apply(cells) : cells
      const result = normaliseOrderLine(ctx, row, line)
      if (!result.ok) {
        rows.push({ line, reject: result.issue, cells, raw, found })
        continue
      }
      const { order, line: record } = result.value
      rows.push({ line, order: order.orderKey === previousKey ? null : order, record })
      previousKey = order.orderKey
    }
    post({ type: 'batch', batch: { rows, issues: batch.issues, bytesRead: batch.bytesRead, sizeBytes: batch.sizeBytes, ...(batch.stopped ? { stopped: batch.stopped } : {}) } })
    if (++ahead >= BATCHES_AHEAD) {
      await nextWanted()
      ahead--
    }
  }
}
