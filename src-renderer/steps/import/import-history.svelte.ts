/** The list of past imports and undoing one of them. */
import type { ImportBatchSummary, UndoResult } from '../../../src-main/engine/api'
import { api } from '../../lib/api'

class ImportHistory {
  batches = $state<ImportBatchSummary[]>([])
  loading = $state(false)
  error = $state<unknown>(null)
  /** The batch waiting for the merchant to confirm its undo. */
  confirming = $state<ImportBatchSummary | null>(null)
  undoing = $state(false)
  lastUndo = $state<{ fileName: string; result: UndoResult } | null>(null)

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    try {
      // Newest first: the import the merchant just did is the one they look for.
      this.batches = (await api.call('import/batches', {})).toSorted((a, b) => b.id - a.id)
    } catch (error) {
      this.error = error
    } finally {
      this.loading = false
    }
  }

  askUndo(batch: ImportBatchSummary): void {
    this.confirming = batch
  }

  dismissUndo(): void {
    if (!this.undoing) this.confirming = null
  }

  async confirmUndo(): Promise<void> {
    const batch = this.confirming
    if (!batch) return
    this.undoing = true
    this.error = null
    try {
      const result = await api.call('import/undo', { batchId: batch.id })
      this.lastUndo = { fileName: batch.fileName, result }
    } catch (error) {
      this.error = error
    } finally {
      this.undoing = false
      this.confirming = null
    }
    await this.load()
  }
}

export const importHistory = new ImportHistory()
