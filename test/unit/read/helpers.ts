import { fileURLToPath } from 'node:url'
import { readRows } from '../../../src-main/engine/ingest/read'
import type { ReadRowsOptions } from '../../../src-main/engine/ingest/read'
import type { FileLayout, RawRow } from '../../../src-main/engine/ingest/read/types'
import type { FileIssue } from '../../../src-main/engine/shared/issue'
import { CsvTokenizer, type TokenizerOptions } from '../../../src-main/engine/ingest/read/csv-tokenizer'

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/read/${name}`, import.meta.url))
}

export interface ReadAll {
  /** Line and cells only; each row's raw text and short-row count are in `raw` and `found`, in the same order. */
  rows: RawRow[]
  raw: (string | undefined)[]
  found: (number | undefined)[]
  issues: FileIssue[]
  /** Where reading broke off, if it did. */
  stopped: FileIssue | null
  batches: number
  lastBytesRead: number
}

export async function readAll(path: string, layout: FileLayout, options?: ReadRowsOptions): Promise<ReadAll> {
  const out: ReadAll = { rows: [], raw: [], found: [], issues: [], stopped: null, batches: 0, lastBytesRead: 0 }
  for await (const batch of readRows(path, layout, options)) {
    for (const row of batch.rows) {
      out.rows.push({ line: row.line, cells: row.cells })
      out.raw.push(row.raw)
      out.found.push(row.found)
    }
    out.issues.push(...batch.issues)
    if (batch.stopped) out.stopped = batch.stopped
    out.batches++
    out.lastBytesRead = batch.bytesRead
  }
  return out
}

export type Event = [line: number, cells: string[]] | [line: number, problem: 'unclosed-quote' | 'too-long']

/** Tokenizes text pushed in the given pieces; records and problems in order. */
export function tokenize(pieces: string[], options: Partial<TokenizerOptions> = {}): Event[] {
  const events: Event[] = []
  const tokenizer = new CsvTokenizer({ delimiter: ',', ...options })
  const sink = {
    record: (line: number, cells: string[]) => void events.push([line, cells]),
    unclosedQuote: (line: number) => void events.push([line, 'unclosed-quote']),
    tooLong: (line: number) => void events.push([line, 'too-long']),
  }
  for (const piece of pieces) tokenizer.push(piece, sink)
  tokenizer.finish(sink)
  return events
}
