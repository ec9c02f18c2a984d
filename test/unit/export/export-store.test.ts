/**
 * Export against the store: an approved plan of the sample shop gets one
 * unique code per treated customer on its first export, checked against every
 * code in the store and every discount code of the imported orders
 * (case-insensitively); re-exports give the same codes; drafts and changed
 * code settings are refused; the desktop face's folder dialog decides where.
 */
import Database from 'better-sqlite3'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CODE_ALPHABET, deriveCode } from '../../../src-main/engine/export/codes'
import type { ExportArgs, ExportFileContent } from '../../../src-main/engine/export/export-api'
import { createEngine, type Engine } from '../../../src-main/engine/engine'
import { ROOT } from '../import/test-engine'
import { tempDir } from '../../support/temp-dir'
import { makePlan, trainedSampleShop } from '../plan/sample-shop-plan'
import { csvRecords } from './export-fixtures'

let engine: Engine
let dbPath: string
let planId: number
let draftId: number
let db: Database.Database

const csvArgs = (overrides: Partial<ExportArgs> = {}): ExportArgs => ({ planId, format: 'csv', withHoldout: false, privacy: 'keep', locale: 'en', ...overrides })

function lines(file: ExportFileContent): string[] {
  return file.content.replace(/^\uFEFF/, '').trimEnd().split(/\r\n/)
}

function memberCodes(): Map<number, string | null> {
  const campaignId = db.prepare('SELECT campaign_id FROM plans WHERE id = ?').pluck().get(planId) as number
  const rows = db.prepare("SELECT customer_id, code FROM campaign_members WHERE campaign_id = ? AND arm = 'treatment'").all(campaignId) as { customer_id: number; code: string | null }[]
  return new Map(rows.map((r) => [r.customer_id, r.code]))
}

beforeAll(async () => {
  ;({ engine, dbPath } = await trainedSampleShop())
  planId = await makePlan(engine)
  draftId = await makePlan(engine, { budget: 100 })
  await engine.call('plan/approve', { planId })
  db = new Database(dbPath)
}, 900_000)

afterAll(async () => {
  db?.close()
  await engine?.close()
})

describe('exporting an approved plan', () => {
  it('refuses drafts and unknown plans, and lists only approved plans', async () => {
    await expect(engine.call('export/preview', csvArgs({ planId: draftId }))).rejects.toMatchObject({ code: 'export.plan-not-approved' })
    await expect(engine.call('export/write', csvArgs({ planId: draftId }))).rejects.toMatchObject({ code: 'export.plan-not-approved' })
    await expect(engine.call('export/write', csvArgs({ planId: 9999 }))).rejects.toMatchObject({ code: 'plan.not-found' })
    await expect(engine.call('export/write', csvArgs({ length: 8 }))).rejects.toMatchObject({ code: 'export.invalid' })
    const plans = await engine.call('export/plans', {})
    expect(plans.map((p) => p.planId)).toEqual([planId])
    expect(plans[0]?.firstExportedAt).toBeNull()
    expect(plans[0]?.coupons).toBeGreaterThan(0)
  })

  it('makes codes that avoid every code in the store and in imported orders, case-insensitively, and stores them once', async () => {
    const plan = await engine.call('plan/get', { planId })
    const preview = await engine.call('export/preview', csvArgs({ prefix: 'spring-' }))
    expect(preview.codes).toMatchObject({ prefix: 'SPRING-', length: 9, fixed: false, count: plan.summary.coupons })
    expect(preview.files).toHaveLength(1)
    expect(preview.files[0]?.rows).toBe(plan.summary.coupons)
    expect(preview.files[0]?.sample.header.join(',')).toMatch(/^customer_id,email,group,.*,code,offer_text$/)
    expect(preview.files[0]).toMatchObject({ destination: 'spreadsheet', fileName: `offerwise-plan-${planId}-coupons.csv` })
    // A preview stores the secret but no code.
    expect([...memberCodes().values()].every((code) => code === null)).toBe(true)

    // Make the first-choice codes of two treated customers taken: one by an imported order (lower case), one by an imported campaign.
    const { code_secret: secret, id: campaignId } = db.prepare('SELECT code_secret, id FROM campaigns WHERE plan_id = ?').get(planId) as { code_secret: Buffer; id: number }
    const [a, b] = [...memberCodes().keys()].sort((x, y) => String(x).localeCompare(String(y)))
    const first = (customerId: number): string => deriveCode({ secret, prefix: 'SPRING-', length: 9 }, String(customerId), 0)
    db.prepare('UPDATE orders SET discount_code = ? WHERE id = (SELECT MIN(id) FROM orders)').run(`${first(a!).toLowerCase()}, WELCOME`)
    const imported = db.prepare("SELECT m.id FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id WHERE c.source = 'imported' LIMIT 1").pluck().get() as number
    db.prepare('UPDATE campaign_members SET code = ? WHERE id = ?').run(first(b!), imported)

    const written = await engine.call('export/write', csvArgs({ prefix: 'spring-' }))
    expect(written.cancelled).toBe(false)
    expect(written.folder).toBeNull()
    expect(written.codes).toMatchObject({ prefix: 'SPRING-', length: 9, fixed: true })
    const stored = memberCodes()
    const codes = [...stored.values()] as string[]
    expect(codes.length).toBe(plan.summary.coupons)
    expect(new Set(codes.map((c) => c.toUpperCase())).size).toBe(codes.length)
    for (const code of codes) expect(code).toMatch(new RegExp(`^SPRING-[${CODE_ALPHABET}]{9}$`))
    expect(stored.get(a!)).not.toBe(first(a!))
    expect(stored.get(b!)).not.toBe(first(b!))
    // Everyone else got their first-choice code.
    expect(stored.get([...stored.keys()].find((k) => k !== a && k !== b)!)).toBe(first([...stored.keys()].find((k) => k !== a && k !== b)!))

    // The file carries exactly the stored codes, one row per treated customer.
    const file = written.files[0] as ExportFileContent
    const { records } = csvRecords(file.content)
    expect(records).toHaveLength(plan.summary.coupons)
    expect(new Set(records.map((r) => r.code))).toEqual(new Set(codes))
    expect(records.every((r) => r.group === 'treatment' && r.offer_text !== '')).toBe(true)

    const campaign = db.prepare('SELECT code_prefix, code_length, first_exported_at, last_exported_at FROM campaigns WHERE id = ?').get(campaignId) as Record<string, unknown>
    expect(campaign).toMatchObject({ code_prefix: 'SPRING-', code_length: 9 })
    expect(campaign.first_exported_at).toBeTruthy()
  })

  it('re-exports the same codes, refuses new code settings, and the store refuses a duplicate code', async () => {
    const before = memberCodes()
    const again = await engine.call('export/write', csvArgs({ withHoldout: true }))
    expect(memberCodes()).toEqual(before)
    const coupons = again.files.find((f) => f.kind === 'coupons') as ExportFileContent
    const holdout = again.files.find((f) => f.kind === 'holdout') as ExportFileContent
    expect(holdout.fileName).toMatch(/HOLDOUT-DO-NOT-MAIL\.csv$/)
    const plan = await engine.call('plan/get', { planId })
    expect(holdout.rows).toBe(plan.summary.holdout)
    expect(lines(holdout).slice(1).join('\n')).not.toMatch(/SPRING-/)
    expect(csvRecords(coupons.content).records).toHaveLength(plan.summary.coupons)
    await expect(engine.call('export/write', csvArgs({ prefix: 'OTHER' }))).rejects.toMatchObject({ code: 'export.codes-fixed' })
    await expect(engine.call('export/write', csvArgs({ length: 12 }))).rejects.toMatchObject({ code: 'export.codes-fixed' })
    const listed = (await engine.call('export/plans', {}))[0]
    expect(listed?.codes).toEqual({ prefix: 'SPRING-', length: 9 })

    const [one, two] = [...before.values()] as string[]
    expect(() => db.prepare('UPDATE campaign_members SET code = ? WHERE code = ?').run(two!.toLowerCase(), one)).toThrow(/export\.code-taken/)
  })

  it('writes into the folder the face chose, and writes nothing when the merchant cancels', async () => {
    const folder = tempDir('ow-export-')
    const chosen = createEngine({ dbPath, resourcesDir: join(ROOT, 'resources'), shell: 'electron', workerScript: null, chooseExportFolder: async () => folder })
    const cancelled = createEngine({ dbPath, resourcesDir: join(ROOT, 'resources'), shell: 'electron', workerScript: null, chooseExportFolder: async () => null })
    try {
      const nothing = await cancelled.call('export/write', csvArgs({ format: 'shopify' }))
      expect(nothing).toMatchObject({ cancelled: true, files: [] })
      expect(readdirSync(folder)).toEqual([])
      const written = await chosen.call('export/write', csvArgs({ format: 'shopify', withHoldout: true }))
      expect(written.folder).toBe(folder)
      expect(written.files.map((f) => f.fileName).sort()).toEqual(readdirSync(folder).sort())
      expect(written.files.some((f) => 'content' in f)).toBe(false)
      const api = JSON.parse(readFileSync(join(folder, written.files.find((f) => f.fileName.endsWith('shopify-api.json'))!.fileName), 'utf8')) as unknown
      expect(JSON.stringify(api)).toContain([...memberCodes().values()][0])
    } finally {
      await chosen.close()
      await cancelled.close()
    }
  })
})
