import { issue, type FileIssue } from '../../shared/issue'

/**
 * Every problem the readers report, worded for a shop owner. Kept in one place
 * so the English sentences stay consistent with the i18n catalogue
 * (`reject.<code>`), which receives the same params.
 */

/** An exception's message, for the technical detail in parentheses. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Raw row text attached to an issue is cut to this length: enough to find the row, never megabytes. */
const RAW_LIMIT = 500

/** Raw row text cut to a length a reject can hold. */
export function clipRaw(raw: string): string {
  return raw.length > RAW_LIMIT ? raw.slice(0, RAW_LIMIT) + '…' : raw
}

function withRaw(found: FileIssue, raw: string | undefined): FileIssue {
  if (raw === undefined) return found
  return { ...found, raw: clipRaw(raw) }
}

export function fileNotFound(path: string): FileIssue {
  return issue(0, 'file.not-found', 'The file was not found. It may have been moved, renamed or deleted.', { path })
}

export function fileEmpty(): FileIssue {
  return issue(0, 'file.empty', 'This file is empty: there is nothing to import.')
}

export function sheetEmpty(sheet: string): FileIssue {
  return issue(0, 'file.empty', `The sheet "${sheet}" is empty: there is nothing to import.`, { sheet })
}

export function fileHeaderOnly(): FileIssue {
  return issue(0, 'file.header-only', 'This file has column names but no rows of data.')
}

export function fileBinary(): FileIssue {
  return issue(
    0,
    'file.binary',
    'This file is not a spreadsheet or text export (it looks like an image, a PDF or another program file). Export your orders as CSV or Excel (.xlsx) and try again.',
  )
}

export function fileOldExcel(): FileIssue {
  return issue(
    0,
    'file.old-excel',
    'This is an old-style Excel file (.xls). Open it in Excel or another spreadsheet program, save it as .xlsx or CSV, and import that file.',
  )
}

export function fileNotWorkbook(): FileIssue {
  return issue(
    0,
    'file.unreadable',
    'This file is a zip archive but not an Excel workbook. If it contains your export, unzip it and import the CSV or .xlsx inside.',
    { reason: 'zip-not-workbook' },
  )
}

export function fileDamagedGzip(): FileIssue {
  return issue(0, 'file.unreadable', 'This compressed (.gz) file is damaged or incomplete and could not be opened.', { reason: 'gzip' })
}

export function fileUnreadable(detail: string): FileIssue {
  return issue(0, 'file.unreadable', `This file could not be read (${detail}).`, { reason: detail })
}

/** The file broke off part-way (cut-short .gz, damaged workbook, disk error). */
export function fileStoppedAt(row: number, detail: string): FileIssue {
  return issue(
    row,
    'file.unreadable',
    `The file could not be read past row ${row} (${detail}). Rows after that point were not imported; the file may be damaged or cut short.`,
    { reason: detail },
  )
}

/**
 * Reading broke off part-way through the data (a cut-short .gz, a damaged
 * workbook, a disk error): the import fails and writes nothing, unless the
 * merchant asks to keep the readable part (then see fileCutShortKept).
 */
export function fileCutShort(row: number, detail: string): FileIssue {
  return issue(
    row,
    'file.cut-short',
    `The file could not be read past row ${row} (${detail}): it is damaged or cut short. Nothing was imported. Import it again with "keep the readable part" to import the rows before that point.`,
    { row, reason: detail },
  )
}

/** The reject that stands for the unread rest of a file whose readable part the merchant kept. */
export function fileCutShortKept(row: number, detail: string): FileIssue {
  return issue(
    row,
    'file.cut-short-kept',
    `The file could not be read past row ${row} (${detail}). As you asked, the rows before that point were imported; the rest of the file was not.`,
    { row, reason: detail },
  )
}

/** A text row with fewer values than the header has columns, whose values do not make a valid record. */
export function shortRow(row: number, expected: number, found: number, missing: readonly string[]): FileIssue {
  const names = missing.slice(0, 6).join(', ') + (missing.length > 6 ? ', …' : '')
  return issue(
    row,
    'row.short',
    `Row ${row} has ${found} of the ${expected} columns (${names} missing), so it was not imported: the line is cut short, or a value holds an unquoted line break.`,
    { found, expected, missing: names },
  )
}

export function noSheet(sheet: string, sheets: string[]): FileIssue {
  if (sheets.length === 0) return issue(0, 'file.no-sheet', 'This workbook has no worksheets.', { sheet })
  return issue(0, 'file.no-sheet', `This workbook has no sheet named "${sheet}". Its sheets are: ${sheets.join(', ')}.`, {
    sheet,
    sheets: sheets.join(', '),
  })
}

export function raggedRow(row: number, expected: number, found: number, raw?: string): FileIssue {
  return withRaw(
    issue(
      row,
      'row.ragged',
      `Row ${row} has ${found} values but the file has ${expected} columns, so its values cannot be matched to the right columns. A text value probably contains an unquoted separator.`,
      { expected, found },
    ),
    raw,
  )
}

export function unclosedQuote(row: number, raw?: string): FileIssue {
  return withRaw(
    issue(
      row,
      'row.unclosed-quote',
      `Row ${row} opens a quoted value (") that is never closed, so the row could not be read. Reading continued on the next line.`,
    ),
    raw,
  )
}

export function rowTooLong(row: number, limitBytes: number, raw?: string): FileIssue {
  const mb = Math.round(limitBytes / (1024 * 1024))
  return withRaw(
    issue(row, 'row.too-long', `Row ${row} is longer than ${mb} MB, which no real order row is, so it was skipped.`, { limit: limitBytes }),
    raw,
  )
}
