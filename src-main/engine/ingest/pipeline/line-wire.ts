import type { FileIssue } from '../../shared/issue'
import type { LineKind } from './line-kind'
import { lineKeyOf, type LineRecord, type OrderRecord } from './normalised'
import type { ProductOfLine } from './import-writer'

/**
 * Order lines read and normalised on one thread, on their way to the thread
 * that writes them. Cloning one record object per line between threads cost
 * more CPU than it saved (commit 3bcad59), so a batch travels as columns: the
 * numbers in typed arrays that are transferred, not copied, and per line one
 * string (its line key). An order travels once per run of its lines, a product
 * once per file, and a line's SKU and name only where they differ from the
 * first line of its product; the writer reads lines by index, building no
 * object per line.
 */
export interface LineBatch {
  /** Lines in this batch (rejected rows are not lines). */
  lines: number
  /** Per line: source row, product number (per file, from 0), order (an index into `orders`, or -1: the previous line's), flags, length of its line key. */
  ints: Int32Array<ArrayBuffer>
  /** Per line: quantity, unit price, discount, amount. */
  numbers: Float64Array<ArrayBuffer>
  /** The lines' keys end to end (one string is one copy between threads; an array of strings is one per line). */
  lineKeys: string
  /** A line's SKU and/or name where a flag says it differs from its product's first line, in line order. */
  texts: string[]
  /** Products seen first in this batch, numbered on from the previous batches'. */
  products: ProductOfLine[]
  orders: OrderRecord[]
  /** Rows that make no line, each written before line `before` of this batch (or at its end). */
  rejects: { before: number; issue: FileIssue; raw: string }[]
  /** Rows the reader could not read, as in RowBatch. */
  issues: FileIssue[]
  stopped?: FileIssue
  bytesRead: number
  sizeBytes: number
}

export const INTS_PER_LINE = 5
export const NUMBERS_PER_LINE = 4
export const FLAG_RETURN = 1
export const FLAG_OWN_SKU = 2
export const FLAG_OWN_NAME = 4
const KIND_SHIFT = 4

export const LINE_KINDS: readonly LineKind[] = ['product', 'shipping', 'fee', 'adjustment', 'discount']

export function kindOfFlags(flags: number): LineKind {
  return LINE_KINDS[flags >> KIND_SHIFT] as LineKind
}

/** The reading thread's side: lines in, batches out; remembers products and the current order across batches. */
export class LineBatchEncoder {
  private readonly products = new Map<string, { index: number; sku: string; name: string }>()
  private previousOrderKey: string | null = null
  private batch = this.empty(0)
  private at = 0

  /** Starts a batch of at most `rows` lines. */
  start(rows: number): void {
    this.batch = this.empty(rows)
    this.at = 0
  }

  line(order: OrderRecord, line: LineRecord, sourceRow: number): void {
    const batch = this.batch
    let product = this.products.get(line.productKey)
    if (product === undefined) {
      product = { index: this.products.size, sku: line.sku, name: line.name }
      this.products.set(line.productKey, product)
      batch.products.push({ productKey: line.productKey, sku: line.sku, name: line.name, category: line.category, unitPrice: line.unitPrice, kind: line.kind })
    }
    let orderIndex = -1
    if (order.orderKey !== this.previousOrderKey) {
      orderIndex = batch.orders.length
      batch.orders.push(order)
      this.previousOrderKey = order.orderKey
    }
    let flags = (line.isReturn ? FLAG_RETURN : 0) | (LINE_KINDS.indexOf(line.kind) << KIND_SHIFT)
    if (line.sku !== product.sku) {
      flags |= FLAG_OWN_SKU
      batch.texts.push(line.sku)
    }
    if (line.name !== product.name) {
      flags |= FLAG_OWN_NAME
      batch.texts.push(line.name)
    }
    const i = this.at * INTS_PER_LINE
    batch.ints[i] = sourceRow
    batch.ints[i + 1] = product.index
    batch.ints[i + 2] = orderIndex
    batch.ints[i + 3] = flags
    const lineKey = lineKeyOf(line)
    batch.ints[i + 4] = lineKey.length
    const n = this.at * NUMBERS_PER_LINE
    batch.numbers[n] = line.quantity
    batch.numbers[n + 1] = line.unitPrice
    batch.numbers[n + 2] = line.discount
    batch.numbers[n + 3] = line.amount
    batch.lineKeys += lineKey
    this.at++
  }

  reject(issue: FileIssue, raw: string): void {
    this.batch.rejects.push({ before: this.at, issue, raw })
  }

  /** The batch, its arrays cut to the lines it holds. */
  finish(issues: FileIssue[], bytesRead: number, sizeBytes: number, stopped: FileIssue | undefined): LineBatch {
    const batch = this.batch
    batch.lines = this.at
    batch.ints = batch.ints.subarray(0, this.at * INTS_PER_LINE)
    batch.numbers = batch.numbers.subarray(0, this.at * NUMBERS_PER_LINE)
    batch.issues = issues
    batch.bytesRead = bytesRead
    batch.sizeBytes = sizeBytes
    if (stopped) batch.stopped = stopped
    return batch
  }

  private empty(rows: number): LineBatch {
    return {
      lines: 0,
      ints: new Int32Array(rows * INTS_PER_LINE),
      numbers: new Float64Array(rows * NUMBERS_PER_LINE),
      lineKeys: '',
      texts: [],
      products: [],
      orders: [],
      rejects: [],
      issues: [],
      bytesRead: 0,
      sizeBytes: 0,
    }
  }
}
