import type { JobOutcome } from '../api'
import { EngineError } from '../api-schema'
import { ExportCancelled, ExportService } from '../export/export-service'
import { openStore } from '../store/open-store'
import type { ExportJobInput, RawProgress } from './job-protocol'

/**
 * An export on the job's own connection: codes (first export), every file,
 * then the store and the folder. Progress runs over two steps: the codes, then
 * the rows of all files together. A cancel is honoured until the store is
 * written; after a cancel nothing is stored and no file is written.
 */
export async function runExportJob(input: ExportJobInput, isCancelled: () => boolean, report: (progress: RawProgress) => void): Promise<JobOutcome> {
  const store = openStore(input.dbPath, { nativeBinding: input.nativeBinding })
  try {
    const service = new ExportService(store.db)
    try {
      const written = await service.write(input.args, input.folder, (step, done, total) => {
        if (isCancelled()) throw new ExportCancelled()
        report({ step, rows: done, unit: 'rows', done, total })
      })
      return { status: 'exported', written }
    } catch (error) {
      if (error instanceof ExportCancelled) return { status: 'cancelled', batchIds: [] }
      const known = error instanceof EngineError
      return {
        status: 'failed',
        issue: { row: 0, code: 'file.unreadable', message: error instanceof Error ? error.message : String(error), params: known ? { ...error.params, code: error.code } : undefined },
      }
    }
  } finally {
    store.close()
  }
}
