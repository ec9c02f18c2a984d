import type { CanonicalField, ColumnMapping } from '../formats/fields'

/**
 * Resolves a column mapping (field → header text) to cell positions once per
 * file, so reading a field of a row is an array lookup in the hot loop.
 */
export class ColumnIndex {
  private readonly positions = new Map<CanonicalField, number>()

  constructor(header: readonly string[], mapping: ColumnMapping, private readonly stripApostrophe = false) {
    for (const [field, column] of Object.entries(mapping) as [CanonicalField, string | undefined][]) {
      if (column === undefined || column === '') continue
      const position = header.indexOf(column)
      if (position >= 0) this.positions.set(field, position)
    }
  }

  has(field: CanonicalField): boolean {
    return this.positions.has(field)
  }

  /** Trimmed cell text of a field, '' when unmapped or blank. */
  get(cells: readonly string[], field: CanonicalField): string {
    const position = this.positions.get(field)
    if (position === undefined) return ''
    const value = (cells[position] ?? '').trim()
    // Shopify writes IDs as '123 so Excel keeps them as text.
    return this.stripApostrophe && value.startsWith("'") ? value.slice(1) : value
  }

  columnOf(field: CanonicalField, header: readonly string[]): string | undefined {
    const position = this.positions.get(field)
    return position === undefined ? undefined : header[position]
  }
}
