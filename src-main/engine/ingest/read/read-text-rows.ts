import type { FileIssue } from '../../shared/issue'
import { CsvTokenizer, DEFAULT_MAX_RECORD_CHARS, type TokenSink } from './csv-tokenizer'
import { fitRow } from './fit-row'
import { errorText, fileCutShort, raggedRow, rowTooLong, unclosedQuote } from './messages'
import { openText } from './text-source'
import type { FileLayout, RawRow, RowBatch } from './types'

export interface ReadRowsOptions {
  /** Rows plus issues per batch (the last batch may be smaller). Default 2000. */
  batchSize?: number
  /** Bytes per read from disk. Tests use tiny chunks to split characters and records. */
  chunkBytes?: number
}

export const DEFAULT_BATCH_SIZE = 2000

/**
 * Streams the data rows of a CSV/text file. Memory stays flat: one chunk of
 * text, the record being parsed and one batch are held at a time. Records
 * before and at the header line (title lines, the header) are not data.
 */
export async function* readTextRows(path: string, layout: FileLayout, options: ReadRowsOptions = {}): AsyncGenerator<RowBatch> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
  const width = layout.header.length
  const headerLine = layout.headerLine
  const delimiter = layout.delimiter ?? ','
  let rows: RawRow[] = []
  let issues: FileIssue[] = []

  const tokenizer = new CsvTokenizer({
    delimiter,
    whitespaceRun: layout.whitespaceRun,
    expectedCells: width,
  })
  const sink: TokenSink = {
    record(line, cells) {
      if (line <= headerLine) return
      const found = cells.length
      const fitted = fitRow(cells, width)
      // The text as written goes with the row, so a reject shows the line itself, not cells joined back.
      if (fitted) rows.push(found < width ? { line, cells: fitted, raw: tokenizer.lastRaw(), found } : { line, cells: fitted, raw: tokenizer.lastRaw() })
      else issues.push(raggedRow(line, width, cells.length, tokenizer.lastRaw()))
    },
    unclosedQuote(line) {
      if (line > headerLine) issues.push(unclosedQuote(line, tokenizer.lastRaw()))
    },
    tooLong(line) {
      if (line > headerLine) issues.push(rowTooLong(line, DEFAULT_MAX_RECORD_CHARS, tokenizer.lastRaw()))
    },
  }

  const source = openText(path, layout.encoding, layout.gzip, options.chunkBytes)
  let stopped: FileIssue | undefined
  try {
    try {
      for await (const text of source.chunks()) {
        tokenizer.push(text, sink)
        // One chunk can hold more rows than a batch: hand them out in batch-sized slices.
        while (rows.length + issues.length >= batchSize) {
          const take = Math.max(0, batchSize - issues.length)
          const batchRows = take >= rows.length ? rows : rows.slice(0, take)
          rows = take >= rows.length ? [] : rows.slice(take)
          yield { rows: batchRows, issues, bytesRead: source.bytesRead(), sizeBytes: layout.sizeBytes }
          issues = []
        }
      }
      tokenizer.finish(sink)
    } catch (err) {
      // Damaged .gz or a disk error mid-file: hand out what was read, and say where it stopped.
      stopped = fileCutShort(tokenizer.currentLine, errorText(err))
    }
    yield { rows, issues, bytesRead: source.bytesRead(), sizeBytes: layout.sizeBytes, ...(stopped ? { stopped } : {}) }
  } finally {
    source.close()
  }
}
