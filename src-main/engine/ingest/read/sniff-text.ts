import { CsvTokenizer, type TokenSink } from './csv-tokenizer'
import { detectDelimiter, detectWhitespaceRun, type DelimiterGuess } from './detect-delimiter'
import { detectEncoding } from './detect-encoding'
import { cleanHeader, findHeader } from './find-header'
import { fileBinary, fileEmpty, fileHeaderOnly, fileUnreadable } from './messages'
import type { Head } from './read-head'
import { readTextRows } from './read-text-rows'
import { decodeHead } from './text-decoder'
import type { FileLayout, RawRow, ReadOptions, SniffResult } from './types'

export const DEFAULT_SAMPLE_SIZE = 50

/** Records examined to place the header. */
const HEADER_RECORDS = 60

export async function sniffText(path: string, head: Head, options: ReadOptions): Promise<SniffResult> {
  let encoding = options.encoding
  if (!encoding) {
    const guess = detectEncoding(head.bytes, !head.complete)
    if (guess.binary) return { ok: false, issue: fileBinary() }
    encoding = guess.encoding
  }
  const text = decodeHead(head.bytes, encoding, head.complete)
  if (text.trim() === '') return { ok: false, issue: fileEmpty() }

  let delimiter: DelimiterGuess
  if (options.delimiter === 'whitespace') delimiter = { delimiter: 'whitespace', whitespaceRun: detectWhitespaceRun(text, head.complete) }
  else if (options.delimiter) delimiter = { delimiter: options.delimiter }
  else delimiter = detectDelimiter(text, head.complete)

  const records = firstRecords(text, delimiter, head.complete)
  if (records.length === 0) {
    // Text, but no complete record in the first 256 KB: not an export we can read.
    if (!head.complete) return { ok: false, issue: fileUnreadable('its first line is longer than 256 KB') }
    // Only separators and blank lines.
    return { ok: false, issue: fileEmpty() }
  }
  const at = findHeader(records.map((r) => r.cells))

  const layout: FileLayout = {
    kind: 'csv',
    gzip: head.gzip,
    encoding,
    delimiter: delimiter.delimiter,
    ...(delimiter.whitespaceRun ? { whitespaceRun: delimiter.whitespaceRun } : {}),
    sheets: [],
    sheet: null,
    header: cleanHeader(records[at].cells),
    headerLine: records[at].line,
    sample: [],
    sizeBytes: head.sizeBytes,
  }

  // The sample goes through the real reader, so the preview shows exactly
  // what an import will read (padding, skipped blank and broken rows).
  const sampleSize = Math.max(0, options.sampleSize ?? DEFAULT_SAMPLE_SIZE)
  const { sample, anyData } = await readSample(path, layout, sampleSize)
  if (!anyData) return { ok: false, issue: fileHeaderOnly() }
  return { ok: true, layout: { ...layout, sample } }
}

function firstRecords(text: string, delimiter: DelimiterGuess, complete: boolean): RawRow[] {
  const records: RawRow[] = []
  const sink: TokenSink = {
    record: (line, cells) => {
      if (records.length < HEADER_RECORDS) records.push({ line, cells })
    },
    unclosedQuote: () => {},
    tooLong: () => {},
  }
  const tokenizer = new CsvTokenizer({ delimiter: delimiter.delimiter, whitespaceRun: delimiter.whitespaceRun })
  tokenizer.push(text, sink)
  if (complete) tokenizer.finish(sink)
  return records
}

/**
 * Reads up to `size` rows; `anyData` says whether the file has any data
 * record at all (a row, or a row that could not be read).
 */
async function readSample(path: string, layout: FileLayout, size: number): Promise<{ sample: RawRow[]; anyData: boolean }> {
  const sample: RawRow[] = []
  let anyData = false
  for await (const batch of readTextRows(path, layout, { batchSize: Math.max(1, size), chunkBytes: 64 * 1024 })) {
    if (batch.rows.length > 0 || batch.issues.length > 0 || batch.stopped) anyData = true
    for (const row of batch.rows) {
      // The preview needs the cells only (not each line's raw text).
      if (sample.length < size) sample.push({ line: row.line, cells: row.cells })
    }
    if (anyData && sample.length >= size) break
  }
  return { sample, anyData }
}
