import type { FileIssue } from '../../shared/issue'
import { isBlank } from './csv-tokenizer'
import { width as usedWidth } from './find-header'
import { fitRow } from './fit-row'
import { errorText, fileCutShort, noSheet, raggedRow } from './messages'
import type { ReadRowsOptions } from './read-text-rows'
import { DEFAULT_BATCH_SIZE } from './read-text-rows'
import type { FileLayout, RawRow, RowBatch } from './types'
import { rowCells } from './xlsx-cell'
import { openWorkbook } from './xlsx-workbook'

/** Streams the data rows of the layout's worksheet; line numbers are sheet row numbers. */
export async function* readXlsxRows(path: string, layout: FileLayout, options: ReadRowsOptions = {}): AsyncGenerator<RowBatch> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
  const width = layout.header.length
  const target = layout.sheet ?? layout.sheets[0] ?? null
  let rows: RawRow[] = []
  let issues: FileIssue[] = []
  let lastRow = layout.headerLine
  let found = false
  let stopped: FileIssue | undefined

  const workbook = openWorkbook(path, layout.gzip)
  try {
    try {
      for await (const sheet of workbook.sheets()) {
        // Without a name, the first sheet in tab order is read (as sniffing chose).
        const wanted = target ?? workbook.sheetNames()?.[0] ?? sheet.name
        if (sheet.name !== wanted) continue
        found = true
        for await (const row of sheet) {
          lastRow = row.number
          if (row.number <= layout.headerLine) continue
          const cells = rowCells(row.values)
          if (isBlank(cells)) continue
          const fitted = fitRow(cells, width)
          if (fitted) rows.push({ line: row.number, cells: fitted })
          else issues.push(raggedRow(row.number, width, usedWidth(cells), cells.join('\t')))
          if (rows.length + issues.length >= batchSize) {
            yield { rows, issues, bytesRead: workbook.bytesRead(), sizeBytes: layout.sizeBytes }
            rows = []
            issues = []
          }
        }
        break
      }
      if (!found) issues.push(noSheet(target ?? '', workbook.sheetNames() ?? []))
    } catch (err) {
      stopped = fileCutShort(lastRow, errorText(err))
    }
    yield { rows, issues, bytesRead: found ? layout.sizeBytes : workbook.bytesRead(), sizeBytes: layout.sizeBytes, ...(stopped ? { stopped } : {}) }
  } finally {
    await workbook.close()
  }
}
