/**
 * A file of an export before it is written: its name, where it goes, its row
 * count and warnings, a sample of its first rows, and how to render it.
 *
 * Writers build one of these cheaply (counts and warnings over all rows, but
 * cells only on demand), so the Export step's preview costs a few rows, not
 * the whole file, and rendering can report progress and stop between rows.
 */
import { safeCell, toCsvLines } from './csv-text'
import type { ExportDestination, ExportFile, ExportSample } from './export-types'
import { toXlsx, type XlsxCell } from './xlsx-text'

/** Called every RENDER_CHUNK rows with the rows rendered so far in this file; may throw to stop. */
export type RenderProgress = (rowsDone: number) => void

/** Rows between progress calls: often enough for a smooth bar, rarely enough to cost nothing. */
export const RENDER_CHUNK = 2000
/** Rows in a preview sample (after the header). */
export const SAMPLE_ROWS = 5

export interface ExportPart {
  fileName: string
  destination: ExportDestination
  /** Data rows (header excluded), the same number render() writes. */
  rows: number
  warnings: string[]
  /** The header and the first `limit` rows exactly as written (after formula neutralisation). */
  sample(limit?: number): ExportSample
  /** CSV and JSON render synchronously (a string); XLSX streams (a promise of the workbook). */
  render(progress?: RenderProgress): string | Promise<Buffer>
}

/** A table: a header and cells for row i, built on demand. */
export interface TableSpec {
  fileName: string
  destination: ExportDestination
  header: readonly string[]
  rows: number
  cells(index: number): XlsxCell[]
  warnings: string[]
}

/** A cell as the file holds it: what a spreadsheet shows, as text. */
function shown(cell: XlsxCell): string {
  return safeCell(cell)
}

export function tableSample(spec: Pick<TableSpec, 'header' | 'rows' | 'cells'>, limit = SAMPLE_ROWS): ExportSample {
  const rows: string[][] = []
  for (let i = 0; i < Math.min(limit, spec.rows); i++) rows.push(spec.cells(i).map(shown))
  return { header: spec.header.map(shown), rows, unit: 'rows', of: spec.rows }
}

function* allRows(spec: TableSpec, progress?: RenderProgress): Generator<XlsxCell[]> {
  for (let i = 0; i < spec.rows; i++) {
    if (progress && i > 0 && i % RENDER_CHUNK === 0) progress(i)
    yield spec.cells(i)
  }
  progress?.(spec.rows)
}

/** The parts every table file shares; only how the rows become bytes differs. */
function tablePart(spec: TableSpec, render: (rows: Generator<XlsxCell[]>) => ReturnType<ExportPart['render']>): ExportPart {
  return {
    fileName: spec.fileName,
    destination: spec.destination,
    rows: spec.rows,
    warnings: spec.warnings,
    sample: (limit) => tableSample(spec, limit),
    render: (onRows) => render(allRows(spec, onRows)),
  }
}

/** A CSV file (see csv-text.ts: BOM, CRLF, formula guard). */
export function csvPart(spec: TableSpec): ExportPart {
  return tablePart(spec, (rows) => toCsvLines(spec.header, rows))
}

/** An XLSX workbook of one sheet (xlsx-text.ts: text cells, never formulas). */
export function xlsxPart(spec: TableSpec, sheetName: string): ExportPart {
  return tablePart(spec, (rows) => toXlsx(sheetName, spec.header, rows))
}

/**
 * A JSON document. Its preview is a table of its first items (the fields a
 * merchant checks), each value as the document holds it.
 */
export function jsonPart(spec: {
  fileName: string
  destination: ExportDestination
  rows: number
  warnings: string[]
  preview: { header: readonly string[]; rows: number; unit: 'discounts' | 'coupons'; cells(index: number): unknown[] }
  document(progress?: RenderProgress): unknown
}): ExportPart {
  const value = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v))
  return {
    fileName: spec.fileName,
    destination: spec.destination,
    rows: spec.rows,
    warnings: spec.warnings,
    sample: (limit = SAMPLE_ROWS) => {
      const rows: string[][] = []
      for (let i = 0; i < Math.min(limit, spec.preview.rows); i++) rows.push(spec.preview.cells(i).map(value))
      return { header: [...spec.preview.header], rows, unit: spec.preview.unit, of: spec.preview.rows }
    },
    render: (progress) => {
      const document = spec.document(progress)
      progress?.(spec.rows)
      return `${JSON.stringify(document, null, 2)}\n`
    },
  }
}

/** The whole file at once, for a caller that wants content (the single-file writers, tests). */
export function fileOf(part: ExportPart, content: string | Buffer): ExportFile {
  return { fileName: part.fileName, destination: part.destination, content, rows: part.rows, warnings: part.warnings }
}

/** A CSV or JSON part as a file, synchronously (their render never waits). */
export function textFile(part: ExportPart): ExportFile {
  const content = part.render()
  if (typeof content !== 'string') throw new Error(`${part.fileName} is not a text file`)
  return fileOf(part, content)
}

/** Any part as a file. */
export async function renderedFile(part: ExportPart, progress?: RenderProgress): Promise<ExportFile> {
  return fileOf(part, await part.render(progress))
}
