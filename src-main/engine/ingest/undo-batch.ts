import type Database from 'better-sqlite3'
import type { UndoResult } from '../api'
import { EngineError } from '../api-schema'
import { removeCampaignMembers } from '../campaigns/undo-members'
import { removeRedemptions } from '../results/redemption-writer'
import { backupDatabase, BACKUPS_KEPT, backupsDir } from '../store/backup'

/**
 * Takes a batch back out of the store, after a backup copy of the database.
 *
 * What the batch created goes, unless a later batch builds on it (an order
 * that another file added lines to, a customer with orders from another file):
 * those records stay and pass to the earliest batch that still uses them.
 * What the batch changed (a cost filled in, an order marked refunded) gets its
 * old values back from the change log. One transaction: all or nothing.
 */
export function undoBatch(db: Database.Database, dbPath: string, batchId: number): UndoResult {
  const batch = db.prepare('SELECT status FROM import_batches WHERE id = ?').get(batchId) as { status: string } | undefined
  if (!batch) throw new EngineError('import.batch-not-found', `There is no import number ${batchId}.`, { batchId })
  if (batch.status !== 'done') throw new EngineError('import.not-undoable', `Import ${batchId} is ${batch.status}; only finished imports can be undone.`, { batchId, status: batch.status })

  const backupPath = backupDatabase(db, dbPath, `before-undo-${batchId}`) ?? ''
  const removed = db.transaction(() => {
    const changes = db.prepare('SELECT table_name AS tableName, row_id AS rowId, old_json AS oldJson FROM import_changes WHERE batch_id = ? ORDER BY id DESC').all(batchId) as {
      tableName: 'customers' | 'products' | 'orders'
      rowId: number
      oldJson: string
    }[]
    for (const change of changes) restoreRow(db, change.tableName, change.rowId, JSON.parse(change.oldJson) as Record<string, unknown>)

    const touchedOrders = db.prepare('SELECT DISTINCT order_id FROM order_lines WHERE batch_id = ?').pluck().all(batchId) as number[]
    const lines = db.prepare('DELETE FROM order_lines WHERE batch_id = ?').run(batchId).changes

    db.prepare(`UPDATE orders SET batch_id = (SELECT MIN(batch_id) FROM order_lines WHERE order_id = orders.id)
      WHERE batch_id = ? AND EXISTS (SELECT 1 FROM order_lines WHERE order_id = orders.id)`).run(batchId)
    const orders = db.prepare('DELETE FROM orders WHERE batch_id = ?').run(batchId).changes
    removeRedemptions(db, batchId)
    const { campaigns, members } = removeCampaignMembers(db, batchId)

    // A customer stays while another batch's orders or campaign members refer to them.
    db.prepare(`UPDATE customers SET batch_id = (SELECT MIN(b) FROM (
        SELECT batch_id AS b FROM orders WHERE customer_id = customers.id
        UNION ALL SELECT batch_id FROM campaign_members WHERE customer_id = customers.id))
      WHERE batch_id = ? AND (EXISTS (SELECT 1 FROM orders WHERE customer_id = customers.id)
        OR EXISTS (SELECT 1 FROM campaign_members WHERE customer_id = customers.id))`).run(batchId)
    const customers = db.prepare('DELETE FROM customers WHERE batch_id = ?').run(batchId).changes

    // Lines have no product index (it would slow every import), so find the products still in use in one pass.
    db.prepare(`UPDATE products SET batch_id = used.first_batch
      FROM (SELECT product_id, MIN(batch_id) AS first_batch FROM order_lines GROUP BY product_id) AS used
      WHERE used.product_id = products.id AND products.batch_id = ?`).run(batchId)
    const products = db.prepare('DELETE FROM products WHERE batch_id = ?').run(batchId).changes

    // Orders that lost some lines but remain: their summed totals must shrink too.
    const recompute = db.prepare(`UPDATE orders SET total = ROUND(
        (SELECT COALESCE(SUM(amount), 0) FROM order_lines WHERE order_id = orders.id) + shipping - discount_amount, 4)
      WHERE id = ? AND total_stated = 0`)
    for (const orderId of touchedOrders) recompute.run(orderId)

    db.prepare('DELETE FROM import_changes WHERE batch_id = ?').run(batchId)
    db.prepare('DELETE FROM import_rejects WHERE batch_id = ?').run(batchId)
    db.prepare("UPDATE import_batches SET status = 'undone', finished_at = ? WHERE id = ?").run(new Date().toISOString(), batchId)
    return { orders, lines, customers, products, campaigns, members }
  })()
  return { batchId, removed, backupPath, backupsDir: backupsDir(dbPath), backupsKept: BACKUPS_KEPT }
}

const RESTORABLE: Record<'customers' | 'products' | 'orders', readonly string[]> = {
  customers: ['external_id', 'email', 'name', 'country', 'city', 'accepts_marketing', 'signed_up_at', 'tags', 'stated_total_spent', 'stated_orders', 'stated_last_order_at'],
  products: ['sku', 'name', 'category', 'vendor', 'price', 'cost', 'tags'],
  orders: ['status', 'refunded_amount'],
}

function restoreRow(db: Database.Database, table: 'customers' | 'products' | 'orders', rowId: number, old: Record<string, unknown>): void {
  const columns = RESTORABLE[table].filter((column) => column in old)
  if (columns.length === 0) return
  const assignments = columns.map((column) => `${column} = @${column}`).join(', ')
  const values: Record<string, unknown> = { id: rowId }
  for (const column of columns) values[column] = old[column]
  db.prepare(`UPDATE ${table} SET ${assignments} WHERE id = @id`).run(values)
}
