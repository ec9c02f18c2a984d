import type Database from 'better-sqlite3'
import { openStore, type Store } from '../../../src-main/engine/store/open-store'

/**
 * A store with the real migrations in memory, and a tiny writer for hand-made
 * shops: tests state orders the way the importer would have stored them,
 * without a CSV round trip.
 */
export interface Line {
  product: number
  quantity: number
  unitPrice: number
  kind?: 'product' | 'shipping' | 'fee' | 'adjustment' | 'discount'
}

export interface OrderSpec {
  customer: number | null
  /** 'YYYY-MM-DD HH:MM:SS' */
  at: string
  status?: 'paid' | 'cancelled' | 'refunded' | 'partially_refunded' | 'pending' | 'other'
  isReturn?: boolean
  code?: string
  discount?: number
  /** Defaults, like the importer, to the sum of the lines minus the discount. */
  total?: number
  lines?: Line[]
}

export class Shop {
  readonly db: Database.Database
  private readonly store: Store
  private orderCount = 0

  constructor() {
    this.store = openStore(':memory:')
    this.db = this.store.db
    this.db
      .prepare(`INSERT INTO import_batches (id, file_name, file_path, file_size, preset_id, record_kind, mapping_json, options_json, status, started_at)
        VALUES (1, 'test', 'test', 0, 'generic', 'order-lines', '{}', '{}', 'done', '2024-01-01T00:00:00Z')`)
      .run()
  }

  customer(key: string): number {
    return Number(this.db.prepare('INSERT INTO customers (customer_key, batch_id) VALUES (?, 1)').run(`id:${key}`).lastInsertRowid)
  }

  product(name: string, options: { category?: string; isProduct?: boolean } = {}): number {
    return Number(
      this.db
        .prepare('INSERT INTO products (product_key, name, category, is_product, batch_id) VALUES (?, ?, ?, ?, 1)')
        .run(`name:${name.toLowerCase()}`, name, options.category ?? null, options.isProduct === false ? 0 : 1).lastInsertRowid,
    )
  }

  order(spec: OrderSpec): number {
    const lines = spec.lines ?? []
    const isReturn = spec.isReturn ?? false
    const sign = isReturn ? -1 : 1
    const discount = spec.discount ?? 0
    const total = spec.total ?? lines.reduce((sum, l) => sum + sign * l.quantity * l.unitPrice, 0) - discount
    const id = Number(
      this.db
        .prepare(`INSERT INTO orders (order_key, customer_id, ordered_at, status, is_return, discount_code, discount_amount, total, batch_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`)
        .run(`o${++this.orderCount}`, spec.customer, spec.at, spec.status ?? 'paid', isReturn ? 1 : 0, spec.code ?? null, discount, total)
        .lastInsertRowid,
    )
    lines.forEach((l, i) => {
      this.db
        .prepare(`INSERT INTO order_lines (order_id, line_key, product_id, quantity, unit_price, amount, line_kind, is_return, source_row, batch_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`)
        .run(id, `k${i}`, l.product, sign * l.quantity, l.unitPrice, sign * l.quantity * l.unitPrice, l.kind ?? 'product', isReturn ? 1 : 0, i + 1)
    })
    return id
  }

  close(): void {
    this.store.close()
  }
}
