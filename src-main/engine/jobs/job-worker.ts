/**
 * Worker-thread entry for long jobs, so imports never run on the Electron main
 * thread (or the CLI's event loop). Built to out/main/job-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { JobInput, ParentMessage, WorkerMessage } from './job-protocol'
import { runJob } from './run-job'

const port = parentPort
if (!port) throw new Error('job-worker must run in a worker thread')

let cancelled = false
port.on('message', (message: ParentMessage) => {
  if (message.type === 'cancel') cancelled = true
})

const input = workerData as JobInput
const post = (message: WorkerMessage): void => port.postMessage(message)

runJob(input, () => cancelled, (progress) => post({ type: 'progress', progress }))
  .then((outcome) => post({ type: 'finished', outcome }))
  .catch((error: unknown) =>
    post({
      type: 'finished',
      outcome: { status: 'failed', issue: { row: 0, code: 'file.unreadable', message: error instanceof Error ? error.message : String(error) } },
    }),
  )
  .finally(() => port.close())
