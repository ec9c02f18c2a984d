/**
 * Worker-thread entry for long jobs, so imports never run on the Electron main
 * thread (or the CLI's event loop). Built to out/main/job-worker.js.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads'
import type { JobInput, ParentMessage, WorkerMessage } from './job-protocol'
import { runJob } from './run-job'

const port = parentPort
if (!port) throw new Error('job-worker must run in a worker thread')

let cancelled = false
port.on('message', (message: ParentMessage) => {
  if (message.type === 'cancel') cancelled = true
})

/**
 * Also polls the port synchronously: a plan's response model and candidates
 * are long synchronous computations, during which the 'message' event cannot
 * fire, so a Cancel would otherwise wait for the whole job.
 */
function isCancelled(): boolean {
  if (!cancelled) {
    const pending = receiveMessageOnPort(port as import('node:worker_threads').MessagePort)
    if ((pending?.message as ParentMessage | undefined)?.type === 'cancel') cancelled = true
  }
  return cancelled
}

const input = workerData as JobInput
const post = (message: WorkerMessage): void => port.postMessage(message)

runJob(input, isCancelled, (progress) => post({ type: 'progress', progress }))
  .then((outcome) => post({ type: 'finished', outcome }))
  .catch((error: unknown) =>
    post({
      type: 'finished',
      outcome: { status: 'failed', issue: { row: 0, code: 'file.unreadable', message: error instanceof Error ? error.message : String(error) } },
    }),
  )
  .finally(() => port.close())
