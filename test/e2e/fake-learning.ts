/**
 * The Learn half of the fake engine: a training job that walks through the
 * real job steps, a model report with figures of the size a small shop gets,
 * and a few hundred made-up customers (Juniper Lane style: candles, tea,
 * linen...) to list, search and open. Deterministic: the same seed always
 * gives the same shop.
 */
import { randomUUID } from 'node:crypto'
import type {
  BackendInfo,
  CustomerDetail,
  CustomerScore,
  CustomerSort,
  EngineEvents,
  GainsPoint,
  JobStep,
  ModelReport,
  ReliabilityBin,
} from '../../src-main/engine/api'

type Emit = <E extends keyof EngineEvents>(event: E, payload: EngineEvents[E]) => void

const FIRST_NAMES = ['Ava', 'Liam', 'Mia', 'Noah', 'Sofia', 'Ethan', 'Chloe', 'Lucas', 'Grace', 'Mateo', 'Hannah', 'Owen', 'Zoe', 'Leo', 'Isla', 'Wei', 'Priya', 'Diego', 'Amara', 'Jonas']
const LAST_NAMES = ['Anderson', 'Nguyen', 'Patel', 'Garcia', 'Khan', 'Zhang', 'Okafor', 'Rossi', 'Kim', 'Martin', 'Silva', 'Cohen', 'Larsen', 'Moreau', 'Tanaka', 'Murphy']
const DOMAINS = ['example.com', 'example.net', 'example.org']
const CATEGORIES: Record<string, string[]> = {
  Candles: ['Fig & Cedar Candle', 'Sea Salt Candle', 'Lavender Field Candle', 'Amber & Smoke Candle'],
  Tea: ['Masala Chai - 100 g', 'Aged Pu-erh', 'Chamomile Blossom', 'Advent Tea Calendar'],
  Mugs: ['Speckled Stoneware Mug', 'Ceramic Bud Vase', 'Glazed Espresso Cup'],
  Linen: ['Merino Throw - Rust', 'Cotton Table Runner', 'Linen Napkins - Set of 4'],
  Stationery: ['Botanical Greeting Card', 'Brass Bookmark', 'Pressed Flower Notebook'],
  Bath: ['Lavender Bath Salts', 'Bamboo Bath Tray', 'Oat Milk Soap'],
  Decor: ['Brass Candle Holder', 'Dried Flower Bouquet', 'Bergamot Reed Diffuser'],
  'Gift boxes': ['Cozy Night In Box', 'Tea Lover Box'],
}
const CATEGORY_NAMES = Object.keys(CATEGORIES)
const PRODUCTS = CATEGORY_NAMES.flatMap((category) => (CATEGORIES[category] ?? []).map((name) => ({ category, name })))
const CODES = ['WELCOME10', 'VIP15', 'BF2024', 'SPRING15', 'SUMMER20']
const DAY = 86_400_000
const FIRST_DAY = Date.UTC(2023, 0, 1)
const LAST_DAY = Date.UTC(2024, 11, 31)
const BACKEND: BackendInfo = { name: 'wasm', reason: 'tfjs-node is not installed; using WebAssembly.' }

/** mulberry32: small, fast, good enough for made-up shops. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
const round = (value: number, digits = 2): number => Number(value.toFixed(digits))
const pick = <T>(list: readonly T[], r: number): T => list[Math.min(list.length - 1, Math.floor(r * list.length))] as T

interface FakeCustomer {
  score: CustomerScore
  detail: Omit<CustomerDetail, keyof CustomerScore>
}

function makeCustomers(count: number, horizonDays: number): FakeCustomer[] {
  const rand = random(20240101)
  const customers: FakeCustomer[] = []
  for (let index = 0; index < count; index += 1) {
    const first = pick(FIRST_NAMES, rand())
    const last = pick(LAST_NAMES, rand())
    const anonymous = index % 47 === 13
    const nameless = index % 31 === 7
    const loyal = rand()
    const orderCount = Math.max(1, Math.round(1 + loyal ** 2.2 * 30 + rand() * 2))
    const lovesDeals = rand()
    const favourites = [pick(CATEGORY_NAMES, rand()), pick(CATEGORY_NAMES, rand()), pick(CATEGORY_NAMES, rand())]
    const start = FIRST_DAY + rand() * (LAST_DAY - FIRST_DAY) * 0.7
    const history: CustomerDetail['history'] = []
    for (let order = 0; order < orderCount; order += 1) {
      const when = start + ((LAST_DAY - start) * (order + rand() * 0.8)) / orderCount
      const coded = rand() < 0.08 + lovesDeals * 0.55
      const total = round(18 + rand() * 70 + (rand() < 0.1 ? 120 : 0))
      history.push({
        orderedAt: `${isoDay(when)} ${String(9 + Math.floor(rand() * 12)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00`,
        total,
        discountCode: coded ? pick(CODES, rand()) : null,
        isReturn: false,
        items: 1 + Math.floor(rand() * 3),
      })
      if (rand() < 0.04) {
        history.push({ orderedAt: `${isoDay(when + 9 * DAY)} 12:00:00`, total: round(total * 0.6), discountCode: null, isReturn: true, items: 1 })
      }
    }
    history.sort((a, b) => a.orderedAt.localeCompare(b.orderedAt))
    const sales = history.filter((order) => !order.isReturn)
    const lastOrderAt = sales[sales.length - 1]?.orderedAt ?? null
    const daysSince = lastOrderAt ? (LAST_DAY - Date.parse(lastOrderAt.slice(0, 10))) / DAY : 365
    const pBuy = Math.min(0.97, Math.max(0.01, (0.12 + loyal * 0.75) * Math.exp(-daysSince / (horizonDays * 3)) * (0.7 + rand() * 0.3)))
    const spend = round(sales.reduce((sum, order) => sum + order.total, 0))
    const average = sales.length > 0 ? spend / sales.length : 0
    const share = sales.length > 0 ? sales.filter((order) => order.discountCode).length / sales.length : 0
    const sensitivity = round(Math.min(1, Math.max(0, lovesDeals * 0.8 + share * 0.3)), 3)
    const categories = [...new Set(favourites)].map((name, rank) => ({ name, score: round(0.55 / (rank + 1) + rand() * 0.1, 3) }))
    const products = [...CATEGORIES[favourites[0] ?? 'Tea'] ?? [], ...CATEGORIES[favourites[1] ?? 'Candles'] ?? []]
      .slice(0, 6)
      .map((name, rank) => ({
        productId: PRODUCTS.findIndex((product) => product.name === name) + 1,
        name,
        score: round(0.4 / (rank + 1), 3),
        boughtBefore: rank % 3 !== 2,
      }))
    const expectedOrders = round(pBuy * (1 + loyal * 2), 2)
    const email = anonymous ? null : `${first[0]?.toLowerCase()}${last.toLowerCase()}${index}@${pick(DOMAINS, rand())}`
    customers.push({
      score: {
        customerId: index + 1,
        shopId: String(14000 + index * 7),
        name: anonymous || nameless ? null : `${first} ${last}`,
        email,
        orders: sales.length,
        spend,
        lastOrderAt,
        pBuy: round(pBuy, 4),
        expectedOrders,
        expectedSpend: round(expectedOrders * average),
        discountSensitivity: sensitivity,
        topCategory: categories[0]?.name ?? null,
        topCategoryDerived: false,
      },
      detail: {
        history,
        nextOrder: { probability: round(pBuy, 4), expectedDays: loyal < 0.05 ? null : round(12 + (1 - loyal) * horizonDays, 1), likelyCategory: categories[0]?.name ?? null, likelyCategoryDerived: false },
        topCategories: categories.map((category) => ({ ...category, derived: false })),
        topProducts: products,
        discount: {
          share: round(share, 3),
          depth: share > 0 ? round(0.1 + lovesDeals * 0.1, 3) : 0,
          saleSpendShare: round(Math.min(1, share * 0.8 + lovesDeals * 0.15), 3),
          sensitivity,
          shopShare: 0.18,
          shopSaleSpendShare: 0.22,
        },
      },
    })
  }
  return customers
}

function gains(strength: number): GainsPoint[] {
  return Array.from({ length: 20 }, (_, index) => {
    const share = (index + 1) / 20
    return { share, captured: round(1 - (1 - share) ** strength, 4) }
  })
}

function reliability(bias: number): ReliabilityBin[] {
  const counts = [412, 238, 171, 122, 96, 81, 64, 49, 38, 21]
  return counts.map((count, index) => {
    const meanPredicted = (index + 0.5) / 10
    return { meanPredicted: round(meanPredicted, 3), observedRate: round(Math.min(1, Math.max(0, meanPredicted + bias * (meanPredicted - 0.35))), 3), count }
  })
}

function makeReport(runId: number, horizonDays: number, fallback: boolean): ModelReport {
  const scoring = LAST_DAY + DAY
  const lift = Math.min(1, horizonDays / 90)
  const purchase: ModelReport['purchase'] = [
    ...(fallback ? [] : [{ name: 'purchase-mlp', kind: 'model' as const, auc: round(0.764 + 0.03 * lift, 3), logLoss: 0.512, ece: 0.019 }]),
    { name: 'rfm-logistic', kind: 'baseline', auc: round(0.751 + 0.02 * lift, 3), logLoss: 0.536, ece: 0.027 },
    { name: 'recency', kind: 'baseline', auc: 0.728, logLoss: 0.561, ece: 0.034 },
    { name: 'frequency', kind: 'baseline', auc: 0.703, logLoss: 0.58, ece: 0.046 },
  ]
  const chosenPurchase = fallback ? 'rfm-logistic' : 'purchase-mlp'
  return {
    runId,
    createdAt: new Date().toISOString(),
    evaluationCutoff: isoDay(scoring - horizonDays * DAY),
    scoringCutoff: isoDay(scoring),
    horizonDays,
    backend: BACKEND,
    customers: fallback ? 38 : 1_288,
    buyers: fallback ? 9 : Math.round(1_288 * (0.18 + 0.2 * lift)),
    purchase,
    affinity: [
      ...(fallback
        ? []
        : [
            { name: 'two-tower+repeats', kind: 'model' as const, recallAt10: 0.284, ndcgAt10: 0.231, hitAt10: 0.522, newRecallAt10: 0.097 },
            { name: 'two-tower', kind: 'model' as const, recallAt10: 0.211, ndcgAt10: 0.162, hitAt10: 0.409, newRecallAt10: 0.103 },
          ]),
      { name: 'item-cosine', kind: 'baseline', recallAt10: 0.247, ndcgAt10: 0.204, hitAt10: 0.468, newRecallAt10: 0.081 },
      { name: 'own-repeats', kind: 'baseline', recallAt10: 0.229, ndcgAt10: 0.218, hitAt10: 0.441, newRecallAt10: 0 },
      { name: 'popularity', kind: 'baseline', recallAt10: 0.152, ndcgAt10: 0.117, hitAt10: 0.331, newRecallAt10: 0.064 },
    ],
    sequence: fallback
      ? []
      : [
          { name: 'sequence-gru', kind: 'model', nextCategoryAccuracy: 0.414, daysToNextMae: 23.6 },
          { name: 'history-average', kind: 'baseline', nextCategoryAccuracy: 0.352, daysToNextMae: 31.2 },
        ],
    chosen: {
      purchase: chosenPurchase,
      affinity: fallback ? 'item-cosine' : 'two-tower+repeats',
      nextCategory: fallback ? 'history-average' : 'sequence-gru',
      daysToNext: fallback ? 'history-average' : 'sequence-gru',
    },
    reliability: [
      { name: chosenPurchase, bins: reliability(fallback ? 0.2 : 0.06) },
      ...(fallback ? [] : [{ name: 'rfm-logistic', bins: reliability(-0.12) }]),
    ],
    gains: [
      ...(fallback ? [] : [{ name: 'purchase-mlp', points: gains(3.1) }]),
      { name: 'rfm-logistic', points: gains(2.8) },
      { name: 'recency', points: gains(2.4) },
    ],
    trainingSeconds: fallback ? { baselines: 0.8 } : { features: 1.9, baselines: 1.1, purchase: 14.2, sequence: 21.7, affinity: 9.4, evaluating: 3.1 },
    wallSeconds: fallback ? 4 : 96,
    fallback: fallback ? { reason: 'Only 9 customers ordered in the test period; at least 50 are needed.', customers: 38, buyers: 9 } : null,
  }
}

/** The training plan: each step with its unit and length, walked one tick at a time. */
const PLAN: { step: JobStep; unit: 'steps' | 'epochs'; total: number }[] = [
  { step: 'features', unit: 'steps', total: 3 },
  { step: 'baselines', unit: 'steps', total: 3 },
  { step: 'training-purchase', unit: 'epochs', total: 12 },
  { step: 'training-sequence', unit: 'epochs', total: 8 },
  { step: 'training-affinity', unit: 'epochs', total: 6 },
  { step: 'evaluating', unit: 'steps', total: 4 },
  { step: 'scoring', unit: 'steps', total: 2 },
]

export interface FakeLearning {
  backend(): BackendInfo | null
  train(horizonDays: number, hasData: boolean): { jobId: string }
  /** True when the job was a training job (and is now being cancelled). */
  cancel(jobId: string): boolean
  report(): ModelReport | null
  list(args: { search: string; sort: CustomerSort; offset: number; limit: number }): { total: number; rows: CustomerScore[] }
  detail(customerId: number): CustomerDetail
}

export function createFakeLearning(emit: Emit, fail: (code: string, message: string) => never): FakeLearning {
  let report: ModelReport | null = null
  let customers: FakeCustomer[] = []
  let started = false
  const running = new Set<string>()
  const cancelled = new Set<string>()
  // OFFERWISE_FAKE_SMALL_SHOP=1 shows the "too small for a learned model" report.
  const small = process.env.OFFERWISE_FAKE_SMALL_SHOP === '1'

  return {
    backend: () => (started ? BACKEND : null),
    train(horizonDays, hasData) {
      if (!hasData) fail('learn.no-data', 'There are no orders to learn from yet.')
      started = true
      const jobId = randomUUID()
      running.add(jobId)
      const ticks = PLAN.reduce((sum, part) => sum + part.total, 0)
      let tick = 0
      let part = 0
      let done = 0
      const timer = setInterval(() => {
        if (cancelled.has(jobId)) {
          clearInterval(timer)
          running.delete(jobId)
          emit('job/finished', { jobId, kind: 'train', outcome: { status: 'cancelled', batchIds: [] } })
          return
        }
        const current = PLAN[part]
        if (!current) {
          clearInterval(timer)
          running.delete(jobId)
          report = makeReport((report?.runId ?? 0) + 1, horizonDays, small)
          customers = makeCustomers(small ? 38 : 640, horizonDays)
          emit('job/finished', { jobId, kind: 'train', outcome: { status: 'trained', runId: report.runId } })
          return
        }
        done += 1
        tick += 1
        emit('job/progress', {
          jobId,
          kind: 'train',
          step: current.step,
          done,
          total: current.total,
          unit: current.unit,
          rowsPerSecond: 0,
          etaSeconds: Math.max(1, Math.round((ticks - tick) * 0.15)),
          rows: 0,
          ...(current.unit === 'epochs' ? { loss: round(0.69 * Math.exp(-done / 5) + 0.28, 4) } : {}),
        })
        if (done >= current.total) {
          part += 1
          done = 0
        }
      }, 150)
      return { jobId }
    },
    cancel(jobId) {
      if (!running.has(jobId)) return false
      cancelled.add(jobId)
      return true
    },
    report: () => report,
    list({ search, sort, offset, limit }) {
      if (!report) return { total: 0, rows: [] }
      const needle = search.trim().toLowerCase()
      const matches = customers
        .map((customer) => customer.score)
        .filter((score) => needle === '' || [score.name, score.email].some((text) => text?.toLowerCase().includes(needle)))
      const key: Record<CustomerSort, (score: CustomerScore) => number> = {
        'p-buy': (score) => score.pBuy,
        spend: (score) => score.spend,
        recent: (score) => (score.lastOrderAt ? Date.parse(score.lastOrderAt.slice(0, 10)) : 0),
        'discount-sensitivity': (score) => score.discountSensitivity,
      }
      const sorted = matches.toSorted((a, b) => key[sort](b) - key[sort](a) || a.customerId - b.customerId)
      return { total: sorted.length, rows: sorted.slice(offset, offset + limit) }
    },
    detail(customerId) {
      if (!report) fail('learn.no-model', 'Train a model first: there are no customer scores yet.')
      const customer = customers.find((candidate) => candidate.score.customerId === customerId)
      if (!customer) fail('learn.customer-not-scored', `Customer ${customerId} has no scores in the latest run.`)
      return { ...customer.score, ...customer.detail }
    },
  }
}
