/**
 * `npm run bench` (not a test): import speed on the real UCI Online Retail file,
 * beside sqlite3's own `.import` of the same CSV measured in the same run.
 * Prints the figures and writes bench/results.json.
 *
 * `node out/main/bench.js --only import` (or OFFERWISE_BENCH_ONLY=import) runs the
 * import part alone, for iterating on import speed; the learning and planner
 * figures already in bench/results.json are kept.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { createEngine } from '../src-main/engine/engine'
import { inspectFile } from '../src-main/engine/ingest/inspect-file'
import { exportBench, printExportBench, type ExportBenchResult } from './export-bench'
import { learnBench, type LearnBenchResult } from './learn-bench'
import { plannerBench, printPlannerBench } from './planner-bench'

const root = resolve(__dirname, '../..')
const data = process.env.OFFERWISE_SHARED_DATA ?? resolve(root, '../shared/data')
const gz = join(data, 'online-retail/online_retail_2010-12-01_2011-12-09.csv.gz')
const xlsx = join(data, 'online-retail-ii/online_retail_II_2009-12_2010-01.xlsx')

function ensureSqliteCli(): string {
  const found = spawnSync('sh', ['-c', 'command -v sqlite3'], { encoding: 'utf8' }).stdout.trim()
  if (found) return found
  console.log('Installing the sqlite3 CLI from apt for the reference measurement…')
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo']
  execFileSync(asRoot[0] ?? 'apt-get', [...asRoot.slice(1), ...(asRoot.length ? ['apt-get'] : []), 'install', '-y', '-qq', 'sqlite3'], { stdio: 'inherit' })
  return 'sqlite3'
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9
}

/** sqlite3's raw CSV import into an untyped table: the floor for "getting the rows into SQLite". */
function sqliteImport(cli: string, csv: string, dir: string): number {
  const db = join(dir, 'raw.sqlite')
  const start = process.hrtime.bigint()
  execFileSync(cli, [db, '-cmd', 'PRAGMA journal_mode=WAL;', '.import --csv ' + csv + ' raw'], { stdio: 'ignore' })
  const elapsed = seconds(start)
  rmSync(db, { force: true })
  return elapsed
}

/**
 * One import through the app's job worker. `threads` forces one or two threads
 * (OFFERWISE_IMPORT_THREADS, read by the job when it starts); without it the
 * import decides as in the app: two only when the load average leaves a core free.
 */
async function offerwiseImport(path: string, dir: string, name: string, threads?: '1' | '2'): Promise<{ seconds: number; rows: number; peakRssMb: number }> {
  const dbPath = join(dir, `${name}.sqlite`)
  const asked = process.env.OFFERWISE_IMPORT_THREADS
  if (threads) process.env.OFFERWISE_IMPORT_THREADS = threads
  // The job worker is the one the app uses; the bench measures it end to end.
  const engine = createEngine({ dbPath, resourcesDir: join(root, 'resources'), shell: 'web-bridge', workerScript: join(__dirname, 'job-worker.js') })
  const inspection = await inspectFile(path, {})
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25)
  const start = process.hrtime.bigint()
  const { jobId } = await engine.call('import/start', {
    requests: [{ file: engine.files.register(path), presetId: inspection.presetId, mapping: inspection.mapping, dateOrder: 'auto', currency: inspection.currency ?? 'GBP' }],
  })
  const outcome = await engine.waitForJob(jobId)
  const elapsed = seconds(start)
  clearInterval(sampler)
  if (!outcome || outcome.status !== 'done') throw new Error(`import failed: ${JSON.stringify(outcome)}`)
  const batch = (await engine.call('import/batches', {}))[0]
  await engine.close()
  if (asked === undefined) delete process.env.OFFERWISE_IMPORT_THREADS
  else process.env.OFFERWISE_IMPORT_THREADS = asked
  return { seconds: elapsed, rows: batch.rows, peakRssMb: Math.round(peak / 1024 / 1024) }
}

/** The part named by `--only PART` or OFFERWISE_BENCH_ONLY, or every part. */
function onlyPart(): 'import' | null {
  const at = process.argv.indexOf('--only')
  const part = at >= 0 ? process.argv[at + 1] : process.env.OFFERWISE_BENCH_ONLY
  if (part === undefined || part === '') return null
  if (part !== 'import') throw new Error(`--only knows "import", not "${part}"`)
  return part
}

function previousResults(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as Record<string, unknown>
  } catch {
    return {}
  }
}

async function main(): Promise<void> {
  const only = onlyPart()
  if (!existsSync(gz)) throw new Error(`Missing ${gz}`)
  const dir = mkdtempSync(join(tmpdir(), 'ow-bench-'))
  const csv = join(dir, 'online_retail.csv')
  await pipeline(createReadStream(gz), createGunzip(), createWriteStream(csv))
  const sqliteCli = ensureSqliteCli()

  // Warm the page cache for both readers before timing either.
  readFileSync(csv)
  const rawRuns = [sqliteImport(sqliteCli, csv, dir), sqliteImport(sqliteCli, csv, dir), sqliteImport(sqliteCli, csv, dir)]
  const raw = Math.min(...rawRuns)
  // The machine's load decides whether an import takes a second thread: say what it was.
  const loadAverage = (await import('node:os')).loadavg()[0]
  const csvRun = await offerwiseImport(csv, dir, 'csv')
  // Both ways on the same file in the same run, whatever the load chose above.
  const csvOneThread = await offerwiseImport(csv, dir, 'csv-1', '1')
  const csvTwoThreads = await offerwiseImport(csv, dir, 'csv-2', '2')
  const gzRun = await offerwiseImport(gz, dir, 'gz')
  const xlsxRun = existsSync(xlsx) ? await offerwiseImport(xlsx, dir, 'xlsx') : null

  // Learning: one child process per backend (a process picks its tfjs backend once).
  const learnDb = join(dir, 'csv.sqlite')
  const learning: LearnBenchResult[] = []
  for (const backend of only === 'import' ? [] : (['node', 'wasm', 'cpu'] as const)) {
    const child = spawnSync(process.execPath, [__filename, '--learn', backend, learnDb], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    if (child.status !== 0) {
      console.log(`learning bench on ${backend}: failed (${child.stderr.trim().split('\n').pop()})`)
      continue
    }
    const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as LearnBenchResult
    // Without tfjs-node, 'node' falls back to wasm: keep each real backend once.
    if (!learning.some((r) => r.backend === result.backend)) learning.push(result)
  }

  // Planner re-plan speed: synthetic and in-process (no data file, no backend).
  const previous = previousResults()
  const planner = only === 'import' ? (previous.planner as ReturnType<typeof plannerBench> | undefined) : plannerBench()

  // Export of 100k coupons in every format: synthetic store, the app's job worker.
  const exporting = only === 'import' ? (previous.export as ExportBenchResult | undefined) : await exportBench(join(__dirname, 'job-worker.js'), join(root, 'resources'))

  const results = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    file: { path: gz, rows: csvRun.rows, csvBytes: statSync(csv).size },
    sqliteDotImport: { seconds: round(raw), runs: rawRuns.map(round) },
    offerwiseCsv: { seconds: round(csvRun.seconds), rowsPerSecond: Math.round(csvRun.rows / csvRun.seconds), ratioToSqlite: round(csvRun.seconds / raw), peakRssMb: csvRun.peakRssMb },
    offerwiseCsvThreads: {
      loadAverage: round(loadAverage),
      one: { seconds: round(csvOneThread.seconds), ratioToSqlite: round(csvOneThread.seconds / raw) },
      two: { seconds: round(csvTwoThreads.seconds), ratioToSqlite: round(csvTwoThreads.seconds / raw), peakRssMb: csvTwoThreads.peakRssMb },
    },
    offerwiseGz: { seconds: round(gzRun.seconds), rowsPerSecond: Math.round(gzRun.rows / gzRun.seconds), ratioToSqlite: round(gzRun.seconds / raw), peakRssMb: gzRun.peakRssMb },
    offerwiseXlsx: xlsxRun && { rows: xlsxRun.rows, seconds: round(xlsxRun.seconds), rowsPerSecond: Math.round(xlsxRun.rows / xlsxRun.seconds), peakRssMb: xlsxRun.peakRssMb },
    goal: 'validated, normalised import within 2.5x of sqlite3 .import',
    learning: only === 'import' ? ((previous.learning as LearnBenchResult[] | undefined) ?? []) : learning,
    planner,
    export: exporting,
  }
  const f = new Intl.NumberFormat('en')
  console.log(`Online Retail: ${f.format(csvRun.rows)} rows, ${f.format(results.file.csvBytes)} bytes of CSV`)
  console.log(`  sqlite3 .import (raw, untyped)   ${results.sqliteDotImport.seconds.toFixed(2)} s   (best of 3)`)
  console.log(`  offerwise import, CSV             ${results.offerwiseCsv.seconds.toFixed(2)} s   ${f.format(results.offerwiseCsv.rowsPerSecond)} rows/s   ${results.offerwiseCsv.ratioToSqlite.toFixed(2)}x sqlite3   peak RSS ${results.offerwiseCsv.peakRssMb} MB`)
  console.log(`    on one thread                   ${results.offerwiseCsvThreads.one.seconds.toFixed(2)} s   ${results.offerwiseCsvThreads.one.ratioToSqlite.toFixed(2)}x sqlite3`)
  console.log(`    on two threads                  ${results.offerwiseCsvThreads.two.seconds.toFixed(2)} s   ${results.offerwiseCsvThreads.two.ratioToSqlite.toFixed(2)}x sqlite3   (load average ${results.offerwiseCsvThreads.loadAverage.toFixed(2)} on ${results.machine.cpus} CPUs when the import runs began)`)
  console.log(`  offerwise import, .csv.gz         ${results.offerwiseGz.seconds.toFixed(2)} s   ${f.format(results.offerwiseGz.rowsPerSecond)} rows/s   ${results.offerwiseGz.ratioToSqlite.toFixed(2)}x sqlite3   peak RSS ${results.offerwiseGz.peakRssMb} MB`)
  if (results.offerwiseXlsx) console.log(`Online Retail II XLSX: ${f.format(results.offerwiseXlsx.rows)} rows in ${results.offerwiseXlsx.seconds.toFixed(2)} s = ${f.format(results.offerwiseXlsx.rowsPerSecond)} rows/s, peak RSS ${results.offerwiseXlsx.peakRssMb} MB`)
  for (const r of learning) {
    console.log(`Learning on ${r.backend} (${r.reason}); ${f.format(r.customers)} customers, ${f.format(r.interactions)} customer×product pairs, cutoff 2011-09-10:`)
    for (const m of r.models) console.log(`  train ${m.name.padEnd(20)} ${m.secondsPerEpoch.toFixed(2)} s/epoch  (${m.epochs} epochs, ${m.totalSeconds.toFixed(1)} s incl. data prep)`)
    for (const p of r.predict) console.log(`  predict ${p.name.padEnd(28)} ${f.format(p.rowsPerSecond)} rows/s`)
  }
  const wasm = learning.find((r) => r.backend === 'wasm')
  const cpu = learning.find((r) => r.backend === 'cpu')
  if (wasm && cpu) {
    for (const m of wasm.models) {
      const other = cpu.models.find((c) => c.name === m.name)
      if (other) console.log(`  ${m.name}: wasm is ${(other.secondsPerEpoch / m.secondsPerEpoch).toFixed(1)}x faster per epoch than cpu`)
    }
  }
  if (only !== 'import' && planner) printPlannerBench(planner)
  if (only !== 'import' && exporting) printExportBench(exporting)
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log('Written to bench/results.json')
  rmSync(dir, { recursive: true, force: true })
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

if (process.argv[2] === '--learn') {
  const [, , , backend, dbPath] = process.argv
  learnBench(dbPath, backend as 'node' | 'wasm' | 'cpu', '2011-09-10', 90)
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error))
      process.exitCode = 1
    })
} else if (process.argv[2] === '--export') {
  // The export bench alone, its entry in bench/results.json replaced.
  exportBench(join(__dirname, 'job-worker.js'), join(root, 'resources'))
    .then((result) => {
      printExportBench(result)
      const file = join(root, 'bench/results.json')
      const results = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
      writeFileSync(file, `${JSON.stringify({ ...results, export: result }, null, 2)}\n`)
      console.log('Written to bench/results.json')
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
} else {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
