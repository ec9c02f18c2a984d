/**
 * Builds the whole sample shop from one seed and writes its files. The same
 * seed always gives the same text (the .gz bytes may differ between zlib
 * builds; compare the uncompressed text).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { isoDate } from './calendar'
import { CAMPAIGNS, campaignDraw } from './campaigns'
import { buildCatalogue } from './catalogue'
import { CUSTOMER_COUNT, makeCustomers, type Customer } from './customers'
import type { Order } from './orders/model'
import { posOrders } from './orders/pos'
import { settle } from './orders/settle'
import { simulateCustomer } from './orders/simulate'
import { buildPlaces } from './places'
import { Random } from './random'
import { RESPONSE_TYPES, type ResponseType } from './response'
import { buildTruth, truthJson } from './truth'
import type { Truth } from './truth-types'
import { campaignsCsv } from './writers/campaigns-csv'
import { customersCsv } from './writers/customers-csv'
import { ordersCsv } from './writers/orders-csv'
import { productsCsv } from './writers/products-csv'
import { truthCsv } from './writers/truth-csv'

export const DEFAULT_SEED = 20240101
/** Above this the orders file is written gzipped (the importer reads .gz). */
const GZIP_ABOVE_BYTES = 4 * 1024 * 1024

export interface SampleShop {
  orders: string
  products: string
  customers: string
  campaigns: string
  /** truth.json text; `truthData` is the same, parsed. */
  truth: string
  truthData: Truth
  /** The flat `--truth` CSV. */
  truthCsv: string
  stats: SampleShopStats
}

export interface ArmStats {
  members: number
  /** Members with an order in the window. */
  buyers: number
  /** Orders in the window that used the member's code. */
  redeemed: number
  /** Expected buyers by the law, without and with the arm's coupon (control: at the mean depth). */
  expectedWithout: number
  expectedWith: number
}

export interface SampleShopStats {
  seed: number
  customers: number
  buyers: number
  orders: number
  lines: number
  firstOrder: string
  lastOrder: string
  codes: Record<string, number>
  refunded: number
  partiallyRefunded: number
  cancelled: number
  guestOrders: number
  responseTypes: Record<ResponseType, number>
  /** Per campaign id, per arm ('control' or the percent). */
  campaigns: Record<string, Record<string, ArmStats>>
}

function campaignStats(customers: readonly Customer[]): SampleShopStats['campaigns'] {
  const out: SampleShopStats['campaigns'] = {}
  for (const campaign of CAMPAIGNS) {
    const arms: Record<string, ArmStats> = {}
    for (const c of customers) {
      for (const m of c.campaigns.filter((x) => x.campaign === campaign)) {
        const key = m.arm === 'control' ? 'control' : `${m.percent}%`
        const arm = (arms[key] ??= { members: 0, buyers: 0, redeemed: 0, expectedWithout: 0, expectedWith: 0 })
        const inWindow = c.orders.filter((o) => o.day >= campaign.sentDay && o.day < campaign.sentDay + campaign.days)
        arm.members++
        arm.expectedWithout += m.pWithout
        arm.expectedWith += m.pWith
        if (inWindow.length > 0) arm.buyers++
        arm.redeemed += inWindow.filter((o) => m.code !== '' && o.code === m.code).length
      }
    }
    for (const arm of Object.values(arms)) Object.assign(arm, { expectedWithout: Number(arm.expectedWithout.toFixed(2)), expectedWith: Number(arm.expectedWith.toFixed(2)) })
    out[campaign.id] = Object.fromEntries(Object.entries(arms).sort(([a], [b]) => (a === 'control' ? -1 : b === 'control' ? 1 : parseInt(a) - parseInt(b))))
  }
  return out
}

export interface SampleShopOptions {
  /** How many customers sign up over the two years (default CUSTOMER_COUNT, the shipped shop). */
  customers?: number
}

export function buildSampleShop(seed: number = DEFAULT_SEED, options: SampleShopOptions = {}): SampleShop {
  const count = options.customers ?? CUSTOMER_COUNT
  if (!Number.isInteger(count) || count < 50 || count > 1_000_000) throw new RangeError(`customers must be a whole number from 50 to 1,000,000 (got ${count})`)
  const random = new Random(seed)
  const catalogue = buildCatalogue(random)
  const places = buildPlaces(random)
  // Response traits come from their own stream, so names, ids and addresses stay as they were before they existed.
  const customers = makeCustomers(random, new Random((seed ^ 0x51f15eed) >>> 0), places, count)
  const campaigns = campaignDraw(seed)
  for (const customer of customers) simulateCustomer(random, catalogue, campaigns, customer)
  const orders: Order[] = [...customers.flatMap((c) => c.orders), ...posOrders(random, catalogue, places)].filter((o) => o.lines.length > 0)
  orders.sort((a, b) => a.day - b.day || a.second - b.second || (a.customer?.index ?? -1) - (b.customer?.index ?? -1))
  // Shopify numbers orders #1001 up and gives them growing 13-digit ids.
  let id = 5_102_117_000_000
  orders.forEach((order, i) => {
    order.name = `#${1001 + i}`
    id += 40_000 + random.int(0, 400_000)
    order.id = String(id)
  })
  settle(random, orders)

  const codes: Record<string, number> = {}
  // The tests' one-off codes count under their prefix (`SPRING-*`).
  const codeKey = (code: string): string => (/^[A-Z]+-[A-Z0-9]{6}$/.test(code) ? `${code.split('-')[0]}-*` : code)
  for (const order of orders) if (order.code !== '') codes[codeKey(order.code)] = (codes[codeKey(order.code)] ?? 0) + 1
  const responseTypes = Object.fromEntries(RESPONSE_TYPES.map((t) => [t, customers.filter((c) => c.responseType === t).length])) as Record<ResponseType, number>
  const stats: SampleShopStats = {
    seed,
    customers: customers.length,
    buyers: customers.filter((c) => c.orders.length > 0).length,
    orders: orders.length,
    lines: orders.reduce((sum, o) => sum + o.lines.length, 0),
    firstOrder: isoDate(orders[0].day),
    lastOrder: isoDate(orders[orders.length - 1].day),
    codes,
    refunded: orders.filter((o) => o.status === 'refunded' && o.cancelledSecond === null).length,
    partiallyRefunded: orders.filter((o) => o.status === 'partially_refunded').length,
    cancelled: orders.filter((o) => o.cancelledSecond !== null).length,
    guestOrders: orders.filter((o) => o.customer === null).length,
    responseTypes,
    campaigns: campaignStats(customers),
  }
  const truthData = buildTruth(seed, catalogue, customers)
  return {
    orders: ordersCsv(orders),
    products: productsCsv(catalogue),
    customers: customersCsv(customers),
    campaigns: campaignsCsv(customers),
    truth: truthJson(truthData),
    truthData,
    truthCsv: truthCsv(customers),
    stats,
  }
}

export interface WrittenShop {
  files: string[]
  /** sha256 of the files' uncompressed text, for determinism checks. */
  hash: string
}

/** The hash `writeSampleShop` reports, from the texts alone. */
export function shopHash(shop: Pick<SampleShop, 'products' | 'customers' | 'orders' | 'campaigns' | 'truth'>): string {
  return createHash('sha256').update(shop.products).update(shop.customers).update(shop.orders).update(shop.campaigns).update(shop.truth).digest('hex')
}

/** Writes products.csv, customers.csv, orders.csv (or .gz when large), campaigns.csv and truth.json into `outDir`. */
export function writeSampleShop(shop: SampleShop, outDir: string, truthCsvPath?: string): WrittenShop {
  mkdirSync(outDir, { recursive: true })
  const files: string[] = []
  const put = (name: string, data: string | Buffer): void => {
    writeFileSync(join(outDir, name), data)
    files.push(join(outDir, name))
  }
  put('products.csv', shop.products)
  put('customers.csv', shop.customers)
  const big = Buffer.byteLength(shop.orders) > GZIP_ABOVE_BYTES
  // Only one orders file may exist: the app imports whichever it finds.
  const stale = join(outDir, big ? 'orders.csv' : 'orders.csv.gz')
  if (existsSync(stale)) rmSync(stale)
  put(big ? 'orders.csv.gz' : 'orders.csv', big ? gzipSync(shop.orders, { level: 9 }) : shop.orders)
  put('campaigns.csv', shop.campaigns)
  put('truth.json', shop.truth)
  if (truthCsvPath) writeFileSync(truthCsvPath, shop.truthCsv)
  return { files, hash: shopHash(shop) }
}
