/**
 * Worker-thread entry that reads and normalises an order-lines file while the
 * import job's thread writes it (see parse-thread.ts). Built to out/main/parse-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { LineBatch } from './line-wire'
import { produceLineBatches, type ParseMessage, type ParseWorkerData } from './parse-thread'

const port = parentPort
if (!port) throw new Error('parse-worker must run in a worker thread')

// The writer says "next" for each batch it takes; the reader waits for that when it is far enough ahead.
let granted = 0
let waiting: (() => void) | null = null
port.on('message', () => {
  granted++
  waiting?.()
})
function nextWanted(): Promise<void> {
  if (granted > 0) {
    granted--
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    waiting = () => {
      waiting = null
      granted--
      resolve()
    }
  })
}

const post = (message: ParseMessage): void => port.postMessage(message)
// The numbers are handed over, not copied: this thread makes new arrays for the next batch.
const postBatch = (batch: LineBatch): void => port.postMessage({ type: 'batch', batch } satisfies ParseMessage, [batch.ints.buffer, batch.numbers.buffer])
produceLineBatches(workerData as ParseWorkerData, postBatch, nextWanted)
  .then(() => post({ type: 'end' }))
  .catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
  .finally(() => port.close())
