import type { ImportJobRequest } from '../file-registry'
import { issue, type FileIssue } from '../../shared/issue'
import type { CanonicalField, DateOrder } from '../formats/fields'
import { readRows } from '../read'
import type { FileLayout } from '../read/types'
import { DateColumnAnalyzer } from '../values'
import type { ColumnIndex } from './mapped-row'

export type DateDecision =
  | { status: 'ok'; order: Exclude<DateOrder, 'auto'>; excelSerial: boolean }
  | { status: 'cancelled' }
  | { status: 'failed'; issue: FileIssue }

/** The date column that decides the file's day/month order. */
const DATE_FIELDS: readonly CanonicalField[] = ['order_date', 'sent_at', 'signed_up_at', 'last_order_at']

/**
 * Decides how the file writes dates, from ALL values of its date column: the
 * sample usually settles it ("31/01/2024" can only be day-first); when it
 * cannot, the whole column is scanned before anything is written. A column
 * where no value can tell day from month is refused with an example, so the
 * merchant chooses; guessing would silently swap months for days.
 */
export async function decideDateOrder(
  request: ImportJobRequest,
  layout: FileLayout,
  columns: ColumnIndex,
  isCancelled: () => boolean,
  onBytes: (bytesRead: number) => void,
): Promise<DateDecision> {
  const field = DATE_FIELDS.find((candidate) => columns.has(candidate))
  const analyzer = new DateColumnAnalyzer()
  if (field) for (const row of layout.sample) analyzer.add(columns.get(row.cells, field))
  let decision = analyzer.decide()

  if (request.dateOrder !== 'auto') {
    return { status: 'ok', order: request.dateOrder, excelSerial: decision.status === 'decided' && decision.excelSerial }
  }
  if (!field) return { status: 'ok', order: 'ymd', excelSerial: false }

  if (decision.status === 'ambiguous' || decision.status === 'unknown') {
    const full = new DateColumnAnalyzer()
    for await (const batch of readRows(request.path, layout)) {
      for (const row of batch.rows) full.add(columns.get(row.cells, field))
      onBytes(batch.bytesRead)
      if (isCancelled()) return { status: 'cancelled' }
    }
    decision = full.decide()
  }

  const column = columns.columnOf(field, layout.header) ?? field
  switch (decision.status) {
    case 'decided':
      return { status: 'ok', order: decision.order, excelSerial: decision.excelSerial }
    // No value reads as a date: every row will be rejected with its own reason.
    case 'unknown':
      return { status: 'ok', order: 'ymd', excelSerial: false }
    case 'ambiguous':
      return {
        status: 'failed',
        issue: issue(0, 'file.dates-ambiguous', `Every date in "${column}" (like ${decision.example}) could be day/month or month/day. Choose the date order and import again.`, { column, example: decision.example }, column),
      }
    case 'conflict':
      return {
        status: 'failed',
        issue: issue(0, 'file.dates-ambiguous', `"${column}" mixes day-first dates (${decision.dayFirstExample}) and month-first dates (${decision.monthFirstExample}). Choose the date order; rows that do not fit it will be listed as rejects.`, { column, example: `${decision.dayFirstExample} / ${decision.monthFirstExample}` }, column),
      }
  }
}
