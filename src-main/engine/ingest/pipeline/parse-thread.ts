import { existsSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ImportJobRequest } from '../file-registry'
import { ORDER_FIELDS } from '../formats/fields'
import { presetById } from '../formats/presets'
import { readRows } from '../read'
import { clipRaw, shortRow } from '../read/messages'
import type { FileLayout } from '../read/types'
import type { ValueOptions } from './cell-values'
import { rawJoiner, rowContextOf } from './file-context'
import { FillDown } from './fill-down'
import { LineBatchEncoder, type LineBatch } from './line-wire'
import { normaliseOrderLine } from './normalise-order-line'

/** What the reading thread needs to read the file as the job's thread would. */
export interface ParseWorkerData {
  request: ImportJobRequest
  layout: FileLayout
  values: ValueOptions
}

export type ParseMessage = { type: 'batch'; batch: LineBatch } | { type: 'end' } | { type: 'error'; message: string }

/** Batches read ahead of the writer: enough to keep both threads busy, few enough to keep memory flat. */
const BATCHES_AHEAD = 3

/**
 * The built reading thread (out/main/parse-worker.js), when this import should
 * use one. A second thread only pays when a core is free for it: on a busy
 * machine the two threads share the cores other work leaves and do more in all
 * (handing batches over costs CPU), so the import keeps to one thread when
 * the last minute's load average says every core was busy. (Not "a core beside
 * the import's own": that average still holds the work just before, such as the
 * previous import of a batch of files or a benchmark's last run, and on two
 * cores it chose one thread at load 1.0, where two measured 2.21× sqlite3's
 * `.import` against one thread's 3.11×.) OFFERWISE_IMPORT_THREADS=1 or 2
 * decides instead (measuring, tests).
 * The bundle puts this code in out/main/chunks/ and the entry one folder up;
 * from the sources (unit tests) there is none, and imports keep to one thread.
 */
export function parseWorkerScript(): string | null {
  const asked = process.env.OFFERWISE_IMPORT_THREADS
  if (asked === '1') return null
  if (asked !== '2' && !coreToSpare()) return null
  for (const candidate of [join(__dirname, 'parse-worker.js'), join(__dirname, '..', 'parse-worker.js')]) {
    if (existsSync(candidate)) return candidate
  }
  return null
}

function coreToSpare(): boolean {
  const cores = availableParallelism()
  return cores >= 2 && loadavg()[0] < cores
}

/**
 * The lines of an order-lines text file, read, filled down and normalised on a
 * second thread while this one writes: SQLite's writes are about half of an
 * import's work and reading and normalising the other half.
 */
export async function* linesFromParseThread(workerScript: string, data: ParseWorkerData): AsyncGenerator<LineBatch> {
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
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      wake = null
      const message = queue.shift() as ParseMessage
      if (message.type === 'end') return
      if (message.type === 'error') throw new Error(message.message)
      worker.postMessage('next')
      yield message.batch
      if (message.batch.stopped) return
    }
  } finally {
    await worker.terminate()
  }
}

/**
 * The reading thread's side: reads, fills down and normalises as the job's
 * thread does (import-file.ts), at most BATCHES_AHEAD batches ahead of the writer.
 * A row that makes no line travels as its reject, worded here as the writer would.
 */
export async function produceLineBatches(data: ParseWorkerData, post: (batch: LineBatch) => void, nextWanted: () => Promise<void>): Promise<void> {
  const { request, layout } = data
  const preset = presetById(request.presetId)
  if (!preset) throw new Error(`Offerwise does not know the format "${request.presetId}".`)
  const ctx = rowContextOf(request, layout, preset, data.values)
  const fillDown = new FillDown(ctx.columns, layout.header, 'order_id', ORDER_FIELDS)
  const width = layout.header.length
  const joiner = rawJoiner(layout)
  const encoder = new LineBatchEncoder()
  let ahead = 0
  for await (const batch of readRows(request.path, layout)) {
    encoder.start(batch.rows.length)
    for (const { cells, line, raw, found } of batch.rows) {
      // As on one thread: a short line borrows nothing from the row above.
      const row = found === undefined ? fillDown.apply(cells) : cells
      const result = normaliseOrderLine(ctx, row, line)
      if (result.ok) {
        encoder.line(result.value.order, result.value.line, line)
        continue
      }
      const fault = found === undefined ? result.issue : shortRow(line, width, found, layout.header.slice(found))
      encoder.reject(fault, clipRaw(raw ?? cells.join(joiner)))
    }
    const encoded = encoder.finish(batch.issues, batch.bytesRead, batch.sizeBytes, batch.stopped)
    post(encoded)
    if (++ahead >= BATCHES_AHEAD) {
      await nextWanted()
      ahead--
    }
  }
}
