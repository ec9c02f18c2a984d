/**
 * XLSX writing with exceljs's streaming writer (rows are committed as they are
 * written, so 100k rows do not build a whole workbook model in memory).
 *
 * Every string goes through the same formula guard as CSV (safeCell), and
 * cells are plain string or number values, never `{ formula }` objects, so no
 * cell is stored as a formula and none becomes one when a merchant edits it.
 */
import { createRequire } from 'node:module'
import { PassThrough } from 'node:stream'
import { safeCell } from './csv-text'

// Loaded on first XLSX export only (as the reader does): exceljs is large.
const requireModule = createRequire(import.meta.url)
let excel: typeof import('exceljs') | null = null
function exceljs(): typeof import('exceljs') {
  excel ??= requireModule('exceljs') as typeof import('exceljs')
  return excel
}

export type XlsxCell = string | number | null | undefined

export async function toXlsx(sheetName: string, header: readonly string[], rows: Iterable<readonly XlsxCell[]>): Promise<Buffer> {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({ stream, useStyles: false, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheetName)
  sheet.addRow(header.map((cell) => safeCell(cell))).commit()
  for (const row of rows) sheet.addRow(row.map(xlsxValue)).commit()
  sheet.commit()
  await workbook.commit()
  await done
  return Buffer.concat(chunks)
}

function xlsxValue(cell: XlsxCell): string | number | null {
  if (cell === null || cell === undefined) return null
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null
  return safeCell(cell)
}
