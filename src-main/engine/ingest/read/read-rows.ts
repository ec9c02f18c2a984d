import { readTextRows, type ReadRowsOptions } from './read-text-rows'
import type { FileLayout, RowBatch } from './types'
import { readXlsxRows } from './read-xlsx-rows'

/**
 * Streams a sniffed file's data rows in batches. Every data record ends up
 * either as a row or as an issue naming its line, so counts always add up.
 * Stopping early (break) closes the file.
 */
export function readRows(path: string, layout: FileLayout, options: ReadRowsOptions = {}): AsyncGenerator<RowBatch> {
  return layout.kind === 'xlsx' ? readXlsxRows(path, layout, options) : readTextRows(path, layout, options)
}
