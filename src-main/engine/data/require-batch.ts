import type Database from 'better-sqlite3'
import { EngineError } from '../api-schema'

/** An unknown import number is an error, never an empty answer (undo, rejects and the rejects CSV alike). */
export function requireBatch(db: Database.Database, batchId: number): void {
  if (!db.prepare('SELECT 1 FROM import_batches WHERE id = ?').get(batchId)) {
    throw new EngineError('import.batch-not-found', `There is no import number ${batchId}.`, { batchId })
  }
}
