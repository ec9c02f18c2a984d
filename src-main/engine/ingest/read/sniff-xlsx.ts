import { isBlank } from './csv-tokenizer'
import { cleanHeader, findHeader, width } from './find-header'
import { fitRow } from './fit-row'
import { errorText, fileHeaderOnly, fileNotWorkbook, fileStoppedAt, noSheet, sheetEmpty } from './messages'
import type { Head } from './read-head'
import { DEFAULT_SAMPLE_SIZE } from './sniff-text'
import type { FileLayout, RawRow, ReadOptions, SniffResult } from './types'
import { rowCells } from './xlsx-cell'
import { openWorkbook } from './xlsx-workbook'

/** Rows examined to place the header (title rows above it are tolerated). */
const HEADER_ROWS = 60

/**
 * Sniffs a workbook in one streaming pass over the chosen sheet's first rows;
 * the rest of the file is not read.
 */
export async function sniffXlsx(path: string, head: Head, options: ReadOptions): Promise<SniffResult> {
  const sampleSize = Math.max(0, options.sampleSize ?? DEFAULT_SAMPLE_SIZE)
  const wanted = HEADER_ROWS + sampleSize
  const records: RawRow[] = []
  let sheets: string[] | null = null
  let target: string | null = null
  let found = false
  let sheetEnded = false
  let sawSheet = false

  const workbook = openWorkbook(path, head.gzip)
  try {
    for await (const sheet of workbook.sheets()) {
      sawSheet = true
      if (target === null) {
        sheets = workbook.sheetNames() ?? [sheet.name]
        target = options.sheet ?? sheets[0] ?? sheet.name
        if (!sheets.includes(target)) return { ok: false, issue: noSheet(target, sheets) }
      }
      if (sheet.name !== target) continue
      found = true
      sheetEnded = true
      for await (const row of sheet) {
        const cells = rowCells(row.values)
        if (isBlank(cells)) continue
        records.push({ line: row.number, cells })
        if (records.length >= wanted) {
          sheetEnded = false
          break
        }
      }
      break
    }
  } catch (err) {
    if (!sawSheet) return { ok: false, issue: fileNotWorkbook() }
    if (records.length === 0) return { ok: false, issue: fileStoppedAt(0, errorText(err)) }
    sheetEnded = false // the rest is unknown; reading rows will report where it breaks
  } finally {
    await workbook.close()
  }

  if (!sawSheet) return { ok: false, issue: fileNotWorkbook() }
  if (!found || target === null || sheets === null) return { ok: false, issue: noSheet(target ?? options.sheet ?? '', sheets ?? []) }
  if (records.length === 0) return { ok: false, issue: sheetEmpty(target) }

  const at = findHeader(records.map((r) => r.cells))
  const headerCells = records[at].cells
  const header = cleanHeader(headerCells.slice(0, Math.max(1, width(headerCells))))
  const sample: RawRow[] = []
  for (const record of records.slice(at + 1)) {
    if (sample.length >= sampleSize) break
    const fitted = fitRow(record.cells.slice(), header.length)
    if (fitted) sample.push({ line: record.line, cells: fitted })
  }
  if (records.length === at + 1 && sheetEnded) return { ok: false, issue: fileHeaderOnly() }

  const layout: FileLayout = {
    kind: 'xlsx',
    gzip: head.gzip,
    encoding: 'utf-8',
    delimiter: null,
    sheets,
    sheet: target,
    header,
    headerLine: records[at].line,
    sample,
    sizeBytes: head.sizeBytes,
  }
  return { ok: true, layout }
}
