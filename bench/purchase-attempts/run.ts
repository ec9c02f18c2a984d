/**
 * The purchase-model attempts of docs/learning.md ("Purchase model: what was tried"), on one store:
 * the baselines and every MLP variant fitted on windows before the evaluation cutoff and judged on
 * [cutoff, cutoff + H) only, all in the same run.
 *
 *   npx tsx bench/purchase-attempts/run.ts DB CUTOFF HORIZON_DAYS
 *   env: SEEDS=a,b,c (MLP seeds, mean reported), ONLY=substr,... (variants), STEP=days between
 *        stacked cutoffs (default H), MAXSTACK=cutoffs in a stack (default: all with H days of history)
 *
 * Variants that were dropped (rhythm features, season-of-window features, prior-shift corrections)
 * live here, not in the engine. Read-only on the store.
 */
import Database from 'better-sqlite3'
import { buildFeatures } from '../../src-main/engine/features/build-features'
import { buildLabels } from '../../src-main/engine/features/labels'
import { addDays, dayNumber } from '../../src-main/engine/features/calendar'
import { loadSaleOrders } from '../../src-main/engine/features/sale-orders'
import { rhythmFeatures } from './rhythm'
import type { FeatureSet, PurchaseLabels } from '../../src-main/engine/features/types'
import { evaluatePurchaseScores } from '../../src-main/engine/evaluation/protocol'
import { RFM_BASELINE } from '../../src-main/engine/evaluation/baselines/purchase-baselines'
import { BG_NBD_BASELINE } from '../../src-main/engine/clv/bg-nbd-baseline'
import { initBackend, trainPurchase, predictPurchase } from '../../src-main/engine/ml'
import { seasonalShift, applySeasonalShift } from './seasonal-shift'
import { brierScore } from '../../src-main/engine/ml/metrics'

const dbPath = process.argv[2] ?? '/tmp/pm/or.sqlite'
const evalCutoff = process.argv[3] ?? '2011-09-10'
const H = Number(process.argv[4] ?? 90)
const seeds = (process.env.SEEDS ?? '20240101,7,11').split(',').map(Number)
const only = process.env.ONLY?.split(',')
const db = new Database(dbPath, { readonly: true })

function withRhythm(f: FeatureSet): FeatureSet {
  const orders = loadSaleOrders(db, f.cutoff)
  const cutoffDay = dayNumber(f.cutoff)
  const extra = ['gap_median', 'recency_median_ratio', 'recency_gap_z', 'gap_elapsed_share', 'overdue']
  const w = f.names.length, w2 = w + extra.length
  const values = new Float32Array(f.customerIds.length * w2)
  for (let r = 0; r < f.customerIds.length; r++) {
    if (orders.customerIds[r] !== f.customerIds[r]) throw new Error('rows')
    const visits: number[] = []
    for (let i = orders.start[r]; i < orders.start[r + 1]; i++) if (visits[visits.length - 1] !== orders.day[i]) visits.push(orders.day[i])
    const recency = cutoffDay - orders.day[orders.start[r + 1] - 1]
    const tenure = cutoffDay - orders.day[orders.start[r]]
    const rh = rhythmFeatures(visits, recency, tenure)
    values.set(f.values.subarray(r * w, (r + 1) * w), r * w2)
    values.set([rh.gapMedian, rh.recencyMedianRatio, rh.recencyGapZ, rh.gapElapsedShare, rh.overdue], r * w2 + w)
  }
  return { ...f, names: [...f.names, ...extra], values }
}
function drop(f: FeatureSet, names: string[]): FeatureSet {
  const keep = f.names.map((n, i) => [n, i] as const).filter(([n]) => !names.includes(n))
  const w = f.names.length
  const values = new Float32Array(f.customerIds.length * keep.length)
  for (let r = 0; r < f.customerIds.length; r++) keep.forEach(([, c], j) => (values[r * keep.length + j] = f.values[r * w + c]))
  return { ...f, names: keep.map(([n]) => n), values }
}
function addSeason(f: FeatureSet): FeatureSet {
  // month-of-year of the label window's middle, cyclic
  const mid = new Date(dayNumber(f.cutoff) * 86400000 + (H / 2) * 86400000)
  const a = (2 * Math.PI * (mid.getUTCMonth() + mid.getUTCDate() / 31)) / 12
  const w = f.names.length, w2 = w + 2
  const values = new Float32Array(f.customerIds.length * w2)
  for (let r = 0; r < f.customerIds.length; r++) { values.set(f.values.subarray(r * w, (r + 1) * w), r * w2); values[r * w2 + w] = Math.sin(a); values[r * w2 + w + 1] = Math.cos(a) }
  return { ...f, names: [...f.names, 'window_month_sin', 'window_month_cos'], values }
}
function stack(parts: { f: FeatureSet; l: PurchaseLabels }[]): { f: FeatureSet; l: PurchaseLabels } {
  const w = parts[0].f.names.length
  const n = parts.reduce((s, p) => s + p.f.customerIds.length, 0)
  const values = new Float32Array(n * w), ids = new Int32Array(n), bought = new Uint8Array(n), orders = new Float32Array(n), spend = new Float32Array(n)
  let at = 0
  for (const p of parts) { values.set(p.f.values, at * w); ids.set(p.f.customerIds, at); bought.set(p.l.bought, at); orders.set(p.l.orders, at); spend.set(p.l.spend, at); at += p.f.customerIds.length }
  return { f: { ...parts[0].f, customerIds: ids, values }, l: { ...parts[0].l, bought, orders, spend } }
}
// Saerens et al. (2002) EM prior-shift adjustment on unlabelled rows.
function priorShift(p: Float32Array, trainRate: number): Float32Array {
  let pi = trainRate
  let out = p
  for (let it = 0; it < 100; it++) {
    const a = pi / trainRate, b = (1 - pi) / (1 - trainRate)
    out = p.map((q) => (a * q) / (a * q + b * (1 - q)))
    let m = 0; for (const q of out) m += q; m /= out.length
    if (Math.abs(m - pi) < 1e-6) break
    pi = m
  }
  return out
}
const row = (name: string, p: ArrayLike<number>, y: PurchaseLabels) => { const m = evaluatePurchaseScores(p, y); let mp = 0; for (let i = 0; i < p.length; i++) mp += p[i]; return { name, auc: m.auc, logLoss: m.logLoss, brier: brierScore(p, Float32Array.from(y.bought)), ece: m.ece, meanP: mp / p.length, base: m.baseRate } }
const fmt = (r: ReturnType<typeof row>) => `${r.name.padEnd(34)} AUC ${r.auc.toFixed(4)}  logloss ${r.logLoss.toFixed(4)}  brier ${r.brier.toFixed(4)}  ECE ${r.ece.toFixed(4)}  meanP ${r.meanP.toFixed(3)} base ${r.base.toFixed(3)}`

async function main() {
  await initBackend()
  const train = addDays(evalCutoff, -H)
  const first = (db.prepare(`SELECT MIN(ordered_at) AS f FROM orders`).get() as { f: string }).f.slice(0, 10)
  // earlier cutoffs one horizon apart, each with at least H days of history before it
  const cutoffs: string[] = []
  const step = Number(process.env.STEP ?? H), maxStack = Number(process.env.MAXSTACK ?? 99)
  for (let c = train; dayNumber(c) - dayNumber(first) >= H && cutoffs.length < maxStack; c = addDays(c, -step)) cutoffs.push(c)
  console.log('eval', evalCutoff, 'train cutoffs', cutoffs.join(' '), 'first', first)
  const t0 = performance.now()
  const RH = ['gap_median', 'recency_median_ratio', 'recency_gap_z', 'gap_elapsed_share', 'overdue']
  const build = (c: string) => drop(buildFeatures(db, c), RH)
  const sets = cutoffs.map((c) => { const f = build(c); return { f, l: buildLabels(db, c, H, f.customerIds) } })
  const testF = build(evalCutoff)
  const testL = buildLabels(db, evalCutoff, H, testF.customerIds)
  console.log('features built in', ((performance.now() - t0) / 1000).toFixed(1), 's; base rates', sets.map((s) => (s.l.bought.reduce((a, b) => a + b, 0) / s.l.bought.length).toFixed(3)).join(' '), 'test', (testL.bought.reduce((a, b) => a + b, 0) / testL.bought.length).toFixed(3))
  const shift = seasonalShift(db, train, evalCutoff, H, first)
  console.log('seasonal shift', JSON.stringify(shift))
  const results: string[] = []
  const out = (r: ReturnType<typeof row>) => { const s = fmt(r); console.log(s); results.push(s) }
  out(row('rfm-logistic', RFM_BASELINE.fit(sets[0].f, sets[0].l)(testF), testL))
  out(row('rfm-logistic +seasonal shift', applySeasonalShift(shift, RFM_BASELINE.fit(sets[0].f, sets[0].l)(testF)), testL))
  out(row('bg-nbd', BG_NBD_BASELINE.fit(sets[0].f, sets[0].l)(testF), testL))
  const trainRate = sets[0].l.bought.reduce((a, b) => a + b, 0) / sets[0].l.bought.length
  const variants0: Record<string, { train: { f: FeatureSet; l: PurchaseLabels }; test: FeatureSet; calibrationRows?: { f: FeatureSet; l: PurchaseLabels } }> = {
    'mlp (main)': { train: sets[0], test: testF },
    'mlp +rhythm': { train: { f: withRhythm(sets[0].f), l: sets[0].l }, test: withRhythm(testF) },
    'mlp -bgnbd': { train: { f: drop(sets[0].f, ['bgnbd_p_alive', 'bgnbd_expected_90d']), l: sets[0].l }, test: drop(testF, ['bgnbd_p_alive', 'bgnbd_expected_90d']) },
    'mlp -bgnbd -recency_gap_ratio': { train: { f: drop(sets[0].f, ['bgnbd_p_alive', 'bgnbd_expected_90d', 'recency_gap_ratio']), l: sets[0].l }, test: drop(testF, ['bgnbd_p_alive', 'bgnbd_expected_90d', 'recency_gap_ratio']) },
    'mlp stacked': { train: stack(sets), test: testF },
    'mlp stacked +season': { train: stack(sets.map((s) => ({ f: addSeason(s.f), l: s.l }))), test: addSeason(testF) },
    'mlp stacked +rhythm': { train: stack(sets.map((s) => ({ f: withRhythm(s.f), l: s.l }))), test: withRhythm(testF) },
    'rfm stacked': { train: stack(sets), test: testF },
    'mlp calibrated on earlier windows': { train: sets[0], test: testF, calibrationRows: sets.length > 1 ? stack(sets.slice(1)) : undefined },
    'mlp stacked +season -bgnbd': { train: stack(sets.map((s) => ({ f: addSeason(drop(s.f, ['bgnbd_p_alive', 'bgnbd_expected_90d'])), l: s.l }))), test: addSeason(drop(testF, ['bgnbd_p_alive', 'bgnbd_expected_90d'])) },
    'mlp stacked +season +rhythm': { train: stack(sets.map((s) => ({ f: addSeason(withRhythm(s.f)), l: s.l }))), test: addSeason(withRhythm(testF)) },
    'rfm stacked +season': { train: stack(sets.map((s) => ({ f: addSeason(s.f), l: s.l }))), test: addSeason(testF) },
  }
  for (const [name, v] of Object.entries(variants0)) {
    if (only && !only.some((o) => name.includes(o))) continue
    if (name.startsWith('rfm')) { out(row(name, RFM_BASELINE.fit(v.train.f, v.train.l)(v.test), testL)); continue }
    const acc: ReturnType<typeof row>[] = [], accShift: ReturnType<typeof row>[] = [], accEm: ReturnType<typeof row>[] = []
    for (const seed of seeds) {
      const t = await trainPurchase(v.train.f, v.train.l, { seed, epochs: 60, calibrationRows: v.calibrationRows ? { features: v.calibrationRows.f, labels: v.calibrationRows.l } : undefined })
      if (t.status !== 'trained') throw new Error(t.status)
      const p = predictPurchase(t.trained, v.test).pBuy
      acc.push(row(name, p, testL))
      const tr = v.train.l.bought.reduce((a, b) => a + b, 0) / v.train.l.bought.length
      accShift.push(row(name + ' +seasonal shift', applySeasonalShift(shift, p), testL))
      accEm.push(row(name + ' +EM prior shift', priorShift(p, tr), testL))
      t.trained.model.dispose()
    }
    for (const a of [acc, accShift, accEm]) {
      const m = (k: 'auc' | 'logLoss' | 'brier' | 'ece' | 'meanP') => a.reduce((s, r) => s + r[k], 0) / a.length
      out({ name: `${a[0].name} [${seeds.length} seeds]`, auc: m('auc'), logLoss: m('logLoss'), brier: m('brier'), ece: m('ece'), meanP: m('meanP'), base: a[0].base })
      console.log('   per-seed AUC', a.map((r) => r.auc.toFixed(4)).join(' '))
    }
  }
  console.log('trainRate', trainRate.toFixed(3))
}
main()
