/**
 * Learning cost as the shop grows (`npm run bench`, issue "learn, second
 * round" §5): generated sample shops of several sizes are imported, then one
 * whole training run (the app's own `trainRun`, every model and baseline,
 * held-out evaluation and scoring) runs per size in a fresh child process on
 * the requested backend. Per step of the run: wall seconds and the peak
 * resident set seen while it ran; per size: the whole run and the process's
 * peak (getrusage's maxRSS). Growth is judged as seconds per customer,
 * largest shop against the smallest, measured in the same bench run.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createEngine } from '../src-main/engine/engine'
import type { JobStep } from '../src-main/engine/api'
import { trainRun } from '../src-main/engine/learn/train-run'
import { initBackend, type BackendPreference } from '../src-main/engine/ml'
import { openStore } from '../src-main/engine/store/open-store'
import { DEFAULT_SEED, buildSampleShop, writeSampleShop } from '../scripts/sample-shop/shop'

export interface ScaleStep {
  step: JobStep
  seconds: number
  peakRssMb: number
}

export interface ScaleRun {
  customers: number
  lines: number
  backend: string
  importSeconds: number
  trainSeconds: number
  peakRssMb: number
  steps: ScaleStep[]
  /** The run report's own per-model training seconds. */
  trainingSeconds: Record<string, number>
}

export interface ScaleBenchResult {
  runs: ScaleRun[]
  /** Seconds per customer of the largest shop ÷ of the smallest: ≤ 1 is linear or better. */
  growthRatio: number | null
  goal: string
}

export const SCALE_GOAL = 'every model on a 20,000-customer shop in ≤ 180 s on wasm, peak under 1 GB, time no faster than linear in customers'

/** Builds, writes and imports a generated shop of `customers` customers into `<dir>/shop-<n>.sqlite`. */
async function importShop(dir: string, customers: number, workerScript: string): Promise<{ dbPath: string; lines: number; seconds: number }> {
  const resourcesDir = join(dir, `resources-${customers}`)
  const shop = buildSampleShop(DEFAULT_SEED, { customers })
  writeSampleShop(shop, join(resourcesDir, 'sample-shop'))
  const dbPath = join(dir, `shop-${customers}.sqlite`)
  const engine = createEngine({ dbPath, resourcesDir, shell: 'web-bridge', workerScript })
  const started = performance.now()
  const { jobId } = await engine.call('import/sample', {})
  const outcome = await engine.waitForJob(jobId)
  const seconds = (performance.now() - started) / 1000
  await engine.close()
  if (!outcome || outcome.status !== 'done') throw new Error(`importing the ${customers}-customer shop failed: ${JSON.stringify(outcome)}`)
  return { dbPath, lines: shop.stats.lines, seconds }
}

/**
 * The child's side: one training run on `dbPath`, on `backend`, with the
 * resident set sampled every 50 ms and attributed to the step running then.
 */
export async function scaleTrainChild(dbPath: string, backend: BackendPreference): Promise<Omit<ScaleRun, 'customers' | 'lines' | 'importSeconds'>> {
  const info = await initBackend(backend)
  const store = openStore(dbPath)
  const steps: ScaleStep[] = []
  let current: { step: JobStep; started: number; peak: number } | null = null
  const close = (): void => {
    if (current) steps.push({ step: current.step, seconds: round((performance.now() - current.started) / 1000), peakRssMb: mb(current.peak) })
  }
  const sampler = setInterval(() => {
    if (current) current.peak = Math.max(current.peak, process.memoryUsage().rss)
  }, 50)
  const started = performance.now()
  try {
    const outcome = await trainRun(store.db, { horizonDays: 90 }, () => false, (progress) => {
      if (current?.step === progress.step) return
      close()
      current = { step: progress.step, started: performance.now(), peak: process.memoryUsage().rss }
    })
    close()
    if (outcome.status !== 'trained') throw new Error('the training run was cancelled')
    return {
      backend: info.name,
      trainSeconds: round((performance.now() - started) / 1000),
      // maxRSS is in kilobytes on every platform Node supports.
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      steps,
      trainingSeconds: outcome.run.report.trainingSeconds,
    }
  } finally {
    clearInterval(sampler)
    store.close()
  }
}

/** The parent's side: import each size here, train each in its own child (`benchScript --scale-train backend db`). */
export async function scaleBench(dir: string, sizes: readonly number[], backend: BackendPreference, benchScript: string, workerScript: string): Promise<ScaleBenchResult> {
  const runs: ScaleRun[] = []
  for (const customers of sizes) {
    const imported = await importShop(dir, customers, workerScript)
    const child = spawnSync(process.execPath, [benchScript, '--scale-train', backend, imported.dbPath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    if (child.status !== 0) throw new Error(`training the ${customers}-customer shop failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`)
    const trained = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Omit<ScaleRun, 'customers' | 'lines' | 'importSeconds'>
    runs.push({ customers, lines: imported.lines, importSeconds: round(imported.seconds), ...trained })
  }
  const smallest = runs[0]
  const largest = runs[runs.length - 1]
  const growthRatio = runs.length > 1 ? round(largest.trainSeconds / largest.customers / (smallest.trainSeconds / smallest.customers)) : null
  return { runs, growthRatio, goal: SCALE_GOAL }
}

export function printScaleBench(result: ScaleBenchResult): void {
  const f = new Intl.NumberFormat('en')
  console.log(`Learning cost by shop size (generated sample shops; goal: ${result.goal}):`)
  for (const run of result.runs) {
    console.log(`  ${f.format(run.customers)} customers, ${f.format(run.lines)} lines on ${run.backend}: train ${run.trainSeconds.toFixed(1)} s, peak RSS ${run.peakRssMb} MB (import ${run.importSeconds.toFixed(1)} s)`)
    for (const step of run.steps) console.log(`    ${step.step.padEnd(20)} ${step.seconds.toFixed(1).padStart(7)} s   peak ${step.peakRssMb} MB`)
    const models = Object.entries(run.trainingSeconds).map(([name, s]) => `${name} ${s} s`)
    if (models.length > 0) console.log(`    per model (the run report's own timing): ${models.join(', ')}`)
  }
  if (result.growthRatio !== null) console.log(`  seconds per customer, largest ÷ smallest shop: ${result.growthRatio.toFixed(2)} (≤ 1 is linear or better)`)
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024)
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
