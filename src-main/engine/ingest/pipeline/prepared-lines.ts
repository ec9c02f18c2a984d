import type { ImportWriter, OrderSight, ProductRef, RowOutcome } from './import-writer'
import { ownText } from './import-writer'
import { FLAG_OWN_NAME, FLAG_OWN_SKU, FLAG_RETURN, INTS_PER_LINE, kindOfFlags, NUMBERS_PER_LINE, type LineBatch } from './line-wire'
import type { LineValues } from './new-order-lines'

interface KnownProduct {
  ref: ProductRef
  /** The SKU and name columns of a line that says what the product's first line in the file said. */
  sku: string | null
  name: string | null
}

/**
 * The writing thread's side of a two-thread import: lines that arrive as
 * columns (line-wire.ts) go through the same writer steps as a line read here
 * (order on first sight, product on first sight, then the line), so the store,
 * the rejects and the counts are those of a one-thread import.
 */
export class PreparedLines {
  private readonly products: KnownProduct[] = []
  private sight: OrderSight | null = null

  constructor(private readonly writer: ImportWriter) {}

  /** Writes a batch in file order; `counted` hears each row's outcome (null: rejected). */
  write(batch: LineBatch, counted: (outcome: RowOutcome | null) => void): void {
    const { ints, numbers, lineKeys, texts, orders, rejects } = batch
    const writer = this.writer
    for (const first of batch.products) {
      const ref = writer.productOfLine(first)
      this.products.push({ ref, sku: ownText(first.sku, ref.sku), name: ownText(first.name, ref.name) })
    }
    let reject = 0
    let text = 0
    let keyAt = 0
    for (let k = 0; k < batch.lines; k++) {
      for (; reject < rejects.length && rejects[reject].before === k; reject++) {
        writer.reject(rejects[reject].issue, rejects[reject].raw)
        counted(null)
      }
      const i = k * INTS_PER_LINE
      const n = k * NUMBERS_PER_LINE
      const orderIndex = ints[i + 2]
      // A line of the order of the line before: that order was found or made then, so nothing changed it now.
      const sight = orderIndex >= 0 ? writer.orderOfLine(orders[orderIndex]) : this.seenAgain()
      this.sight = sight
      const product = this.products[ints[i + 1]]
      const flags = ints[i + 3]
      const sku = flags & FLAG_OWN_SKU ? ownText(texts[text++], product.ref.sku) : product.sku
      const name = flags & FLAG_OWN_NAME ? ownText(texts[text++], product.ref.name) : product.name
      const lineKey = lineKeys.slice(keyAt, (keyAt += ints[i + 4]))
      const values: LineValues = [
        sight.state.id, product.ref.id, lineKey, sku, name, numbers[n], numbers[n + 1], numbers[n + 2],
        numbers[n + 3], kindOfFlags(flags), flags & FLAG_RETURN ? 1 : 0, ints[i], writer.batchId,
      ]
      counted(writer.writeLine(sight, values))
    }
    for (; reject < rejects.length; reject++) {
      writer.reject(rejects[reject].issue, rejects[reject].raw)
      counted(null)
    }
  }

  /** The previous line's order as a later line of it sees it (what the writer's cache returns for a known order key). */
  private seenAgain(): OrderSight {
    const sight = this.sight
    if (sight === null) throw new Error('a line without an order arrived first')
    return sight.changed || sight.created ? { state: sight.state, changed: false, created: false } : sight
  }
}
