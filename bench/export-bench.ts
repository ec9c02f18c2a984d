/**
 * Export speed (issue 8 §2: "exporting 100k coupons takes seconds"): a
 * synthetic store of 100k customers with two approved plans over them
 * (export-store.ts). Plan A is exported first, so plan B's 90k new codes are
 * checked against 90k codes already in the store. Plan B is then previewed and
 * written in every format through the engine, as the app does (export/write
 * is a job in the worker), with the holdout list: one job per format, then all
 * formats in one job (`formats`), which loads the plan once.
 *
 * Reference, measured in the same run: SQLite reading the same plan's member
 * rows (customer id, e-mail, name, group, offer, code) and a minimal writer
 * joining them into one plain CSV (no quoting, no formula guard), best of 3.
 * Run by run-bench.ts, or alone after a build: `node out/main/bench.js --export`.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine } from '../src-main/engine/engine'
import { EXPORT_FORMATS, type ExportFormat } from '../src-main/engine/export/export-files'
import { openStore } from '../src-main/engine/store/open-store'
import { insertApprovedPlan, insertCustomers } from './export-store'

export interface ExportBenchResult {
  customers: number
  coupons: number
  holdout: number
  /** Reading the plan's rows from SQLite and writing one plain CSV, best of 3. */
  referenceSeconds: number
  /** Per format: the first (csv) makes and stores the codes; the rest re-export them. */
  formats: { format: ExportFormat; files: number; rows: number; bytes: number; seconds: number; ratioToReference: number }[]
  /** Every format in turn, one job each (11 files, the holdout list with each): the plan loaded 6 times. */
  allFormatsSeconds: number
  allFormatsRatioToReference: number
  /** Every format in one job (`formats`): the plan, rows and codes loaded once; 10 files (one holdout list). */
  oneJobSeconds: number
  oneJobRatioToReference: number
  oneJobFiles: number
  /** The Export step's preview of each format (counts and first rows, no file rendered), before the first export. */
  previewMedianSeconds: number
  previewMaxSeconds: number
  goal: string
}

const N = 100_000

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** The floor: the rows out of SQLite and into one CSV, with nothing an export tool must add. */
function reference(dbPath: string, planId: number, out: string): number {
  const db = new Database(dbPath, { readonly: true })
  try {
    const select = db.prepare(`SELECT c.external_id, c.email, c.name, m.arm, m.discount_type, m.discount_value, m.code
      FROM campaign_members m JOIN customers c ON c.id = m.customer_id WHERE m.campaign_id = (SELECT campaign_id FROM plans WHERE id = ?)`).raw()
    const runs: number[] = []
    for (let run = 0; run < 3; run++) {
      const start = process.hrtime.bigint()
      const lines = ['customer_id,email,name,group,discount_type,discount_value,code']
      for (const row of select.iterate(planId) as Iterable<unknown[]>) lines.push(row.join(','))
      writeFileSync(out, `${lines.join('\r\n')}\r\n`)
      runs.push(seconds(start))
    }
    return Math.min(...runs)
  } finally {
    db.close()
  }
}

export async function exportBench(workerScript: string | null, resourcesDir: string): Promise<ExportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ow-export-bench-'))
  try {
    const dbPath = join(dir, 'store.sqlite')
    const store = openStore(dbPath)
    insertCustomers(store.db, N)
    const first = insertApprovedPlan(store.db, N, 1)
    const planId = insertApprovedPlan(store.db, N, 2)
    store.close()
    const engine = createEngine({ dbPath, resourcesDir, shell: 'web-bridge', workerScript })
    try {
      const args = (format: ExportFormat) => ({ planId, format, withHoldout: true, privacy: 'keep' as const, locale: 'en' as const })
      // Plan A's codes are in the store before plan B's are made: B's are checked against them.
      await engine.call('export/write', { ...args('csv'), planId: first })
      const previews: number[] = []
      let preview = null
      for (const format of EXPORT_FORMATS) {
        const start = process.hrtime.bigint()
        preview = await engine.call('export/preview', args(format))
        previews.push(seconds(start))
      }
      const formats: ExportBenchResult['formats'] = []
      for (const format of EXPORT_FORMATS) {
        const start = process.hrtime.bigint()
        const written = await engine.call('export/write', args(format))
        const elapsed = seconds(start)
        if (written.cancelled) throw new Error('export bench: cancelled')
        formats.push({
          format,
          files: written.files.length,
          rows: written.files.reduce((sum, f) => sum + f.rows, 0),
          bytes: written.files.reduce((sum, f) => sum + f.bytes, 0),
          seconds: elapsed,
          ratioToReference: 0,
        })
      }
      const oneStart = process.hrtime.bigint()
      const oneJob = await engine.call('export/write', { ...args('csv'), formats: [...EXPORT_FORMATS] })
      const oneJobSeconds = seconds(oneStart)
      if (oneJob.cancelled) throw new Error('export bench: cancelled')
      const referenceSeconds = reference(dbPath, planId, join(dir, 'reference.csv'))
      for (const f of formats) {
        f.ratioToReference = round(f.seconds / referenceSeconds)
        f.seconds = round(f.seconds)
      }
      const all = formats.reduce((sum, f) => sum + f.seconds, 0)
      previews.sort((a, b) => a - b)
      return {
        customers: N,
        coupons: preview?.treated ?? 0,
        holdout: preview?.holdout ?? 0,
        referenceSeconds: round(referenceSeconds),
        formats,
        allFormatsSeconds: round(all),
        allFormatsRatioToReference: round(all / referenceSeconds),
        oneJobSeconds: round(oneJobSeconds),
        oneJobRatioToReference: round(oneJobSeconds / referenceSeconds),
        oneJobFiles: oneJob.files.length,
        previewMedianSeconds: round(previews[Math.floor(previews.length / 2)]),
        previewMaxSeconds: round(previews[previews.length - 1]),
        goal: 'each format of 100k coupons in seconds, with progress; the ratio to a plain SQLite-to-CSV dump says what the formats, codes and safety cost',
      }
    } finally {
      await engine.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function printExportBench(r: ExportBenchResult): void {
  const f = new Intl.NumberFormat('en')
  console.log(`Export: ${f.format(r.coupons)} coupons + ${f.format(r.holdout)} holdout of ${f.format(r.customers)} customers, codes checked against ${f.format(r.coupons)} already in the store`)
  console.log(`  reference: SQLite rows → one plain CSV   ${r.referenceSeconds.toFixed(3)} s   (best of 3)`)
  for (const x of r.formats) {
    console.log(`  ${x.format.padEnd(12)} ${x.files} files  ${f.format(x.rows).padStart(8)} rows  ${(x.bytes / 1e6).toFixed(1).padStart(5)} MB   ${x.seconds.toFixed(2)} s   ${x.ratioToReference.toFixed(1)}x reference`)
  }
  console.log(`  all formats  ${r.allFormatsSeconds.toFixed(2)} s   ${r.allFormatsRatioToReference.toFixed(1)}x reference;  preview (no file rendered) median ${r.previewMedianSeconds.toFixed(2)} s, max ${r.previewMaxSeconds.toFixed(2)} s`)
  console.log(`  all formats in one job (${r.oneJobFiles} files)  ${r.oneJobSeconds.toFixed(2)} s   ${r.oneJobRatioToReference.toFixed(1)}x reference`)
}
