import type { FileIssue } from '../../shared/issue'
import { issue } from '../../shared/issue'
import type { CanonicalField } from '../formats/fields'
import type { FormatPreset } from '../formats/preset'
import { parseDateCell, parseMoneyCell, parseQuantityCell, type ParsedDate, type ValueOptions } from './cell-values'
import type { ColumnIndex } from './mapped-row'

/** Everything a normaliser needs about the file, resolved once before the rows stream. */
export interface RowContext {
  columns: ColumnIndex
  header: readonly string[]
  preset: FormatPreset
  values: ValueOptions
  defaultCurrency: string
  nonProductSkus: ReadonlySet<string>
}

export type Normalised<T> = { ok: true; value: T } | { ok: false; issue: FileIssue }

/** Reads typed values from a row, turning the first bad cell into a merchant-readable reject. */
export class CellReader {
  problem: FileIssue | null = null

  constructor(
    private readonly ctx: RowContext,
    private readonly cells: readonly string[],
    private readonly line: number,
  ) {}

  text(field: CanonicalField): string {
    return this.ctx.columns.get(this.cells, field)
  }

  required(field: CanonicalField): string {
    const value = this.text(field)
    if (value === '') this.fail(field, 'value.required', `The ${field.replace(/_/g, ' ')} is empty.`, {})
    return value
  }

  /** Money, or `fallback` when the cell is empty. Records a reject when the text is not an amount. */
  money(field: CanonicalField, fallback: number | null = 0): { value: number | null; currency: string | null } {
    const text = this.text(field)
    const parsed = parseMoneyCell(text, this.ctx.values)
    if (!parsed.ok) {
      this.fail(field, 'value.money', `"${text}" is not an amount of money.`, { value: text })
      return { value: fallback, currency: null }
    }
    return { value: parsed.value ?? fallback, currency: parsed.currency }
  }

  quantity(field: CanonicalField): number | null {
    const text = this.text(field)
    const parsed = parseQuantityCell(text, this.ctx.values)
    if (!parsed.ok) {
      this.fail(field, 'value.number', `"${text}" is not a number.`, { value: text })
      return null
    }
    return parsed.value
  }

  date(field: CanonicalField, required: boolean): ParsedDate | null {
    const text = this.text(field)
    if (text === '') {
      if (required) this.fail(field, 'value.required', `The ${field.replace(/_/g, ' ')} is empty.`, {})
      return null
    }
    const parsed = parseDateCell(text, this.ctx.values)
    if (parsed === null) this.fail(field, 'value.date', `"${text}" is not a date Offerwise can read.`, { value: text })
    return parsed
  }

  fail(field: CanonicalField, code: FileIssue['code'], message: string, params: Record<string, string | number>): void {
    if (this.problem !== null) return
    const column = this.ctx.columns.columnOf(field, this.ctx.header) ?? field
    this.problem = issue(this.line, code, message, { ...params, column, field }, column)
  }
}

/** A reject for a field the row leaves empty, naming the file's column when the field is mapped. */
export function missingField(ctx: RowContext, line: number, field: CanonicalField, message: string, code: FileIssue['code'] = 'value.required'): FileIssue {
  const column = ctx.columns.columnOf(field, ctx.header)
  return issue(line, code, message, column ? { field, column } : { field }, column)
}
