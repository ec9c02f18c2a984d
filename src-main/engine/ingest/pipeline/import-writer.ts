import type Database from 'better-sqlite3'
import type { FileIssue } from '../../shared/issue'
import type { ImportBatchSummary } from '../../api'
import type { CustomerRecord, CustomerRef, LineRecord, OrderRecord, ProductRecord } from './normalised'
import { customerKeyOf, lineKeyOf } from './normalised'
import { LINE_COLUMNS, NewOrderLines, type LineValues } from './new-order-lines'

/**
 * `duplicate`: everything the row says was already in the store before this file.
 * `repeated`: the same, but what it repeats came from an earlier row of this same file
 * (a line listed twice in one export) — the merchant is told "repeated in this file".
 */
export type RowOutcome = 'imported' | 'duplicate' | 'repeated'

type Added = ImportBatchSummary['added']

/** A product as lines see it: its id, and the SKU and name it already stores (lines only keep differing ones). */
export interface ProductRef {
  id: number
  sku: string | null
  name: string | null
}

/** What a line says about its product: enough to create it when the store has none. */
export type ProductOfLine = Pick<LineRecord, 'productKey' | 'sku' | 'name' | 'category' | 'unitPrice' | 'kind'>

interface OrderState {
  id: number
  /** Created by this batch (so a row repeating it is repeated in the file, not already in the data). */
  createdHere: boolean
}

/** What ensureOrder found: the order, and whether this row created or changed it. */
export interface OrderSight {
  state: OrderState
  changed: boolean
  created: boolean
}

/**
 * Writes normalised records for one batch and decides, per row, whether it
 * added something (imported) or was already there (duplicate).
 *
 * Identity lookups hit the database once per distinct order/customer/product
 * and are cached for the batch, so memory grows with the shop's entities, not
 * with the file's rows.
 */
export class ImportWriter {
  readonly added: Added = { orders: 0, lines: 0, customers: 0, products: 0, returns: 0, guestOrders: 0 }
  /** Orders seen in this batch, each with the sight of a later row of it (nothing changed): returned as is, not allocated per row. */
  private readonly orders = new Map<string, OrderSight>()
  private readonly customers = new Map<string, number>()
  private readonly products = new Map<string, ProductRef>()
  /** Orders this batch added a line to: the ones whose derived facts finish() recomputes. */
  private readonly ordersWithNewLines = new Set<number>()
  private readonly newLines: NewOrderLines
  private readonly statements

  constructor(private readonly db: Database.Database, readonly batchId: number) {
    this.newLines = new NewOrderLines(db)
    this.statements = {
      findOrder: db.prepare('SELECT id, status, refunded_amount AS refunded, batch_id AS batchId FROM orders WHERE order_key = ?'),
      insertOrder: db.prepare(`INSERT INTO orders
        (order_key, customer_id, ordered_at, utc_offset_min, currency, status, is_return, discount_code, discount_amount,
         shipping, total, total_stated, refunded_amount, country, city, summary_only, batch_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      updateOrderStatus: db.prepare('UPDATE orders SET status = ?, refunded_amount = ? WHERE id = ?'),
      insertLine: db.prepare(`INSERT INTO order_lines (${LINE_COLUMNS})
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, line_key) DO NOTHING`),
      lineBatch: db.prepare('SELECT batch_id FROM order_lines WHERE order_id = ? AND line_key = ?').pluck(),
      findCustomerByKey: db.prepare('SELECT id FROM customers WHERE customer_key = ?').pluck(),
      findCustomerByEmail: db.prepare('SELECT id FROM customers WHERE email = ? ORDER BY id LIMIT 1').pluck(),
      customerRow: db.prepare('SELECT * FROM customers WHERE id = ?'),
      insertCustomer: db.prepare(`INSERT INTO customers
        (customer_key, external_id, email, name, country, city, accepts_marketing, signed_up_at, tags,
         stated_total_spent, stated_orders, stated_last_order_at, batch_id)
        VALUES (@customer_key, @external_id, @email, @name, @country, @city, @accepts_marketing, @signed_up_at, @tags,
         @stated_total_spent, @stated_orders, @stated_last_order_at, @batch_id)`),
      updateCustomer: db.prepare(`UPDATE customers SET external_id = @external_id, email = @email, name = @name, country = @country,
        city = @city, accepts_marketing = @accepts_marketing, signed_up_at = @signed_up_at, tags = @tags,
        stated_total_spent = @stated_total_spent, stated_orders = @stated_orders, stated_last_order_at = @stated_last_order_at WHERE id = @id`),
      findProduct: db.prepare('SELECT id, sku, name FROM products WHERE product_key = ?'),
      productRow: db.prepare('SELECT * FROM products WHERE id = ?'),
      insertProduct: db.prepare(`INSERT INTO products (product_key, sku, name, category, vendor, price, cost, tags, is_product, batch_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      updateProduct: db.prepare(`UPDATE products SET sku = @sku, name = @name, category = @category, vendor = @vendor,
        price = @price, cost = @cost, tags = @tags WHERE id = @id`),
      logChange: db.prepare('INSERT INTO import_changes (batch_id, table_name, row_id, old_json) VALUES (?, ?, ?, ?)'),
      insertReject: db.prepare(`INSERT INTO import_rejects (batch_id, row_number, column_name, code, params_json, message, raw)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
    }
  }

  reject(problem: FileIssue, raw: string): void {
    this.statements.insertReject.run(
      this.batchId,
      problem.row,
      problem.column ?? null,
      problem.code,
      problem.params ? JSON.stringify(problem.params) : null,
      problem.message,
      problem.raw ?? raw,
    )
  }

  /** A line-item row: its order (created on first sight) and the line itself. */
  writeOrderLine(order: OrderRecord, line: LineRecord, sourceRow: number): RowOutcome {
    const sight = this.ensureOrder(order, false)
    const product = this.ensureProductForLine(line)
    const lineKey = lineKeyOf(line)
    const values: LineValues = [
      sight.state.id, product.id, lineKey, ownText(line.sku, product.sku), ownText(line.name, product.name), line.quantity, line.unitPrice, line.discount,
      line.amount, line.kind, line.isReturn ? 1 : 0, sourceRow, this.batchId,
    ]
    return this.writeLine(sight, values)
  }

  /** The order of a line-item row, created on first sight (for lines made on the reading thread: see prepared-lines.ts). */
  orderOfLine(order: OrderRecord): OrderSight {
    return this.ensureOrder(order, false)
  }

  /** The product of a line, created from it when the store has none. */
  productOfLine(line: ProductOfLine): ProductRef {
    return this.ensureProductForLine(line)
  }

  /** A line whose order and product are known: added, or why not (repeated here, or already in the store). */
  writeLine(sight: OrderSight, values: LineValues): RowOutcome {
    const { state, changed, created } = sight
    const lineKey = values[2]
    if (this.newLines.takes(state.id, created)) {
      if (!this.newLines.add(values)) return 'repeated'
      this.added.lines++
      this.ordersWithNewLines.add(state.id)
      return 'imported'
    }
    // An order already in the store, or one of this file that comes back after others: the store says what it has.
    this.newLines.flush()
    const result = this.statements.insertLine.run(values)
    if (result.changes === 1) {
      this.added.lines++
      this.ordersWithNewLines.add(state.id)
      return 'imported'
    }
    if (changed) return 'imported'
    return this.statements.lineBatch.get(state.id, lineKey) === this.batchId ? 'repeated' : 'duplicate'
  }

  /** A one-row-per-order sheet row. */
  writeOrderSummary(order: OrderRecord): RowOutcome {
    const { state, changed } = this.ensureOrder(order, true)
    return changed ? 'imported' : state.createdHere ? 'repeated' : 'duplicate'
  }

  writeCustomer(record: CustomerRecord): RowOutcome {
    const existing = this.findCustomer(record)
    if (existing === null) {
      this.insertCustomer(record)
      return 'imported'
    }
    return this.enrich('customers', existing, customerColumns(record))
  }

  /**
   * The store's customer for a row that only refers to one (a campaign member):
   * by shop id, else e-mail. Created only when `create` says the row identifies
   * a real person well enough (it has an e-mail); counted in `added.customers`.
   */
  customerFor(ref: CustomerRef, create: boolean): number | null {
    const found = this.findCustomer(ref)
    if (found !== null || !create) return found
    return this.insertCustomer({ ...ref, acceptsMarketing: null, signedUpAt: null, tags: '' })
  }

  writeProduct(record: ProductRecord): RowOutcome {
    const known = this.products.get(record.productKey) ?? (this.statements.findProduct.get(record.productKey) as ProductRef | undefined)
    if (known === undefined) {
      const id = Number(
        this.statements.insertProduct.run(
          record.productKey, record.sku || null, record.name || null, record.category || null, record.vendor || null,
          record.price, record.cost, record.tags || null, 1, this.batchId,
        ).lastInsertRowid,
      )
      this.products.set(record.productKey, { id, sku: record.sku || null, name: record.name || null })
      this.added.products++
      return 'imported'
    }
    const outcome = this.enrich('products', known.id, {
      sku: record.sku || null,
      name: record.name || null,
      category: record.category || null,
      vendor: record.vendor || null,
      price: record.price,
      cost: record.cost,
      tags: record.tags || null,
    })
    this.products.set(record.productKey, { id: known.id, sku: record.sku || known.sku, name: record.name || known.name })
    return outcome
  }

  /** `created`: the order is new, made by this row. */
  private ensureOrder(order: OrderRecord, summaryOnly: boolean): OrderSight {
    const cached = this.orders.get(order.orderKey)
    if (cached) return cached
    const found = this.statements.findOrder.get(order.orderKey) as
      | { id: number; status: string; refunded: number; batchId: number }
      | undefined
    if (found) {
      const state: OrderState = { id: found.id, createdHere: found.batchId === this.batchId }
      this.orders.set(order.orderKey, { state, changed: false, created: false })
      // A later export of the same order may carry a refund or cancellation that happened since.
      if (found.status !== order.status || Math.abs(found.refunded - order.refundedAmount) > 1e-6) {
        this.statements.logChange.run(this.batchId, 'orders', found.id, JSON.stringify({ status: found.status, refunded_amount: found.refunded }))
        this.statements.updateOrderStatus.run(order.status, order.refundedAmount, found.id)
        return { state, changed: true, created: false }
      }
      return { state, changed: false, created: false }
    }
    const customerId = order.customer ? this.ensureCustomerForOrder(order.customer) : null
    const id = Number(
      this.statements.insertOrder.run(
        order.orderKey, customerId, order.orderedAt, order.utcOffsetMin, order.currency || null, order.status,
        order.isReturnInvoice ? 1 : 0, order.discountCode || null, order.discountAmount, order.shipping, order.total,
        order.total === null ? 0 : 1, order.refundedAmount, order.country || null, order.city || null, summaryOnly ? 1 : 0, this.batchId,
      ).lastInsertRowid,
    )
    const state: OrderState = { id, createdHere: true }
    this.orders.set(order.orderKey, { state, changed: false, created: false })
    this.added.orders++
    if (customerId === null) this.added.guestOrders++
    return { state, changed: true, created: true }
  }

  private ensureCustomerForOrder(ref: CustomerRef): number | null {
    const key = customerKeyOf(ref)
    if (key === null) return null
    const cached = this.customers.get(key)
    if (cached !== undefined) return cached
    const found = this.findCustomer(ref)
    const id = found ?? this.insertCustomer({ ...ref, acceptsMarketing: null, signedUpAt: null, tags: '' })
    this.customers.set(key, id)
    return id
  }

  private findCustomer(ref: CustomerRef): number | null {
    const key = customerKeyOf(ref)
    if (key !== null) {
      const cached = this.customers.get(key)
      if (cached !== undefined) return cached
      const byKey = this.statements.findCustomerByKey.get(key) as number | undefined
      if (byKey !== undefined) return byKey
    }
    // The same person seen through an export keyed by e-mail (Shopify orders) and one keyed by id (customers export).
    if (ref.email !== '') {
      const byEmail = this.statements.findCustomerByEmail.get(ref.email) as number | undefined
      if (byEmail !== undefined) return byEmail
    }
    return null
  }

  private insertCustomer(record: CustomerRecord): number {
    const key = customerKeyOf(record)
    if (key === null) throw new Error('insertCustomer needs an identity')
    const id = Number(
      this.statements.insertCustomer.run({ ...customerColumns(record), customer_key: key, batch_id: this.batchId }).lastInsertRowid,
    )
    this.customers.set(key, id)
    this.added.customers++
    return id
  }

  private ensureProductForLine(line: ProductOfLine): ProductRef {
    const cached = this.products.get(line.productKey)
    if (cached !== undefined) return cached
    let product = this.statements.findProduct.get(line.productKey) as ProductRef | undefined
    if (product === undefined) {
      const id = Number(
        this.statements.insertProduct.run(
          line.productKey, line.sku || null, line.name || null, line.category || null, null,
          line.unitPrice, null, null, line.kind === 'product' ? 1 : 0, this.batchId,
        ).lastInsertRowid,
      )
      product = { id, sku: line.sku || null, name: line.name || null }
      this.added.products++
    }
    this.products.set(line.productKey, product)
    return product
  }

  /**
   * Fills in what the existing record lacks or states differently; blank cells
   * never erase known values. The old row is logged so undo can restore it.
   */
  private enrich(table: 'customers' | 'products', id: number, incoming: Record<string, string | number | null>): RowOutcome {
    const statement = table === 'customers' ? this.statements.customerRow : this.statements.productRow
    const current = statement.get(id) as Record<string, string | number | null>
    const next: Record<string, string | number | null> = { ...current }
    let changed = false
    for (const [column, value] of Object.entries(incoming)) {
      if (value === null || value === current[column]) continue
      next[column] = value
      changed = true
    }
    if (!changed) return current.batch_id === this.batchId ? 'repeated' : 'duplicate'
    this.statements.logChange.run(this.batchId, table, id, JSON.stringify(current))
    if (table === 'customers') this.statements.updateCustomer.run(next)
    else this.statements.updateProduct.run(next)
    return 'imported'
  }

  /** Derived order facts once all rows are in: totals from lines where the file gave none, whole-return invoices. */
  finish(): void {
    this.newLines.flush()
    // The orders that got a line in this batch, known here rather than found by scanning
    // every batch's lines (order_lines has no batch index; its key is the order).
    const touched = JSON.stringify([...this.ordersWithNewLines])
    this.db
      .prepare(`UPDATE orders SET total = ROUND(
          (SELECT COALESCE(SUM(amount), 0) FROM order_lines WHERE order_id = orders.id) + shipping - discount_amount, 4)
        WHERE total_stated = 0 AND id IN (SELECT value FROM json_each(?))`)
      .run(touched)
    this.db
      .prepare(`UPDATE orders SET is_return = 1
        WHERE is_return = 0 AND id IN (SELECT value FROM json_each(?))
          AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id AND l.quantity > 0)
          AND EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id AND l.is_return = 1)`)
      .run(touched)
    // Counted once everything is known: an order is a return when all its lines are.
    this.added.returns = this.db
      .prepare(`SELECT COUNT(*) FROM orders WHERE batch_id = ?
        AND (is_return = 1 OR status IN ('refunded', 'partially_refunded', 'cancelled'))`)
      .pluck()
      .get(this.batchId) as number
  }
}

/** The product row holds the SKU and name; a line keeps its own only where it differs (a renamed listing). */
export function ownText(lineText: string, productText: string | null): string | null {
  return lineText === (productText ?? '') ? null : lineText
}

/** A customer record as table columns; blanks are NULL so they never overwrite known values. */
function customerColumns(record: CustomerRecord): Record<string, string | number | null> {
  return {
    external_id: record.externalId || null,
    email: record.email || null,
    name: record.name || null,
    country: record.country || null,
    city: record.city || null,
    accepts_marketing: record.acceptsMarketing === null ? null : record.acceptsMarketing ? 1 : 0,
    signed_up_at: record.signedUpAt,
    tags: record.tags || null,
    stated_total_spent: record.statedTotalSpent ?? null,
    stated_orders: record.statedOrders ?? null,
    stated_last_order_at: record.statedLastOrderAt ?? null,
  }
}
