/**
 * Generates the sample shop behind "Try the sample shop": two years of a
 * fictional small online home-and-gift shop ("Juniper Lane"), written as
 * Shopify exports (orders, products, customers) into resources/sample-shop/.
 *
 *   npx tsx scripts/generate-sample-shop.ts [--seed 20240101] [--out dir] [--truth file.csv]
 *
 * The data has the structure a coupon model must find in real shops, with
 * known ground truth: weekly and yearly seasonality, a Black Friday and other
 * site-wide sales, welcome and targeted codes, returns and cancellations,
 * heavy and one-time buyers, category tastes, and above all a per-customer
 * latent discount sensitivity: sensitive customers buy far more often while a
 * code applies to them and less at full price. `--truth` writes those latent
 * values (never part of the shop files) for evaluating models.
 *
 * Everything is drawn from one seeded PRNG and formatted without locale or
 * time-zone dependence, so a seed always gives the same CSV text (the .gz
 * bytes may differ between zlib builds; compare the uncompressed text).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import {
  SHOPIFY_CUSTOMERS_HEADER,
  SHOPIFY_ORDERS_HEADER,
  SHOPIFY_PRODUCTS_2024_HEADER,
} from '../src-main/engine/ingest/formats/shopify-headers'

export const DEFAULT_SEED = 20240101
/** Above this the orders file is written gzipped (the importer reads .gz). */
const GZIP_ABOVE_BYTES = 4 * 1024 * 1024

const FIRST_DAY = '2023-01-01'
const DAYS = 731 // through 2024-12-31
const CUSTOMER_COUNT = 1500
/** Share of customer records that never ordered (newsletter sign-ups). */
const NON_BUYER_SHARE = 0.06
/** In-person orders at the shop's market stall: no email, no customer. */
const POS_ORDER_COUNT = 45

// ---------- random numbers ----------

/** sfc32: small, fast, good enough statistically, and identical on every platform. */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    this.a = 0x9e3779b9
    this.b = 0x243f6a88
    this.c = 0xb7e15162
    this.d = seed >>> 0
    for (let i = 0; i < 15; i++) this.next()
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0
    this.b >>>= 0
    this.c >>>= 0
    this.d >>>= 0
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((sum, w) => sum + w, 0)
    let r = this.next() * total
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]
      if (r < 0) return items[i]
    }
    return items[items.length - 1]
  }

  normal(): number {
    const u = 1 - this.next()
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** Marsaglia-Tsang; mean shape * scale. */
  gamma(shape: number, scale = 1): number {
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(this.next() || 1e-12, 1 / shape)
    const d = shape - 1 / 3
    const c = 1 / Math.sqrt(9 * d)
    for (;;) {
      const x = this.normal()
      const v = Math.pow(1 + c * x, 3)
      if (v <= 0) continue
      const u = this.next()
      if (Math.log(u || 1e-12) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale
    }
  }

  beta(a: number, b: number): number {
    const x = this.gamma(a)
    return x / (x + this.gamma(b))
  }

  poisson(mean: number): number {
    const limit = Math.exp(-mean)
    let k = 0
    let p = this.next()
    while (p > limit) {
      k++
      p *= this.next()
    }
    return k
  }
}

// ---------- calendar ----------

const DAY_MS = 86_400_000
const FIRST_MS = Date.parse(`${FIRST_DAY}T00:00:00Z`)

/** Calendar date of day index `d` (local shop date), as UTC midnight. */
function dateOf(day: number): Date {
  return new Date(FIRST_MS + day * DAY_MS)
}

function dayOf(isoDate: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - FIRST_MS) / DAY_MS)
}

function isoDate(day: number): string {
  return dateOf(day).toISOString().slice(0, 10)
}

/** n-th Sunday (1-based) of a month, as day of month. */
function nthSunday(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay()
  return 1 + ((7 - first) % 7) + 7 * (n - 1)
}

/** The shop is in New York: EDT (-0400) from the 2nd Sunday of March to the 1st Sunday of November. */
function utcOffset(day: number, hour: number): string {
  const date = dateOf(day)
  const year = date.getUTCFullYear()
  const start = Date.UTC(year, 2, nthSunday(year, 2, 2), 2)
  const end = Date.UTC(year, 10, nthSunday(year, 10, 1), 2)
  const local = date.getTime() + hour * 3_600_000
  return local >= start && local < end ? '-0400' : '-0500'
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** Shopify's timestamp style: `2024-01-31 10:22:01 -0500`. */
function timestamp(day: number, secondOfDay: number): string {
  const hour = Math.floor(secondOfDay / 3600)
  const minute = Math.floor((secondOfDay % 3600) / 60)
  const second = secondOfDay % 60
  return `${isoDate(day)} ${pad(hour)}:${pad(minute)}:${pad(second)} ${utcOffset(day, hour)}`
}

/** Shopping by hour of day: lunch and evening peaks, quiet nights. */
const HOUR_WEIGHTS = [2, 1, 0.6, 0.4, 0.4, 0.6, 1.5, 3, 4, 4.5, 5, 5.5, 6.5, 6, 5, 4.5, 4.5, 5, 6, 7.5, 8.5, 8, 6, 3.5]
const HOURS = HOUR_WEIGHTS.map((_w, i) => i)

function secondOfDay(random: Random): number {
  return random.weighted(HOURS, HOUR_WEIGHTS) * 3600 + random.int(0, 3599)
}

/** Monday-first weekly pattern: Sunday evening and Monday browsing, quieter Saturdays. */
const WEEKDAY = [1.08, 1.0, 0.98, 0.97, 0.92, 0.82, 1.18] // Mon..Sun

function weekdayFactor(day: number): number {
  return WEEKDAY[(dateOf(day).getUTCDay() + 6) % 7]
}

/**
 * Demand by time of year: a January hangover, a summer lull, the build-up to
 * the holidays peaking in early December and dying after the last shipping
 * day, small bumps before Valentine's and Mother's Day.
 */
function seasonFactor(day: number): number {
  const date = dateOf(day)
  const month = date.getUTCMonth()
  const dom = date.getUTCDate()
  const base = [0.8, 0.85, 0.95, 1.0, 1.0, 0.82, 0.68, 0.72, 0.92, 1.05, 1.35, 1.0][month]
  if (month === 11) {
    if (dom <= 18) return 1.9
    if (dom <= 22) return 1.25
    if (dom <= 26) return 0.45
    return 0.8
  }
  if (month === 1 && dom >= 5 && dom <= 13) return base * 1.3
  if (month === 4) {
    const mothersDay = nthSunday(date.getUTCFullYear(), 4, 2)
    if (dom >= mothersDay - 8 && dom <= mothersDay - 2) return base * 1.35
  }
  return base
}

/**
 * New-customer reach: the launch campaign of January 2023 fades over the
 * first months, then word of mouth grows slowly.
 */
function growthFactor(day: number): number {
  return 1 + 2.2 * Math.exp(-day / 45) + (0.25 * day) / DAYS
}

// ---------- catalogue ----------

const CATEGORIES = ['Candles', 'Tea', 'Drinkware', 'Kitchen Textiles', 'Stationery', 'Bath & Body', 'Home Decor', 'Gift Sets'] as const
type Category = (typeof CATEGORIES)[number]

/** Month-by-month appetite per category (Jan..Dec). */
const CATEGORY_SEASON: Record<Category, readonly number[]> = {
  Candles: [0.9, 1.0, 0.8, 0.7, 0.8, 0.6, 0.5, 0.6, 0.9, 1.3, 1.6, 1.8],
  Tea: [1.4, 1.3, 1.1, 0.9, 0.8, 0.6, 0.5, 0.6, 0.9, 1.2, 1.3, 1.3],
  Drinkware: [1.0, 0.9, 0.9, 0.9, 1.0, 0.9, 0.8, 0.9, 1.0, 1.0, 1.2, 1.4],
  'Kitchen Textiles': [0.9, 0.9, 1.1, 1.2, 1.1, 1.0, 0.9, 0.9, 1.0, 1.0, 1.2, 1.1],
  Stationery: [1.4, 1.1, 0.8, 0.8, 0.9, 0.8, 0.8, 1.2, 1.3, 0.9, 1.0, 1.5],
  'Bath & Body': [0.9, 1.5, 1.0, 1.0, 1.5, 0.9, 0.9, 0.9, 0.9, 0.9, 1.1, 1.3],
  'Home Decor': [0.8, 0.9, 1.2, 1.3, 1.2, 0.9, 0.8, 0.9, 1.2, 1.2, 1.1, 1.0],
  'Gift Sets': [0.4, 0.9, 0.5, 0.6, 1.2, 0.6, 0.5, 0.5, 0.6, 0.9, 1.8, 2.6],
}

/** Shopify's product taxonomy path per category, as the export writes it. */
const TAXONOMY: Record<Category, string> = {
  Candles: 'Home & Garden > Decor > Home Fragrances > Candles',
  Tea: 'Food, Beverages & Tobacco > Beverages > Tea & Infusions',
  Drinkware: 'Home & Garden > Kitchen & Dining > Tableware > Drinkware',
  'Kitchen Textiles': 'Home & Garden > Linens & Bedding > Table Linens',
  Stationery: 'Office Supplies > General Office Supplies > Paper Products',
  'Bath & Body': 'Health & Beauty > Personal Care > Cosmetics > Bath & Body',
  'Home Decor': 'Home & Garden > Decor',
  'Gift Sets': 'Arts & Entertainment > Party & Celebration > Gift Giving',
}

interface ProductDef {
  title: string
  category: Category
  vendor: string
  /** [option value, price, cost]; no option name means a single default variant. */
  variants: readonly (readonly [string, number, number])[]
  option?: string
  popularity: number
  /** Sells almost only in November and December. */
  holiday?: boolean
  tags: string
}

const OWN = 'Juniper Lane'
const PRODUCTS: readonly ProductDef[] = [
  { title: 'Fig & Cedar Candle', category: 'Candles', vendor: OWN, option: 'Size', variants: [['Small', 18, 6.1], ['Large', 34, 11.4]], popularity: 10, tags: 'bestseller, candles' },
  { title: 'Sea Salt Candle', category: 'Candles', vendor: OWN, option: 'Size', variants: [['Small', 18, 6.1], ['Large', 34, 11.4]], popularity: 8, tags: 'candles' },
  { title: 'Amber & Smoke Candle', category: 'Candles', vendor: OWN, option: 'Size', variants: [['Small', 19, 6.4], ['Large', 36, 12.1]], popularity: 6, tags: 'candles' },
  { title: 'Winter Pine Candle', category: 'Candles', vendor: OWN, variants: [['', 36, 12.3]], popularity: 6, holiday: true, tags: 'candles, holiday' },
  { title: 'Lavender Field Candle', category: 'Candles', vendor: OWN, variants: [['', 28, 9.2]], popularity: 4, tags: 'candles' },
  { title: 'Tea Light Set of 12', category: 'Candles', vendor: 'Northwick Wax Co.', variants: [['', 12, 4.6]], popularity: 5, tags: 'candles' },
  { title: 'Bergamot Reed Diffuser', category: 'Candles', vendor: OWN, variants: [['', 32, 11.8]], popularity: 4, tags: 'home fragrance' },
  { title: 'Brass Candle Snuffer', category: 'Candles', vendor: 'Foundry & Fern', variants: [['', 24, 10.5]], popularity: 2, tags: 'accessories' },
  { title: 'Earl Grey Loose Leaf', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['100 g', 14, 4.2]], popularity: 9, tags: 'tea, black tea' },
  { title: 'Sencha Green Tea', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['50 g', 12, 3.9]], popularity: 6, tags: 'tea, green tea' },
  { title: 'Masala Chai', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['100 g', 15, 4.5]], popularity: 7, tags: 'tea, spiced' },
  { title: 'Chamomile Blossom', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['50 g', 11, 3.3]], popularity: 5, tags: 'tea, herbal' },
  { title: 'Aged Pu-erh', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['100 g', 19, 6.8]], popularity: 2, tags: 'tea' },
  { title: 'Jasmine Pearls', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['50 g', 18, 6.2]], popularity: 4, tags: 'tea, green tea' },
  { title: 'Peppermint Leaf', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['50 g', 10, 2.9]], popularity: 4, tags: 'tea, herbal' },
  { title: 'Winter Spice Blend', category: 'Tea', vendor: OWN, option: 'Weight', variants: [['100 g', 16, 4.9]], popularity: 5, holiday: true, tags: 'tea, holiday' },
  { title: 'Stoneware Mug', category: 'Drinkware', vendor: 'Clayworks Studio', option: 'Glaze', variants: [['Speckled', 22, 8.75], ['Midnight', 22, 8.75], ['Sage', 22, 8.75]], popularity: 9, tags: 'mugs, handmade' },
  { title: 'Glass Teapot 600 ml', category: 'Drinkware', vendor: 'Clearbrook Glass', variants: [['', 38, 15.5]], popularity: 4, tags: 'teaware' },
  { title: 'Steel Tea Infuser', category: 'Drinkware', vendor: 'Clearbrook Glass', variants: [['', 9, 2.7]], popularity: 6, tags: 'teaware' },
  { title: 'Double-Wall Glass Cups, Set of 2', category: 'Drinkware', vendor: 'Clearbrook Glass', variants: [['', 26, 10.2]], popularity: 4, tags: 'glassware' },
  { title: 'Insulated Travel Tumbler', category: 'Drinkware', vendor: 'Clearbrook Glass', variants: [['', 30, 12.0]], popularity: 3, tags: 'travel' },
  { title: 'Porcelain Tea Cups, Set of 4', category: 'Drinkware', vendor: 'Clayworks Studio', variants: [['', 34, 13.9]], popularity: 3, tags: 'teaware' },
  { title: 'Matcha Bowl & Whisk Set', category: 'Drinkware', vendor: 'Clayworks Studio', variants: [['', 42, 17.5]], popularity: 3, tags: 'teaware, matcha' },
  { title: 'Linen Napkins, Set of 4', category: 'Kitchen Textiles', vendor: OWN, option: 'Colour', variants: [['Sage', 26, 9.8], ['Oat', 26, 9.8]], popularity: 6, tags: 'linen, table' },
  { title: 'Linen Tea Towel', category: 'Kitchen Textiles', vendor: OWN, variants: [['', 14, 4.9]], popularity: 6, tags: 'linen' },
  { title: 'Waffle Dish Cloths, Set of 3', category: 'Kitchen Textiles', vendor: 'Fold & Weave', variants: [['', 12, 4.1]], popularity: 4, tags: 'kitchen' },
  { title: 'Linen Apron', category: 'Kitchen Textiles', vendor: OWN, variants: [['', 38, 14.5]], popularity: 3, tags: 'linen' },
  { title: 'Cotton Table Runner', category: 'Kitchen Textiles', vendor: 'Fold & Weave', variants: [['', 32, 12.6]], popularity: 2, tags: 'table' },
  { title: 'Quilted Pot Holders, Pair', category: 'Kitchen Textiles', vendor: 'Fold & Weave', variants: [['', 16, 5.6]], popularity: 3, tags: 'kitchen' },
  { title: 'Letterpress Thank You Cards', category: 'Stationery', vendor: 'Paper Moth Press', option: 'Pack', variants: [['Pack of 6', 16, 5.2]], popularity: 5, tags: 'cards' },
  { title: 'Botanical Greeting Card', category: 'Stationery', vendor: 'Paper Moth Press', variants: [['', 6, 1.6]], popularity: 7, tags: 'cards' },
  { title: 'Linen Notebook A5', category: 'Stationery', vendor: 'Paper Moth Press', variants: [['', 22, 7.9]], popularity: 4, tags: 'notebooks' },
  { title: 'Recycled Gift Wrap, 3 Sheets', category: 'Stationery', vendor: 'Paper Moth Press', variants: [['', 10, 3.1]], popularity: 4, holiday: true, tags: 'gift wrap, holiday' },
  { title: 'Brass Bookmark', category: 'Stationery', vendor: 'Foundry & Fern', variants: [['', 14, 5.3]], popularity: 3, tags: 'gifts' },
  { title: 'Weekly Desk Planner', category: 'Stationery', vendor: 'Paper Moth Press', variants: [['', 24, 8.2]], popularity: 3, tags: 'planners' },
  { title: 'Wax Seal Kit', category: 'Stationery', vendor: 'Foundry & Fern', variants: [['', 28, 11.0]], popularity: 2, tags: 'gifts' },
  { title: 'Washi Tape Set', category: 'Stationery', vendor: 'Paper Moth Press', variants: [['', 9, 2.8]], popularity: 4, tags: 'crafts' },
  { title: 'Oat Milk Soap Bar', category: 'Bath & Body', vendor: 'Meadow Apothecary', variants: [['', 9, 2.9]], popularity: 8, tags: 'soap' },
  { title: 'Lavender Bath Salts', category: 'Bath & Body', vendor: 'Meadow Apothecary', variants: [['', 18, 5.7]], popularity: 5, tags: 'bath' },
  { title: 'Rose Hand Cream', category: 'Bath & Body', vendor: 'Meadow Apothecary', variants: [['', 16, 5.1]], popularity: 6, tags: 'skin care' },
  { title: 'Bamboo Bath Tray', category: 'Bath & Body', vendor: 'Fold & Weave', variants: [['', 48, 21.0]], popularity: 2, tags: 'bath' },
  { title: 'Konjac Sponge', category: 'Bath & Body', vendor: 'Meadow Apothecary', variants: [['', 8, 2.2]], popularity: 4, tags: 'skin care' },
  { title: 'Neroli Body Oil', category: 'Bath & Body', vendor: 'Meadow Apothecary', variants: [['', 26, 8.9]], popularity: 3, tags: 'skin care' },
  { title: 'Linen Bath Towel', category: 'Bath & Body', vendor: OWN, option: 'Colour', variants: [['Natural', 44, 18.5], ['Charcoal', 44, 18.5]], popularity: 3, tags: 'linen, bath' },
  { title: 'Merino Throw', category: 'Home Decor', vendor: 'Fold & Weave', option: 'Colour', variants: [['Grey', 68, 31.5], ['Rust', 68, 31.5]], popularity: 4, tags: 'throws, wool' },
  { title: 'Wool Cushion Cover', category: 'Home Decor', vendor: 'Fold & Weave', variants: [['', 36, 14.8]], popularity: 4, tags: 'cushions' },
  { title: 'Ceramic Bud Vase', category: 'Home Decor', vendor: 'Clayworks Studio', variants: [['', 24, 8.9]], popularity: 6, tags: 'vases' },
  { title: 'Dried Flower Bouquet', category: 'Home Decor', vendor: OWN, variants: [['', 32, 12.4]], popularity: 5, tags: 'flowers' },
  { title: 'Woven Storage Basket', category: 'Home Decor', vendor: 'Fold & Weave', variants: [['', 40, 17.2]], popularity: 3, tags: 'storage' },
  { title: 'Brass Candle Holder', category: 'Home Decor', vendor: 'Foundry & Fern', variants: [['', 28, 11.6]], popularity: 4, tags: 'candle holders' },
  { title: 'Winter Wreath Kit', category: 'Home Decor', vendor: OWN, variants: [['', 39, 17.25]], popularity: 4, holiday: true, tags: 'holiday, diy' },
  { title: 'Linen Lampshade', category: 'Home Decor', vendor: OWN, variants: [['', 58, 24.0]], popularity: 2, tags: 'lighting' },
  { title: "Tea Lover's Gift Box", category: 'Gift Sets', vendor: OWN, variants: [['', 45, 19.0]], popularity: 6, tags: 'gifts, tea' },
  { title: 'Cozy Night In Box', category: 'Gift Sets', vendor: OWN, variants: [['', 75, 33.0]], popularity: 4, tags: 'gifts' },
  { title: 'Spa Day Gift Set', category: 'Gift Sets', vendor: OWN, variants: [['', 58, 24.5]], popularity: 4, tags: 'gifts, bath' },
  { title: 'Thank You Box', category: 'Gift Sets', vendor: OWN, variants: [['', 35, 14.2]], popularity: 3, tags: 'gifts' },
  { title: 'Advent Tea Calendar', category: 'Gift Sets', vendor: OWN, variants: [['', 48, 19.8]], popularity: 5, holiday: true, tags: 'gifts, tea, holiday' },
]

/** On 2024-03-01 tea and candle prices rose (wax and tea costs went up): real price variation over time. */
const PRICE_RISE_DAY = dayOf('2024-03-01')
const PRICE_RISE: Partial<Record<Category, number>> = { Tea: 1.08, Candles: 1.06 }

interface Variant {
  product: ProductDef
  handle: string
  sku: string
  /** Lineitem name as Shopify writes it: "Title - Option" or just "Title". */
  lineName: string
  optionValue: string
  priceBefore: number // cents
  priceAfter: number // cents
  cost: number // cents
  grams: number
}

function slug(text: string): string {
  return text.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

function skuStem(product: ProductDef): string {
  const prefix: Record<Category, string> = {
    Candles: 'CND', Tea: 'TEA', Drinkware: 'DRK', 'Kitchen Textiles': 'KTX', Stationery: 'STN', 'Bath & Body': 'BTH', 'Home Decor': 'DEC', 'Gift Sets': 'GFT',
  }
  const words = product.title.replace(/[^A-Za-z ]/g, '').split(' ').filter((w) => w.length > 2 && !['Set', 'The', 'And'].includes(w))
  return `${prefix[product.category]}-${words.slice(0, 2).map((w) => w.slice(0, 4).toUpperCase()).join('')}`
}

/** Rounds a raised price to a shop-like figure: whole dollars, or .50 below $10. */
function shopPrice(dollars: number): number {
  return dollars < 10 ? Math.round(dollars * 2) * 50 : Math.round(dollars) * 100
}

function buildCatalogue(random: Random): Variant[] {
  const variants: Variant[] = []
  for (const product of PRODUCTS) {
    const handle = slug(product.title)
    const stem = skuStem(product)
    product.variants.forEach(([value, price, cost], index) => {
      const rise = PRICE_RISE[product.category] ?? 1
      variants.push({
        product,
        handle,
        sku: product.variants.length > 1 ? `${stem}-${slug(value).slice(0, 4).toUpperCase()}` : stem,
        lineName: value === '' ? product.title : `${product.title} - ${value}`,
        optionValue: value === '' ? 'Default Title' : value,
        priceBefore: price * 100,
        priceAfter: rise === 1 ? price * 100 : shopPrice(price * rise),
        cost: Math.round(cost * 100),
        grams: 80 + random.int(0, 12) * 50 + index * 10,
      })
    })
  }
  return variants
}

function unitPrice(variant: Variant, day: number): number {
  return day >= PRICE_RISE_DAY ? variant.priceAfter : variant.priceBefore
}

// ---------- promotions ----------

interface SiteSale {
  code: string
  percent: number
  from: number
  to: number
  /** Extra reach (ads, email blast): scales new-customer arrivals and a bit of everyone's demand. */
  buzz: number
}

const SITE_SALES: readonly SiteSale[] = [
  { code: 'SPRING15', percent: 15, from: dayOf('2023-04-13'), to: dayOf('2023-04-16'), buzz: 1.5 },
  { code: 'BF2023', percent: 25, from: dayOf('2023-11-24'), to: dayOf('2023-11-27'), buzz: 2.8 },
  { code: 'SPRING15', percent: 15, from: dayOf('2024-04-11'), to: dayOf('2024-04-14'), buzz: 1.5 },
  { code: 'SUMMER20', percent: 20, from: dayOf('2024-07-18'), to: dayOf('2024-07-21'), buzz: 1.6 },
  { code: 'BF2024', percent: 25, from: dayOf('2024-11-29'), to: dayOf('2024-12-02'), buzz: 3.0 },
]

const WELCOME = { code: 'WELCOME10', percent: 10 }
/** Monthly email to opted-in customers whose last order is 120-400 days old. */
const WINBACK = { code: 'COMEBACK20', percent: 20, validDays: 14, lapsedFrom: 120, lapsedTo: 400, firstDay: dayOf('2023-06-01') }
/** Quarterly thank-you to regulars (5+ orders). */
const VIP = { code: 'VIP15', percent: 15, validDays: 10, minOrders: 5, days: ['2023-06-05', '2023-09-04', '2023-12-04', '2024-03-04', '2024-06-03', '2024-09-02'].map(dayOf) }

function siteSaleOn(day: number): SiteSale | undefined {
  return SITE_SALES.find((sale) => day >= sale.from && day <= sale.to)
}

/** First day of every month from WINBACK.firstDay on. */
const WINBACK_DAYS: readonly number[] = Array.from({ length: DAYS }, (_v, d) => d).filter((d) => d >= WINBACK.firstDay && dateOf(d).getUTCDate() === 1)

// ---------- people and places ----------

const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mateo', 'Amelia', 'Ethan', 'Harper',
  'Aiden', 'Evelyn', 'Daniel', 'Abigail', 'Henry', 'Emily', 'Jackson', 'Ella', 'Sebastian', 'Grace', 'Jack', 'Chloe', 'Owen', 'Zoe', 'Samuel',
  'Nora', 'Leo', 'Lily', 'Wyatt', 'Hannah', 'Julian', 'Layla', 'David', 'Aria', 'Gabriel', 'Riley', 'Carter', 'Maya', 'Isaac', 'Priya',
  'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Aarav', 'Ananya', 'Diego', 'Lucia', 'Sofia', 'Omar', 'Fatima', 'Kwame', 'Amara', 'Chidi', 'Ngozi',
  'Min-jun', 'Seo-yeon', 'Thanh', 'Linh', 'Mohammed', 'Leila', 'Rafael', 'Camila', 'Ivan', 'Anya', 'Sean', 'Siobhan', 'Erik', 'Astrid',
  'Lars', 'Ingrid', 'Marco', 'Giulia', 'Pierre', 'Camille', 'Tomás', 'Inés', 'Kofi', 'Abena', 'Ravi', 'Sunita', 'Jonah', 'Ruth', 'Caleb',
  'Naomi', 'Theo', 'Clara', 'Felix', 'Hazel', 'Miles', 'Iris', 'Rosa', 'Elliot', 'Violet', 'Dominic', 'Jade', 'Xavier', 'Tessa', 'Malik',
]
const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez',
  'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark',
  'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green',
  'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Kim',
  'Park', 'Choi', 'Patel', 'Shah', 'Singh', 'Kumar', 'Tanaka', 'Sato', 'Suzuki', 'Okafor', 'Mensah', 'Adeyemi', 'Haddad', 'Khan',
  'Novak', 'Kowalski', 'Müller', 'Schmidt', 'Rossi', 'Bianchi', 'Dubois', 'Moreau', "O'Brien", 'Murphy', 'Kelly', 'Larsen', 'Johansson',
  'Andersen', 'Silva', 'Santos', 'Costa', 'Fischer', 'Weber', 'Byrne', 'Walsh', 'Cohen', 'Levi', 'Friedman', 'Petrov', 'Ivanova', 'Tran',
]

interface Place {
  city: string
  province: string
  provinceName: string
  country: string
  zip: () => string
  /** Sales tax charged on the discounted subtotal. */
  tax: number
  taxName: string
  weight: number
}

function usZip(prefix: string, random: Random): () => string {
  return () => `${prefix}${pad(random.int(1, 99))}`
}

function buildPlaces(random: Random): Place[] {
  const us: [string, string, string, string, number, number][] = [
    ['New York', 'NY', 'New York', '100', 0.04, 9], ['Brooklyn', 'NY', 'New York', '112', 0.04, 7], ['Los Angeles', 'CA', 'California', '900', 0.0725, 8],
    ['San Francisco', 'CA', 'California', '941', 0.0725, 5], ['San Diego', 'CA', 'California', '921', 0.0725, 4], ['Chicago', 'IL', 'Illinois', '606', 0.0625, 6],
    ['Houston', 'TX', 'Texas', '770', 0.0625, 4], ['Austin', 'TX', 'Texas', '787', 0.0625, 4], ['Dallas', 'TX', 'Texas', '752', 0.0625, 3],
    ['Phoenix', 'AZ', 'Arizona', '850', 0.056, 3], ['Philadelphia', 'PA', 'Pennsylvania', '191', 0.06, 4], ['Pittsburgh', 'PA', 'Pennsylvania', '152', 0.06, 2],
    ['Seattle', 'WA', 'Washington', '981', 0.065, 5], ['Portland', 'OR', 'Oregon', '972', 0, 5], ['Denver', 'CO', 'Colorado', '802', 0.029, 4],
    ['Boston', 'MA', 'Massachusetts', '021', 0.0625, 5], ['Cambridge', 'MA', 'Massachusetts', '021', 0.0625, 2], ['Atlanta', 'GA', 'Georgia', '303', 0.04, 3],
    ['Miami', 'FL', 'Florida', '331', 0.06, 3], ['Orlando', 'FL', 'Florida', '328', 0.06, 2], ['Minneapolis', 'MN', 'Minnesota', '554', 0.06875, 3],
    ['Detroit', 'MI', 'Michigan', '482', 0.06, 2], ['Columbus', 'OH', 'Ohio', '432', 0.0575, 2], ['Charlotte', 'NC', 'North Carolina', '282', 0.0475, 2],
    ['Asheville', 'NC', 'North Carolina', '288', 0.0475, 2], ['Nashville', 'TN', 'Tennessee', '372', 0.07, 2], ['Richmond', 'VA', 'Virginia', '232', 0.053, 2],
    ['Baltimore', 'MD', 'Maryland', '212', 0.06, 2], ['Salt Lake City', 'UT', 'Utah', '841', 0.061, 2], ['Madison', 'WI', 'Wisconsin', '537', 0.05, 2],
    ['Burlington', 'VT', 'Vermont', '054', 0.06, 1], ['Santa Fe', 'NM', 'New Mexico', '875', 0.05125, 1], ['Newark', 'NJ', 'New Jersey', '071', 0.06625, 2],
    ['Kansas City', 'MO', 'Missouri', '641', 0.04225, 2], ['New Orleans', 'LA', 'Louisiana', '701', 0.0445, 2],
  ]
  const usWeight = 82 / us.reduce((sum, row) => sum + row[5], 0)
  const places: Place[] = us.map(([city, province, provinceName, prefix, tax, weight]) => ({
    city, province, provinceName, country: 'US', zip: usZip(prefix, random), tax, taxName: `${province} State Tax ${Number((tax * 100).toFixed(3))}%`, weight: weight * usWeight,
  }))
  const caZip = (letter: string) => () => `${letter}${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${random.int(1, 9)}`
  const abroad: Place[] = [
    { city: 'Toronto', province: 'ON', provinceName: 'Ontario', country: 'CA', zip: caZip('M'), tax: 0.05, taxName: 'GST 5%', weight: 3.5 },
    { city: 'Vancouver', province: 'BC', provinceName: 'British Columbia', country: 'CA', zip: caZip('V'), tax: 0.05, taxName: 'GST 5%', weight: 2.5 },
    { city: 'Montreal', province: 'QC', provinceName: 'Quebec', country: 'CA', zip: caZip('H'), tax: 0.05, taxName: 'GST 5%', weight: 1.5 },
    { city: 'London', province: 'ENG', provinceName: 'England', country: 'GB', zip: () => `N${random.int(1, 22)} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`, tax: 0, taxName: '', weight: 3 },
    { city: 'Edinburgh', province: 'SCT', provinceName: 'Scotland', country: 'GB', zip: () => `EH${random.int(1, 17)} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`, tax: 0, taxName: '', weight: 1.5 },
    { city: 'Sydney', province: 'NSW', provinceName: 'New South Wales', country: 'AU', zip: () => `20${pad(random.int(0, 99))}`, tax: 0, taxName: '', weight: 2 },
    { city: 'Melbourne', province: 'VIC', provinceName: 'Victoria', country: 'AU', zip: () => `30${pad(random.int(0, 99))}`, tax: 0, taxName: '', weight: 1.5 },
    { city: 'Berlin', province: 'BE', provinceName: 'Berlin', country: 'DE', zip: () => `10${pad(random.int(115, 999), 3)}`, tax: 0, taxName: '', weight: 1 },
    { city: 'Amsterdam', province: 'NH', provinceName: 'North Holland', country: 'NL', zip: () => `10${pad(random.int(11, 99))} ${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`, tax: 0, taxName: '', weight: 1 },
  ]
  return [...places, ...abroad]
}

const STREETS = ['Maple Ave', 'Oak St', 'Pine St', 'Cedar Ln', 'Elm St', 'Washington Ave', 'Park Pl', 'Lake Shore Dr', 'Hillcrest Rd', 'Mill St', 'Church St', 'River Rd', 'Highland Ave', 'Sunset Blvd', 'Prospect St', 'Garden Ct', 'Willow Way', 'Bay St', 'King St', 'Queen St']

function asciiLocal(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '')
}

// ---------- customers ----------

type Segment = 'one-time' | 'occasional' | 'loyal'

interface Customer {
  index: number
  id: string
  firstName: string
  lastName: string
  email: string
  phone: string
  company: string
  street: string
  address2: string
  place: Place
  zip: string
  acceptsMarketing: boolean
  acceptsSms: boolean
  acquiredDay: number
  acquiredInSale: boolean
  buyer: boolean
  // latent
  segment: Segment
  /** Orders per year while active, at neutral season and no code. */
  rate: number
  /** Chance of going quiet for good after each order. */
  dropout: number
  /** 0..1: how much a code makes this customer buy. */
  sensitivity: number
  /** Extra distinct items per order (Poisson mean). */
  basket: number
  /** Taste over categories, sums to 1. */
  taste: number[]
  // history, filled by the simulation
  orders: Order[]
  winbacksReceived: number[]
  vipReceived: number[]
}

interface Line {
  variant: Variant
  quantity: number
  price: number // cents
}

interface Order {
  customer: Customer | null
  day: number
  second: number
  lines: Line[]
  code: string
  percent: number
  shipping: number
  shippingMethod: string
  place: Place
  street: string
  zip: string
  billingName: string
  status: 'paid' | 'refunded' | 'partially_refunded' | 'voided' | 'pending'
  refunded: number
  cancelledSecond: number | null
  cancelledDay: number
  payment: string
  source: string
  note: string
  // filled when numbering
  name: string
  id: string
}

function arrivalWeights(): number[] {
  return Array.from({ length: DAYS }, (_v, day) => {
    const sale = siteSaleOn(day)
    return seasonFactor(day) * weekdayFactor(day) * growthFactor(day) * (sale ? sale.buzz : 1)
  })
}

function makeCustomers(random: Random, places: readonly Place[]): Customer[] {
  const weights = arrivalWeights()
  const days = weights.map((_w, d) => d)
  const placeWeights = places.map((p) => p.weight)
  const usedEmails = new Set<string>()
  const acquired = Array.from({ length: CUSTOMER_COUNT }, () => random.weighted(days, weights)).sort((a, b) => a - b)
  return acquired.map((acquiredDay, index) => {
    const firstName = random.pick(FIRST_NAMES)
    const lastName = random.pick(LAST_NAMES)
    let email = ''
    for (let n = 0; email === '' || usedEmails.has(email); n++) {
      const style = random.int(0, 3)
      const local = [
        `${asciiLocal(firstName)}.${asciiLocal(lastName)}`,
        `${asciiLocal(firstName)[0]}${asciiLocal(lastName)}`,
        `${asciiLocal(firstName)}${asciiLocal(lastName)[0]}`,
        `${asciiLocal(firstName)}_${asciiLocal(lastName)}`,
      ][style]
      email = `${local}${n > 0 ? n + random.int(1, 89) : ''}@${random.weighted(['example.com', 'example.net', 'example.org'], [6, 2, 2])}`
    }
    usedEmails.add(email)
    const acquiredInSale = siteSaleOn(acquiredDay) !== undefined
    const segment = random.weighted<Segment>(['one-time', 'occasional', 'loyal'], [42, 45, 13])
    // Deal hunters arrive during sales; everyone else mostly does not care much.
    const sensitivity = acquiredInSale ? random.beta(2.6, 1.6) : random.beta(1.1, 2.4)
    const rate = segment === 'one-time' ? random.gamma(1.5, 0.5) : segment === 'occasional' ? random.gamma(3, 3.4) : random.gamma(4, 5.5)
    const dropout = segment === 'one-time' ? random.beta(6, 4) : segment === 'occasional' ? random.beta(1.2, 14) : random.beta(1, 40)
    const favourites = CATEGORIES.map(() => random.gamma(0.45))
    const sum = favourites.reduce((a, b) => a + b, 0)
    const place = random.weighted(places, placeWeights)
    const acceptsMarketing = random.chance(0.4 + 0.35 * sensitivity)
    return {
      index,
      id: String(6_512_300_000_000 + index * 32_768 + random.int(0, 32_000)),
      firstName,
      lastName,
      email,
      phone: random.chance(0.18) ? `+1${pad(random.int(201, 989), 3)}55501${pad(random.int(0, 99))}` : '',
      company: random.chance(0.03) ? `${lastName} ${random.pick(['Design', 'Studio', 'Interiors', '& Co.', 'Cafe'])}` : '',
      street: `${random.int(1, 2400)} ${random.pick(STREETS)}`,
      address2: random.chance(0.15) ? `Apt ${random.int(1, 40)}${random.pick(['', 'A', 'B'])}` : '',
      place,
      zip: place.zip(),
      acceptsMarketing,
      acceptsSms: acceptsMarketing && random.chance(0.12),
      acquiredDay,
      acquiredInSale,
      buyer: !random.chance(NON_BUYER_SHARE),
      segment,
      rate,
      dropout,
      sensitivity,
      basket: segment === 'loyal' ? 0.9 : 0.55,
      taste: favourites.map((f) => f / sum),
      orders: [],
      winbacksReceived: [],
      vipReceived: [],
    }
  })
}

// ---------- orders ----------

function categoryWeight(category: Category, day: number): number {
  return CATEGORY_SEASON[category][dateOf(day).getUTCMonth()]
}

function productWeight(variant: Variant, day: number): number {
  const month = dateOf(day).getUTCMonth()
  const holiday = variant.product.holiday ? (month >= 10 ? 3 : 0.08) : 1
  return (variant.product.popularity / variant.product.variants.length) * holiday
}

function pickLines(random: Random, catalogue: readonly Variant[], customer: Customer | null, day: number, discounted: boolean): Line[] {
  const sensitivity = customer?.sensitivity ?? 0.2
  const extra = random.poisson(customer?.basket ?? 0.4) + (discounted ? random.poisson(1.2 * sensitivity) : 0)
  const count = Math.min(6, 1 + extra)
  const lines: Line[] = []
  for (let i = 0; i < count * 3 && lines.length < count; i++) {
    const categoryWeights = CATEGORIES.map((category, c) => categoryWeight(category, day) * (0.25 / CATEGORIES.length + 0.75 * (customer ? customer.taste[c] : 1 / CATEGORIES.length)))
    const category = random.weighted(CATEGORIES, categoryWeights)
    const options = catalogue.filter((variant) => variant.product.category === category)
    const variant = random.weighted(options, options.map((v) => productWeight(v, day)))
    if (lines.some((line) => line.variant === variant)) continue
    const price = unitPrice(variant, day)
    const cheap = price < 1500
    const quantity = random.chance(cheap ? 0.3 : 0.08) ? (random.chance(0.25) ? 3 : 2) : 1
    lines.push({ variant, quantity, price })
  }
  return lines
}

const SHIPPING_BY_COUNTRY: Record<string, number> = { US: 595, CA: 995 }
const INTERNATIONAL_SHIPPING = 1495
const FREE_SHIPPING_FROM = 5000 // US orders of $50+ after discount ship free

function newOrder(random: Random, catalogue: readonly Variant[], customer: Customer | null, day: number, code: string, percent: number, place: Place): Order {
  const lines = pickLines(random, catalogue, customer, day, code !== '')
  const gross = lines.reduce((sum, line) => sum + line.price * line.quantity, 0)
  const net = gross - Math.round((gross * percent) / 100)
  const domestic = place.country === 'US'
  const express = domestic && random.chance(0.06)
  const shipping = express ? 1295 : domestic && net >= FREE_SHIPPING_FROM ? 0 : (SHIPPING_BY_COUNTRY[place.country] ?? INTERNATIONAL_SHIPPING)
  return {
    customer,
    day,
    second: secondOfDay(random),
    lines,
    code,
    percent,
    shipping,
    shippingMethod: express ? 'Express Shipping' : shipping === 0 ? 'Free Shipping' : domestic ? 'Standard Shipping' : 'International Shipping',
    place,
    street: customer?.street ?? '',
    zip: customer?.zip ?? '',
    billingName: customer ? `${customer.firstName} ${customer.lastName}` : '',
    status: 'paid',
    refunded: 0,
    cancelledSecond: null,
    cancelledDay: day,
    payment: random.chance(0.78) ? 'Shopify Payments' : 'PayPal Express Checkout',
    source: 'web',
    note: random.chance(0.02) ? random.pick(['Gift wrap please', 'Please leave at the back door', 'Happy birthday, Mum!', 'No invoice in the parcel please, it is a gift']) : '',
    name: '',
    id: '',
  }
}

/** Days since the last order dampen the urge to buy again (nobody reorders the next morning). */
function refractory(daysSince: number): number {
  return 1 - Math.exp(-daysSince / 12)
}

/** A code that applies to this customer on this day, best first. */
function offerFor(customer: Customer, day: number): { code: string; percent: number; siteWide: boolean } | null {
  const sale = siteSaleOn(day)
  const winback = customer.winbacksReceived.some((sent) => day >= sent && day < sent + WINBACK.validDays)
  const vip = customer.vipReceived.some((sent) => day >= sent && day < sent + VIP.validDays)
  const offers = [
    ...(sale ? [{ code: sale.code, percent: sale.percent, siteWide: true }] : []),
    ...(winback ? [{ code: WINBACK.code, percent: WINBACK.percent, siteWide: false }] : []),
    ...(vip ? [{ code: VIP.code, percent: VIP.percent, siteWide: false }] : []),
  ]
  return offers.sort((a, b) => b.percent - a.percent)[0] ?? null
}

/** Runs one customer's life day by day: arrivals, repeat purchases, campaigns, dropout. */
function simulateCustomer(random: Random, catalogue: readonly Variant[], customer: Customer): void {
  if (!customer.buyer) return
  const s = customer.sensitivity
  let alive = true
  let last = customer.acquiredDay

  const place = (): Order => {
    const day = last
    const offer = offerFor(customer, day)
    const first = customer.orders.length === 0
    let code = ''
    let percent = 0
    if (offer && random.chance(offer.siteWide ? 0.78 + 0.22 * s : 0.92)) ({ code, percent } = offer)
    else if (first && customer.acceptsMarketing && random.chance(0.45 + 0.45 * s)) ({ code, percent } = WELCOME)
    const order = newOrder(random, catalogue, customer, day, code, percent, customer.place)
    customer.orders.push(order)
    return order
  }

  place()
  if (random.chance(customer.dropout)) alive = false

  for (let day = customer.acquiredDay + 1; day < DAYS; day++) {
    // Campaigns are decided from what the shop can see: opt-in and order history.
    if (customer.acceptsMarketing && WINBACK_DAYS.includes(day)) {
      const lapsed = day - last
      const recentlySent = customer.winbacksReceived.some((sent) => day - sent < 180)
      if (lapsed >= WINBACK.lapsedFrom && lapsed <= WINBACK.lapsedTo && !recentlySent) {
        customer.winbacksReceived.push(day)
        // A code can wake up a customer who had gone quiet, if codes move them.
        if (!alive && random.chance(0.35 * s * s)) alive = true
      }
    }
    if (customer.acceptsMarketing && VIP.days.includes(day) && customer.orders.length >= VIP.minOrders) customer.vipReceived.push(day)
    if (!alive) continue

    const offer = offerFor(customer, day)
    // Sensitive customers hold back at full price and pounce when a code applies.
    const response = offer ? (1 + 7 * s * s + 1.5 * s) * (offer.siteWide ? 1.15 : 1) : 1 - 0.45 * s
    const hazard = (customer.rate / 365) * seasonFactor(day) * weekdayFactor(day) * refractory(day - last) * response
    if (random.chance(Math.min(0.9, hazard))) {
      last = day
      place()
      if (random.chance(customer.dropout)) alive = false
    }
  }
}

function posOrders(random: Random, catalogue: readonly Variant[], places: readonly Place[]): Order[] {
  const stall = places.find((p) => p.city === 'Brooklyn') ?? places[0]
  // The market stall runs on spring and autumn Saturdays.
  const saturdays = Array.from({ length: DAYS }, (_v, d) => d).filter((d) => dateOf(d).getUTCDay() === 6 && [3, 4, 8, 9].includes(dateOf(d).getUTCMonth()))
  return Array.from({ length: POS_ORDER_COUNT }, () => {
    const day = random.pick(saturdays)
    const order = newOrder(random, catalogue, null, day, '', 0, stall)
    order.second = random.int(10, 16) * 3600 + random.int(0, 3599)
    order.shipping = 0
    order.shippingMethod = ''
    order.source = 'pos'
    order.payment = random.chance(0.6) ? 'Shopify Payments' : 'Cash'
    order.billingName = random.chance(0.5) ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : ''
    order.note = ''
    return order
  })
}

/** Returns (~5%, more for fragile and textile goods and for bargain hunters) and a few cancellations. */
function settle(random: Random, orders: readonly Order[]): void {
  const lastDay = DAYS - 1
  for (const order of orders) {
    if (order.source === 'pos') continue
    if (order.day >= lastDay - 1) {
      order.status = 'pending'
      continue
    }
    if (random.chance(0.007)) {
      // Voided when only authorised; refunded in full when the payment had been captured.
      order.status = random.chance(0.5) ? 'voided' : 'refunded'
      if (order.status === 'refunded') order.refunded = orderTotals(order).total
      const later = order.second + random.int(1800, 20 * 3600)
      order.cancelledDay = order.day + Math.floor(later / 86_400)
      order.cancelledSecond = later % 86_400
      continue
    }
    const risky = order.lines.some((line) => ['Drinkware', 'Kitchen Textiles', 'Home Decor'].includes(line.variant.product.category))
    const pReturn = 0.03 + (risky ? 0.02 : 0) + 0.03 * (order.customer?.sensitivity ?? 0) + (order.code !== '' ? 0.01 : 0)
    if (!random.chance(pReturn)) continue
    const totals = orderTotals(order)
    if (order.lines.length === 1 || random.chance(0.35)) {
      order.status = 'refunded'
      order.refunded = totals.total
    } else {
      const line = random.pick(order.lines)
      const share = (line.price * line.quantity * (100 - order.percent)) / 100
      order.status = 'partially_refunded'
      order.refunded = Math.round(share * (1 + order.place.tax))
    }
  }
}

interface Totals {
  gross: number
  discount: number
  subtotal: number
  taxes: number
  total: number
}

function orderTotals(order: Order): Totals {
  const gross = order.lines.reduce((sum, line) => sum + line.price * line.quantity, 0)
  const discount = Math.round((gross * order.percent) / 100)
  const subtotal = gross - discount
  const taxes = Math.round(subtotal * order.place.tax)
  return { gross, discount, subtotal, taxes, total: subtotal + order.shipping + taxes }
}

// ---------- writing ----------

const money = (cents: number): string => (cents / 100).toFixed(2)

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function csvLine(header: readonly string[], row: Record<string, string>): string {
  return header.map((name) => csvCell(row[name] ?? '')).join(',')
}

function ordersCsv(orders: readonly Order[]): string {
  const lines = [SHOPIFY_ORDERS_HEADER.map(csvCell).join(',')]
  for (const order of orders) {
    const t = orderTotals(order)
    const created = timestamp(order.day, order.second)
    const c = order.customer
    const fulfilled = order.status !== 'pending' && order.status !== 'voided' && order.cancelledSecond === null
    const paid = order.status !== 'pending' && order.status !== 'voided'
    const shipTo = order.source !== 'pos'
    order.lines.forEach((line, index) => {
      // Continuation rows repeat only the order name, email, date and the line.
      const row: Record<string, string> = {
        Name: order.name,
        Email: c?.email ?? '',
        'Created at': created,
        'Lineitem quantity': String(line.quantity),
        'Lineitem name': line.variant.lineName,
        'Lineitem price': money(line.price),
        'Lineitem sku': line.variant.sku,
        'Lineitem requires shipping': 'true',
        'Lineitem taxable': 'true',
        'Lineitem fulfillment status': fulfilled ? 'fulfilled' : 'pending',
        Vendor: line.variant.product.vendor,
        'Lineitem discount': '0.00',
      }
      if (index === 0) {
        Object.assign(row, {
          'Financial Status': order.status,
          'Paid at': paid ? timestamp(order.day, Math.min(86_399, order.second + 4)) : '',
          'Fulfillment Status': fulfilled ? 'fulfilled' : 'unfulfilled',
          'Fulfilled at': fulfilled ? timestamp(Math.min(DAYS - 1, order.day + (order.source === 'pos' ? 0 : 1)), order.source === 'pos' ? Math.min(86_399, order.second + 60) : 50_400 + (order.second % 7200)) : '',
          'Accepts Marketing': c?.acceptsMarketing ? 'yes' : 'no',
          Currency: 'USD',
          Subtotal: money(t.subtotal),
          Shipping: money(order.shipping),
          Taxes: money(t.taxes),
          Total: money(t.total),
          'Discount Code': order.code,
          'Discount Amount': money(t.discount),
          'Shipping Method': order.shippingMethod,
          'Billing Name': order.billingName,
          'Billing Street': shipTo ? [order.street, c?.address2 ?? ''].filter(Boolean).join(', ') : '',
          'Billing Address1': shipTo ? order.street : '',
          'Billing Address2': shipTo ? (c?.address2 ?? '') : '',
          'Billing Company': shipTo ? (c?.company ?? '') : '',
          'Billing City': shipTo ? order.place.city : '',
          'Billing Zip': shipTo ? order.zip : '',
          'Billing Province': shipTo ? order.place.province : '',
          'Billing Country': shipTo ? order.place.country : '',
          'Billing Phone': shipTo ? (c?.phone ?? '') : '',
          'Shipping Name': shipTo ? order.billingName : '',
          'Shipping Street': shipTo ? [order.street, c?.address2 ?? ''].filter(Boolean).join(', ') : '',
          'Shipping Address1': shipTo ? order.street : '',
          'Shipping Address2': shipTo ? (c?.address2 ?? '') : '',
          'Shipping Company': shipTo ? (c?.company ?? '') : '',
          'Shipping City': shipTo ? order.place.city : '',
          'Shipping Zip': shipTo ? order.zip : '',
          'Shipping Province': shipTo ? order.place.province : '',
          'Shipping Country': shipTo ? order.place.country : '',
          'Shipping Phone': shipTo ? (c?.phone ?? '') : '',
          Notes: order.note,
          'Cancelled at': order.cancelledSecond === null ? '' : timestamp(order.cancelledDay, order.cancelledSecond),
          'Payment Method': order.payment,
          'Payment Reference': `c${order.id.slice(-11)}.1`,
          'Refunded Amount': money(order.refunded),
          'Outstanding Balance': '0.00',
          Location: order.source === 'pos' ? 'Juniper Lane Market Stall' : '',
          Id: order.id,
          'Risk Level': 'Low',
          Source: order.source,
          'Tax 1 Name': t.taxes > 0 ? order.place.taxName : '',
          'Tax 1 Value': t.taxes > 0 ? money(t.taxes) : '',
          Phone: c?.phone ?? '',
          'Billing Province Name': shipTo ? order.place.provinceName : '',
          'Shipping Province Name': shipTo ? order.place.provinceName : '',
          'Payment ID': `c${order.id.slice(-11)}.1`,
          'Payment References': `c${order.id.slice(-11)}.1`,
        })
      }
      lines.push(csvLine(SHOPIFY_ORDERS_HEADER, row))
    })
  }
  return lines.join('\n') + '\n'
}

function productsCsv(catalogue: readonly Variant[]): string {
  const lines = [SHOPIFY_PRODUCTS_2024_HEADER.map(csvCell).join(',')]
  for (const product of PRODUCTS) {
    const variants = catalogue.filter((v) => v.product === product)
    variants.forEach((variant, index) => {
      const first = index === 0
      lines.push(
        csvLine(SHOPIFY_PRODUCTS_2024_HEADER, {
          Handle: variant.handle,
          Title: first ? product.title : '',
          'Body (HTML)': first ? `<p>${product.title}. ${product.vendor === OWN ? 'Made in our Brooklyn studio in small batches.' : `From our friends at ${product.vendor}.`}</p>` : '',
          Vendor: first ? product.vendor : '',
          'Product Category': first ? TAXONOMY[product.category] : '',
          Type: first ? product.category : '',
          Tags: first ? product.tags : '',
          Published: first ? 'true' : '',
          'Option1 Name': first ? (product.option ?? 'Title') : '',
          'Option1 Value': variant.optionValue,
          'Variant SKU': variant.sku,
          'Variant Grams': String(variant.grams),
          'Variant Inventory Tracker': 'shopify',
          'Variant Inventory Policy': 'deny',
          'Variant Fulfillment Service': 'manual',
          'Variant Price': money(variant.priceAfter),
          'Variant Requires Shipping': 'true',
          'Variant Taxable': 'true',
          'Image Src': first ? `https://cdn.example.com/juniper-lane/${variant.handle}.jpg` : '',
          'Image Position': first ? '1' : '',
          'Image Alt Text': first ? product.title : '',
          'Gift Card': first ? 'false' : '',
          'SEO Title': first ? `${product.title} | Juniper Lane` : '',
          'Variant Weight Unit': 'g',
          'Cost per item': money(variant.cost),
          Status: first ? 'active' : '',
        }),
      )
    })
  }
  return lines.join('\n') + '\n'
}

function customersCsv(customers: readonly Customer[]): string {
  const lines = [SHOPIFY_CUSTOMERS_HEADER.map(csvCell).join(',')]
  const spent = (c: Customer): number => c.orders.filter((o) => o.cancelledSecond === null).reduce((sum, o) => sum + orderTotals(o).total - o.refunded, 0)
  const spends = customers.map(spent).sort((a, b) => b - a)
  const vipFloor = spends[Math.floor(customers.length * 0.05)]
  for (const c of customers) {
    const total = spent(c)
    const counted = c.orders.filter((o) => o.cancelledSecond === null).length
    const tags = [c.acceptsMarketing ? 'newsletter' : '', total >= vipFloor && total > 0 ? 'vip' : '', c.company !== '' ? 'trade' : ''].filter(Boolean).join(', ')
    lines.push(
      csvLine(SHOPIFY_CUSTOMERS_HEADER, {
        'Customer ID': `'${c.id}`,
        'First Name': c.firstName,
        'Last Name': c.lastName,
        Email: c.email,
        'Accepts Email Marketing': c.acceptsMarketing ? 'yes' : 'no',
        'Default Address Company': c.company,
        'Default Address Address1': c.street,
        'Default Address Address2': c.address2,
        'Default Address City': c.place.city,
        'Default Address Province Code': c.place.province,
        'Default Address Country Code': c.place.country,
        'Default Address Zip': `'${c.zip}`,
        'Default Address Phone': c.phone === '' ? '' : `'${c.phone}`,
        Phone: c.phone === '' ? '' : `'${c.phone}`,
        'Accepts SMS Marketing': c.acceptsSms ? 'yes' : 'no',
        'Total Spent': money(total),
        'Total Orders': String(counted),
        Note: '',
        'Tax Exempt': 'no',
        Tags: tags,
      }),
    )
  }
  return lines.join('\n') + '\n'
}

/** Ground truth for evaluating models; not part of the shop files. */
function truthCsv(customers: readonly Customer[]): string {
  const header = ['customer_id', 'email', 'segment', 'orders_per_year', 'dropout', 'discount_sensitivity', 'acquired_on', 'acquired_in_sale', 'buyer', ...CATEGORIES.map((c) => `taste_${slug(c)}`), 'winback_sent', 'vip_sent']
  const rows = customers.map((c) => [
    c.id, c.email, c.segment, c.rate.toFixed(4), c.dropout.toFixed(4), c.sensitivity.toFixed(4), isoDate(c.acquiredDay), String(c.acquiredInSale), String(c.buyer),
    ...c.taste.map((t) => t.toFixed(4)), c.winbacksReceived.map(isoDate).join(' '), c.vipReceived.map(isoDate).join(' '),
  ])
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\n') + '\n'
}

// ---------- assembly ----------

export interface SampleShop {
  orders: string
  products: string
  customers: string
  truth: string
  stats: SampleShopStats
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
}

export function buildSampleShop(seed: number = DEFAULT_SEED): SampleShop {
  const random = new Random(seed)
  const catalogue = buildCatalogue(random)
  const places = buildPlaces(random)
  const customers = makeCustomers(random, places)
  for (const customer of customers) simulateCustomer(random, catalogue, customer)
  const orders = [...customers.flatMap((c) => c.orders), ...posOrders(random, catalogue, places)].filter((o) => o.lines.length > 0)
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
  for (const order of orders) if (order.code !== '') codes[order.code] = (codes[order.code] ?? 0) + 1
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
  }
  return { orders: ordersCsv(orders), products: productsCsv(catalogue), customers: customersCsv(customers), truth: truthCsv(customers), stats }
}

export interface WrittenShop {
  files: string[]
  /** sha256 of the three files' uncompressed text, for determinism checks. */
  hash: string
}

/** Writes products.csv, customers.csv and orders.csv (or orders.csv.gz when large) into `outDir`. */
export function writeSampleShop(shop: SampleShop, outDir: string, truthPath?: string): WrittenShop {
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
  if (truthPath) writeFileSync(truthPath, shop.truth)
  const hash = createHash('sha256').update(shop.products).update(shop.customers).update(shop.orders).digest('hex')
  return { files, hash }
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}

function main(): void {
  const seed = Number(argument('seed') ?? DEFAULT_SEED)
  const outDir = resolve(argument('out') ?? join(process.cwd(), 'resources/sample-shop'))
  const truth = argument('truth')
  const shop = buildSampleShop(seed)
  const written = writeSampleShop(shop, outDir, truth ? resolve(truth) : undefined)
  console.log(JSON.stringify(shop.stats, null, 2))
  console.log(`wrote ${written.files.join(', ')}${truth ? ` and ${truth}` : ''}`)
  console.log(`sha256 ${written.hash}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
