/**
 * `export/write` as a job on a synthetic 20k-customer store (bench/export-store.ts):
 * it reports progress over the codes and then the files' rows, a cancel leaves
 * the store as it was (no code, not marked sent), and the preview gives every
 * file's row count and first rows without writing anything.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertApprovedPlan, insertCustomers } from '../../../bench/export-store'
import type { JobProgress } from '../../../src-main/engine/api'
import type { ExportArgs, ExportFileContent } from '../../../src-main/engine/export/export-api'
import { createEngine, type Engine } from '../../../src-main/engine/engine'
import { openStore } from '../../../src-main/engine/store/open-store'
import { tempDir } from '../../support/temp-dir'
import { ROOT } from '../import/test-engine'
import { csvRecords } from './export-fixtures'

const N = 20_000
let engine: Engine
let db: Database.Database
let planId: number

const args = (overrides: Partial<ExportArgs> = {}): ExportArgs => ({ planId, format: 'klaviyo', withHoldout: true, privacy: 'keep', locale: 'en', ...overrides })
const storedCodes = (): number => db.prepare("SELECT COUNT(*) FROM campaign_members WHERE code IS NOT NULL AND campaign_id = (SELECT campaign_id FROM plans WHERE id = ?)").pluck().get(planId) as number
const exportedAt = (): string | null => db.prepare('SELECT first_exported_at FROM campaigns WHERE plan_id = ?').pluck().get(planId) as string | null

beforeAll(() => {
  const dbPath = join(tempDir('ow-export-job-'), 'store.sqlite')
  const store = openStore(dbPath)
  insertCustomers(store.db, N)
  planId = insertApprovedPlan(store.db, N, 1)
  store.close()
  engine = createEngine({ dbPath, resourcesDir: join(ROOT, 'resources'), shell: 'web-bridge', workerScript: null })
  db = new Database(dbPath, { readonly: true })
}, 120_000)

afterAll(async () => {
  db?.close()
  await engine?.close()
})

describe('export as a job', () => {
  it('previews every file with its destination, row count and first rows, storing no code', async () => {
    const preview = await engine.call('export/preview', args())
    expect(preview.files.map((f) => [f.fileName, f.destination])).toEqual([
      [`offerwise-plan-${planId}-klaviyo-profiles.csv`, 'klaviyo-profiles'],
      [`offerwise-plan-${planId}-coupon-codes.csv`, 'klaviyo-coupons'],
      [`offerwise-plan-${planId}-HOLDOUT-DO-NOT-MAIL.csv`, 'holdout'],
    ])
    expect(preview.files[0].rows + preview.files[2].rows).toBe(N)
    expect(preview.files[0].sample.header).toEqual(['Email', 'First Name', 'Offerwise Code', 'Offerwise Offer', 'Offerwise Expires'])
    expect(preview.files[0].sample.rows).toHaveLength(5)
    expect(storedCodes()).toBe(0)
  })

  it('stops on cancel with nothing stored', async () => {
    const off = engine.on('job/progress', (p) => {
      if (p.kind === 'export') void engine.call('jobs/cancel', { jobId: p.jobId })
    })
    try {
      const written = await engine.call('export/write', args())
      expect(written).toMatchObject({ cancelled: true, files: [] })
    } finally {
      off()
    }
    expect(storedCodes()).toBe(0)
    expect(exportedAt()).toBeNull()
  })

  it('reports the codes, then the rows of all files, and writes what the preview showed', async () => {
    const preview = await engine.call('export/preview', args())
    const seen: JobProgress[] = []
    const off = engine.on('job/progress', (p) => void seen.push(p))
    const finished: unknown[] = []
    const offFinished = engine.on('job/finished', (f) => void finished.push(f.outcome))
    let written
    try {
      written = await engine.call('export/write', args())
    } finally {
      off()
      offFinished()
    }
    expect(written.cancelled).toBe(false)
    expect(new Set(seen.map((p) => p.kind))).toEqual(new Set(['export']))
    expect(seen.some((p) => p.step === 'export-codes')).toBe(true)
    const files = seen.filter((p) => p.step === 'export-files')
    // Events are throttled by time (job-manager.ts), so how many arrive depends on the machine; their order does not.
    expect(files.length).toBeGreaterThan(0)
    for (let i = 1; i < files.length; i++) expect(files[i].done).toBeGreaterThanOrEqual(files[i - 1].done)
    expect(seen.findIndex((p) => p.step === 'export-codes')).toBeLessThan(seen.findIndex((p) => p.step === 'export-files'))
    expect(files.at(-1)?.done).toBe(preview.files.reduce((sum, f) => sum + f.rows, 0))
    expect(storedCodes()).toBe(preview.codes.count)
    expect(exportedAt()).not.toBeNull()
    // The files hold exactly the previewed rows; the finished event carries no file content.
    const profiles = written.files[0] as ExportFileContent
    const { records } = csvRecords(profiles.content)
    expect(records.slice(0, 5).map((r) => Object.values(r))).toEqual(preview.files[0].sample.rows)
    expect(JSON.stringify(finished)).not.toContain('Offerwise Code')
  })
})
