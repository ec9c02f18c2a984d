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
  rows: RawRow[]
  issues: FileIssue[]
  batches: number
  lastBytesRead: number
}

export async function readAll(path: string, layout: FileLayout, options?: ReadRowsOptions): Promise<ReadAll> {
  const out: ReadAll = { rows: [], issues: [], batches: 0, lastBytesRead: 0 }
  for await (const batch of readRows(path, layout, options)) {
    out.rows.push(...batch.rows)
    out.issues.push(...batch.issues)
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
