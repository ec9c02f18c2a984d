import { ReadStream } from 'node:fs'
import { createRequire } from 'node:module'

// exceljs is large and only XLSX files need it: loaded on first use, so CSV
// imports (and the job worker's start) do not pay for it.
const requireModule = createRequire(import.meta.url)
let excel: typeof import('exceljs') | null = null
function exceljs(): typeof import('exceljs') {
  excel ??= requireModule('exceljs') as typeof import('exceljs')
  return excel
}
import { openBytes } from './byte-source'

/** What the readers use of exceljs's streaming row. */
export interface SheetRow {
  number: number
  values: unknown
}

/** A worksheet as the streaming reader emits it; rows are read by iterating it. */
export interface SheetStream extends AsyncIterable<SheetRow> {
  name: string
}

export interface WorkbookStream {
  /** Worksheets in the order they are stored in the file (not always tab order). */
  sheets(): AsyncGenerator<SheetStream>
  /**
   * Sheet names in tab order, known once the first worksheet has been emitted
   * (the workbook part precedes the sheets in every file Excel writes).
   */
  sheetNames(): string[] | null
  bytesRead(): number
  /** Stops reading, releasing the file and any temporary files. */
  close(): Promise<void>
}

/**
 * The parts of exceljs's streaming reader its type declarations leave out:
 * the parsed workbook model (sheet names in tab order), and a worksheet's
 * name and source. `iterator` is an fs.ReadStream when exceljs parked the
 * sheet in a temporary file (see `close`).
 */
interface ReaderInternals {
  model?: { sheets?: Array<{ name?: unknown }> }
}
interface SheetInternals {
  name: string
  iterator?: unknown
}

/**
 * Opens a workbook for streaming. Styles are cached because they are what
 * tells a date cell from a number; hyperlinks are ignored (we want the text).
 */
export function openWorkbook(path: string, gzip: boolean): WorkbookStream {
  const source = openBytes(path, gzip, 64 * 1024)
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(source.stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  })
  // Iterated by hand so that a caller leaving the loop early does not end
  // exceljs's generator before `close` has cleaned up after it.
  const emitted = reader[Symbol.asyncIterator]()
  let current: SheetInternals | null = null
  let closed = false

  /** A sheet exceljs parked in a temp file holds an open read stream on it; release it. */
  function release(sheet: SheetInternals | null): void {
    if (sheet && sheet.iterator instanceof ReadStream) sheet.iterator.destroy()
  }

  return {
    async *sheets() {
      for (;;) {
        release(current)
        const next = await emitted.next()
        if (next.done) return
        // exceljs's WorksheetReader has `name` and yields Row objects; its
        // declared type omits the name, hence the cast.
        current = next.value as unknown as SheetInternals
        yield next.value as unknown as SheetStream
      }
    },
    sheetNames() {
      const sheets = (reader as unknown as ReaderInternals).model?.sheets
      if (!Array.isArray(sheets)) return null
      return sheets.map((s) => String(s.name ?? ''))
    },
    bytesRead: source.bytesRead,
    async close() {
      if (closed) return
      closed = true
      try {
        if (current && current.iterator instanceof ReadStream) {
          // Excel writes worksheets before the shared strings, so exceljs
          // copies them to temp files and reads those afterwards. It deletes
          // each only when its generator moves past it, so walk the rest of
          // the (already unzipped) sheets without parsing them.
          for (;;) {
            release(current)
            const next = await emitted.next()
            if (next.done) break
            current = next.value as unknown as SheetInternals
          }
        } else {
          await emitted.return?.(undefined)
        }
      } catch {
        // Closing after a read error: nothing more to clean up that we can reach.
      } finally {
        release(current)
        source.close()
      }
    },
  }
}
