/**
 * A small in-memory EngineApi for working on the UI without the real engine
 * (OFFERWISE_E2E_ENGINE=fake). It reads only a CSV header and pretends the
 * rest; the real engine is what the e2e tests run against by default.
 */
import { EventEmitter } from 'node:events'
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type {
  ArgsOf,
  Channel,
  DataOverview,
  EngineApi,
  EngineEvents,
  EventName,
  ImportBatchSummary,
  ImportInspection,
  RejectRow,
  ResultOf,
  Settings,
} from '../../src-main/engine/api'
import { FIELDS_BY_KIND, REQUIRED_BY_KIND, type ColumnMapping } from '../../src-main/engine/ingest/formats/fields'
import type { FileRegistry } from '../../src-main/engine/ingest/file-registry'
import { createFakeLearning } from './fake-learning'

const SHOPIFY: ColumnMapping = {
  order_id: 'Name',
  order_date: 'Created at',
  customer_email: 'Email',
  currency: 'Currency',
  discount_code: 'Discount Code',
  order_discount: 'Discount Amount',
  shipping: 'Shipping',
  order_total: 'Total',
  quantity: 'Lineitem quantity',
  product_name: 'Lineitem name',
  unit_price: 'Lineitem price',
  sku: 'Lineitem sku',
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"'
        i += 1
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      cells.push(cell)
      cell = ''
    } else cell += char
  }
  cells.push(cell)
  return cells
}

class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message)
  }
}

export function createFakeEngine(dbPath: string, files: FileRegistry): EngineApi {
  const events = new EventEmitter()
  const settings: Settings = { locale: 'en', currency: 'USD' }
  const batches: ImportBatchSummary[] = []
  const rejects = new Map<number, RejectRow[]>()
  const cancelled = new Set<string>()
  let nextBatch = 1
  const learning = createFakeLearning(
    (event, payload) => events.emit(event, payload),
    (code, message) => {
      throw new FakeError(code, message)
    },
  )

  async function inspect(file: string, presetId?: string): Promise<ImportInspection> {
    const path = files.resolve(file)
    const text = await readFile(path, 'utf8').catch(() => {
      throw new FakeError('reject.file.not-found', 'The file was not found.', { path })
    })
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '')
    if (lines.length === 0) throw new FakeError('reject.file.empty', 'This file is empty.')
    const header = splitCsvLine(lines[0] ?? '')
    const shopify = header.includes('Lineitem sku')
    const chosen = presetId ?? (shopify ? 'shopify-orders' : 'generic-order-lines')
    const mapping: ColumnMapping = {}
    for (const [field, column] of Object.entries(SHOPIFY)) if (header.includes(column)) mapping[field as keyof ColumnMapping] = column
    const required = new Set(REQUIRED_BY_KIND['order-lines'].filter((alts) => alts.length === 1).map((alts) => alts[0]))
    return {
      file,
      fileName: basename(path),
      sizeBytes: Buffer.byteLength(text),
      kind: 'csv',
      gzip: false,
      encoding: 'utf-8',
      delimiter: ',',
      sheets: [],
      sheet: null,
      header,
      sample: lines.slice(1, 21).map(splitCsvLine),
      guesses: [
        { presetId: shopify ? 'shopify-orders' : 'generic-order-lines', kind: 'order-lines', confidence: shopify ? 0.96 : 0.4 },
        { presetId: 'generic-order-lines', kind: 'order-lines', confidence: 0.3 },
      ],
      presetId: chosen,
      recordKind: 'order-lines',
      mapping,
      fields: FIELDS_BY_KIND['order-lines'].map((field) => ({ field, required: required.has(field) })),
      currency: shopify ? 'EUR' : null,
      blockers: [],
    }
  }

  function runJob(files: { fileName: string; presetId: string; rows: number }[]): string {
    const jobId = randomUUID()
    const total = files.reduce((sum, file) => sum + file.rows, 0)
    let done = 0
    const tick = setInterval(() => {
      if (cancelled.has(jobId)) {
        clearInterval(tick)
        events.emit('job/finished', { jobId, kind: 'import', outcome: { status: 'cancelled', batchIds: [] } })
        return
      }
      done = Math.min(total, done + Math.ceil(total / 6))
      events.emit('job/progress', {
        jobId,
        kind: 'import',
        step: done < total ? 'writing' : 'finishing',
        done,
        total,
        unit: 'rows',
        rowsPerSecond: 48_200,
        etaSeconds: done < total ? 3 : 0,
        rows: done,
      })
      if (done < total) return
      clearInterval(tick)
      const ids = files.map((file) => {
        const id = nextBatch++
        const rejected = Math.min(2, Math.floor(file.rows / 10))
        const duplicate = Math.floor(file.rows / 25)
        const imported = file.rows - rejected - duplicate
        batches.unshift({
          id,
          fileName: file.fileName,
          presetId: file.presetId,
          recordKind: 'order-lines',
          status: 'done',
          startedAt: new Date().toISOString(),
          finishedAt: new Date().toISOString(),
          rows: file.rows,
          imported,
          duplicate,
          rejected,
          added: { orders: Math.ceil(imported / 2), lines: imported, customers: Math.ceil(imported / 4), products: 12, returns: 1, guestOrders: 2 },
          failure: null,
        })
        rejects.set(
          id,
          Array.from({ length: rejected }, (_, index) => ({
            row: 5 + index * 7,
            column: 'Created at',
            code: 'value.date' as const,
            params: { value: '31/02/2024', column: 'Created at', field: 'order_date' },
            message: '"31/02/2024" is not a date Offerwise can read.',
            raw: `#10${index},31/02/2024,ana@example.com,EUR,2,Tea towel`,
          })),
        )
        return id
      })
      events.emit('job/finished', { jobId, kind: 'import', outcome: { status: 'done', batchIds: ids } })
    }, 250)
    return jobId
  }

  function overview(): DataOverview {
    const active = batches.filter((batch) => batch.status === 'done')
    const orders = active.reduce((sum, batch) => sum + batch.added.orders, 0) * 40
    const months = active.length === 0 ? [] : Array.from({ length: 14 }, (_, index) => {
      const date = new Date(Date.UTC(2023, 2 + index, 1))
      const month = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`
      return { month, revenue: 8000 + Math.round(4000 * Math.sin(index / 2)) + index * 350, orders: 120 + index * 4, returns: 3 + (index % 5) }
    })
    return {
      customers: orders === 0 ? 0 : Math.round(orders * 0.6),
      products: orders === 0 ? 0 : 48,
      orders,
      lines: orders * 2,
      guestOrders: Math.round(orders * 0.12),
      returnOrders: Math.round(orders * 0.04),
      discountedOrders: Math.round(orders * 0.27),
      firstOrderAt: months.length ? '2023-03-02T09:15:00Z' : null,
      lastOrderAt: months.length ? '2024-04-28T17:40:00Z' : null,
      revenue: months.reduce((sum, month) => sum + month.revenue, 0),
      returnedValue: 2140.5,
      discountValue: 3310.25,
      repeatCustomers: Math.round(orders * 0.18),
      currency: settings.currency,
      revenueByMonth: months,
      topDiscountCodes: months.length ? [{ code: 'WELCOME10', orders: 212 }, { code: 'SPRING15', orders: 96 }, { code: 'VIP20', orders: 41 }] : [],
      batches: active.length,
    }
  }

  const handlers: { [C in Channel]: (args: ArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C> } = {
    'app/info': () => ({
      version: '0.1.0-fake',
      dbPath,
      dataDir: dbPath.replace(/\/[^/]+$/, ''),
      shell: 'web-bridge',
      schemaVersion: 1,
      backend: learning.backend(),
    }),
    'settings/get': () => ({ ...settings }),
    'settings/set': (args) => Object.assign(settings, args),
    'formats/list': () =>
      ['shopify-orders', 'woocommerce-orders', 'online-retail', 'taobao-orders', 'generic-order-lines', 'generic-orders'].map((id) => ({
        id,
        kind: id === 'generic-orders' ? ('orders' as const) : ('order-lines' as const),
      })),
    'import/inspect': (args) => inspect(args.file, args.presetId),
    'import/start': async (args) => {
      const files = await Promise.all(
        args.requests.map(async (request) => ({
          fileName: basename(files.resolve(request.file)),
          presetId: request.presetId,
          rows: (await readFile(files.resolve(request.file), 'utf8')).split(/\r?\n/).filter((line) => line.trim() !== '').length - 1,
        })),
      )
      return { jobId: runJob(files) }
    },
    'import/sample': () => ({
      jobId: runJob([
        { fileName: 'sample-shop-orders.csv', presetId: 'shopify-orders', rows: 4210 },
        { fileName: 'sample-shop-customers.csv', presetId: 'shopify-customers', rows: 980 },
      ]),
    }),
    'import/batches': () => batches.map((batch) => ({ ...batch })),
    'import/rejects': (args) => {
      const rows = rejects.get(args.batchId) ?? []
      return { total: rows.length, rows: rows.slice(args.offset, args.offset + args.limit) }
    },
    'import/rejects-csv': (args) => ({
      fileName: `batch-${args.batchId}-rejects.csv`,
      csv: ['row,column,reason,original_row', ...(rejects.get(args.batchId) ?? []).map((row) => `${row.row},${row.column},${row.message},"${row.raw}"`)].join('\n'),
    }),
    'import/undo': (args) => {
      const batch = batches.find((candidate) => candidate.id === args.batchId)
      if (!batch) throw new FakeError('import.batch-not-found', `There is no import number ${args.batchId}.`, { batchId: args.batchId })
      batch.status = 'undone'
      return {
        batchId: batch.id,
        removed: { orders: batch.added.orders, lines: batch.added.lines, customers: batch.added.customers, products: batch.added.products },
        backupPath: `${dbPath}.backup-${batch.id}.sqlite`,
      }
    },
    'jobs/cancel': (args) => {
      if (!learning.cancel(args.jobId)) cancelled.add(args.jobId)
      return { cancelled: true }
    },
    'data/overview': () => overview(),
    'model/train': (args) => learning.train(args.horizonDays, overview().orders > 0),
    'model/evaluate': (args) => learning.train(args.horizonDays, overview().orders > 0),
    'model/report': () => learning.report(),
    'customers/list': (args) => learning.list(args),
    'customers/detail': (args) => learning.detail(args.customerId),
  }

  return {
    async call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
      const handler = handlers[channel] as (args: ArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C>
      if (!handler) throw new FakeError('api.unknown-channel', `Unknown call: ${channel}`)
      return handler(args)
    },
    on<E extends EventName>(event: E, listener: (payload: EngineEvents[E]) => void): () => void {
      events.on(event, listener)
      return () => events.off(event, listener)
    },
  }
}
