import type { ImportJobRequest } from '../file-registry'
import type { FormatPreset } from '../formats/preset'
import type { FileLayout } from '../read/types'
import type { ValueOptions } from './cell-values'
import { ColumnIndex } from './mapped-row'
import type { RowContext } from './row-context'

/**
 * The row context of one file, from what the job decided before the rows
 * stream (preset, date order, decimal mark). Built by the job's thread and,
 * from the same inputs, by the reading thread of a two-thread import, so both
 * read a row the same way.
 */
export function rowContextOf(request: ImportJobRequest, layout: FileLayout, preset: FormatPreset, values: ValueOptions): RowContext {
  return {
    columns: new ColumnIndex(layout.header, request.mapping, preset.stripLeadingApostrophe ?? false),
    header: layout.header,
    preset,
    values,
    defaultCurrency: request.currency || preset.defaultCurrency || 'USD',
    nonProductSkus: new Set((preset.nonProductSkus ?? []).map((sku) => sku.toUpperCase())),
  }
}

/** How a row's cells are joined back into text for a reject when the reader kept no line text (XLSX). */
export function rawJoiner(layout: FileLayout): string {
  return layout.delimiter === null ? ',' : layout.delimiter === 'whitespace' ? ' ' : layout.delimiter
}
