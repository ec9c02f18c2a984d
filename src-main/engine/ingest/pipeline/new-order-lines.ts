import type Database from 'better-sqlite3'

/** The columns of one order line, in the order of LINE_COLUMNS. */
export type LineValues = [
  orderId: number,
  productId: number,
  lineKey: string,
  sku: string | null,
  name: string | null,
  quantity: number,
  unitPrice: number,
  discount: number,
  amount: number,
  lineKind: string,
  isReturn: number,
  sourceRow: number,
  batchId: number,
]

export const LINE_COLUMNS = 'order_id, product_id, line_key, sku, name, quantity, unit_price, discount, amount, line_kind, is_return, source_row, batch_id'
const ROW = `(${LINE_COLUMNS.split(',').map(() => '?').join(', ')})`

/** Rows per multi-row INSERT: one statement call per 64 lines instead of one per line. */
const ROWS_PER_INSERT = 64

/**
 * Lines of orders this batch created, inserted 64 to a statement.
 *
 * Such an order has no lines in the store but the ones this batch gives it, so
 * whether a line repeats an earlier one is known here without asking SQLite,
 * for the order being read: files list an order's lines together. A line of an
 * order that was left and comes back later is not this buffer's (the writer
 * asks the store, after `flush()`), so memory holds one order's line keys.
 * SQLite's per-statement cost is a large part of a line's; the multi-row insert
 * pays it once per 64 lines.
 */
export class NewOrderLines {
  private readonly pending: (string | number | null)[] = []
  private readonly insertMany: Database.Statement
  private readonly insertOne: Database.Statement
  private currentOrder = -1
  private readonly currentKeys = new Set<string>()

  constructor(db: Database.Database) {
    // No ON CONFLICT: a clash here would mean the bookkeeping above is wrong, and the import fails rather than miscounts.
    this.insertMany = db.prepare(`INSERT INTO order_lines (${LINE_COLUMNS}) VALUES ${Array(ROWS_PER_INSERT).fill(ROW).join(', ')}`)
    this.insertOne = db.prepare(`INSERT INTO order_lines (${LINE_COLUMNS}) VALUES ${ROW}`)
  }

  /** Whether lines of this order can be taken here: it is the order being read, or a new order starts. */
  takes(orderId: number, firstRowOfOrder: boolean): boolean {
    if (orderId === this.currentOrder) return true
    if (!firstRowOfOrder) return false
    this.currentOrder = orderId
    this.currentKeys.clear()
    return true
  }

  /** Adds a line of the current order; false when the order already has a line with this key (a repeated row). */
  add(values: LineValues): boolean {
    const key = values[2]
    if (this.currentKeys.has(key)) return false
    this.currentKeys.add(key)
    for (const value of values) this.pending.push(value)
    if (this.pending.length === ROWS_PER_INSERT * values.length) this.flush()
    return true
  }

  /** Writes what is pending; called before anything reads order_lines. */
  flush(): void {
    const width = 13
    if (this.pending.length === 0) return
    if (this.pending.length === ROWS_PER_INSERT * width) {
      this.insertMany.run(this.pending)
    } else {
      for (let at = 0; at < this.pending.length; at += width) this.insertOne.run(this.pending.slice(at, at + width))
    }
    this.pending.length = 0
  }

}
