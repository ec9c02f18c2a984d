import { statSync } from 'node:fs'
import type { JobOutcome } from '../api'
import { importFile } from '../ingest/pipeline/import-file'
import { openStore } from '../store/open-store'
import type { ImportJobInput, RawProgress } from './job-protocol'

/**
 * Imports each file of the job as its own batch, on a connection of its own.
 * Progress is in bytes across all files so the ETA covers the whole job.
 */
export async function runImportJob(input: ImportJobInput, isCancelled: () => boolean, report: (progress: RawProgress) => void): Promise<JobOutcome> {
  const sizes = input.requests.map((request) => safeSize(request.path))
  const bytesTotal = sizes.reduce((sum, size) => sum + size, 0)
  const store = openStore(input.dbPath, { nativeBinding: input.nativeBinding })
  const batchIds: number[] = []
  let bytesBefore = 0
  try {
    for (const [index, request] of input.requests.entries()) {
      const result = await importFile(store.db, request, {
        isCancelled,
        onProgress: (p) => report({ step: p.step, rows: p.rows, unit: 'bytes', done: bytesBefore + Math.min(p.bytesRead, sizes[index]), total: bytesTotal }),
      })
      if (result.status === 'cancelled') return { status: 'cancelled', batchIds }
      batchIds.push(result.batchId)
      bytesBefore += sizes[index]
    }
    return { status: 'done', batchIds }
  } finally {
    store.close()
  }
}

function safeSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
