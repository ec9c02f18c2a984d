import type { CanonicalField } from '../formats/fields'
import type { ColumnIndex } from './mapped-row'

/**
 * Continuation rows leave the parent's fields blank (Shopify orders: order
 * fields only on an order's first line; Shopify products: title only on a
 * product's first variant). While the key column repeats, blank cells of the
 * listed fields take the previous row's values.
 */
export class FillDown {
  private previousKey = ''
  private previousCells: string[] = []
  private readonly positions: number[]

  constructor(private readonly columns: ColumnIndex, private readonly header: readonly string[], private readonly keyField: CanonicalField, fields: readonly CanonicalField[]) {
    this.positions = fields
      .filter((field) => field !== keyField)
      .map((field) => columns.columnOf(field, header))
      .filter((column): column is string => column !== undefined)
      .map((column) => header.indexOf(column))
  }

  /**
   * The row with the parent's values filled in: a copy when anything was filled,
   * so the cells as read (and a reject's raw text) never show borrowed values.
   */
  apply(input: string[]): string[] {
    let cells = input
    const key = this.columns.get(cells, this.keyField)
    if (key !== '' && key === this.previousKey) {
      for (const position of this.positions) {
        if ((cells[position] ?? '').trim() === '' && this.previousCells[position] !== undefined && this.previousCells[position] !== '') {
          if (cells === input) cells = input.slice()
          cells[position] = this.previousCells[position]
        }
      }
    }
    if (key !== '') {
      this.previousKey = key
      this.previousCells = cells
    }
    return cells
  }
}
