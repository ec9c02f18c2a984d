import ExcelJS from 'exceljs'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ImportBatchSummary } from '../../src-main/engine/api'
import type { Plan } from '../../src-main/engine/planner/planner-api'
import type { CampaignResult, ResultsImportAccounting } from '../../src-main/engine/results/results-api'
import { csvRecords } from '../unit/export/export-fixtures'
import { offerwise, offerwiseJson, requireBuild, tempDb } from './run-cli'

interface Printed {
  planId: number
  folder: string
  codes: { prefix: string; length: number; count: number; fixed: boolean }
  firstExportedAt: string | null
  files: { path: string; fileName: string; kind: 'coupons' | 'holdout'; rows: number; warnings: string[] }[]
}

let db: string
let plan: Plan
let draft: Plan
let out: string

beforeAll(() => {
  requireBuild()
  db = tempDb()
  out = join(dirname(db), 'export')
  expect(offerwise(['sample', '--db', db]).status).toBe(0)
  expect(offerwise(['train', '--db', db, '--epochs', 'purchase=10,sequence=2,affinity=2']).status).toBe(0)
  plan = offerwiseJson<Plan>(['plan', '--db', db, '--budget', '200'])
  draft = offerwiseJson<Plan>(['plan', '--db', db, '--budget', '50'])
  expect(offerwiseJson<Plan>(['plan', 'approve', String(plan.id), '--db', db]).status).toBe('approved')
}, 600_000)

describe('offerwise export', () => {
  it('refuses a draft, an unknown plan and a missing or unknown format', () => {
    const fromDraft = offerwise(['export', String(draft.id), '--db', db, '--format', 'csv', '--out', out, '--json'])
    expect(fromDraft.status).toBe(1)
    expect(JSON.parse(fromDraft.stderr).error.code).toBe('export.plan-not-approved')
    const unknown = offerwise(['export', '999', '--db', db, '--format', 'csv', '--out', out])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toMatch(/no plan number 999/)
    expect(offerwise(['export', String(plan.id), '--db', db]).status).toBe(2)
    expect(offerwise(['export', String(plan.id), '--db', db, '--format', 'pdf']).status).toBe(2)
    expect(() => readdirSync(out)).toThrow()
  })

  it('writes the CSV with one row per coupon and the holdout apart, then the same codes in every later format', async () => {
    const first = offerwiseJson<Printed>(['export', String(plan.id), '--db', db, '--format', 'csv', '--out', out, '--with-holdout', '--prefix', 'ow-'])
    expect(first.codes).toMatchObject({ prefix: 'OW-', length: 9, fixed: true, count: plan.summary.coupons })
    expect(first.files.map((f) => f.kind).sort()).toEqual(['coupons', 'holdout'])
    const coupons = first.files.find((f) => f.kind === 'coupons')!
    const holdout = first.files.find((f) => f.kind === 'holdout')!
    expect(holdout.fileName).toMatch(/HOLDOUT-DO-NOT-MAIL\.csv$/)
    const { header, records } = csvRecords(readFileSync(coupons.path, 'utf8'))
    expect(header.slice(-2)).toEqual(['code', 'offer_text'])
    expect(records).toHaveLength(plan.summary.coupons)
    expect(coupons.rows).toBe(plan.summary.coupons)
    const codes = records.map((r) => r.code!)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) expect(code).toMatch(/^OW-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{9}$/)
    const held = csvRecords(readFileSync(holdout.path, 'utf8')).records
    expect(held).toHaveLength(plan.summary.holdout)
    expect(held.some((r) => Object.values(r).some((v) => v.startsWith('OW-')))).toBe(false)

    // Later exports: the same codes, whatever the format; the codes' settings are fixed.
    const again = offerwiseJson<Printed>(['export', '--plan', String(plan.id), '--db', db, '--format', 'xlsx', '--out', out])
    expect(again.firstExportedAt).toBe(first.firstExportedAt)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(again.files[0]!.path)
    const sheet = book.worksheets[0]!
    const codeColumn = (sheet.getRow(1).values as unknown[]).indexOf('code')
    const xlsxCodes: string[] = []
    sheet.eachRow((row, n) => {
      if (n > 1) xlsxCodes.push(String(row.getCell(codeColumn).value))
    })
    expect(new Set(xlsxCodes)).toEqual(new Set(codes))
    const shopify = offerwiseJson<Printed>(['export', String(plan.id), '--db', db, '--format', 'shopify', '--out', out])
    expect(shopify.files.map((f) => f.fileName.replace(/^.*-/, ''))).toEqual(['discounts.csv', 'api.json'])
    const sheetCodes = csvRecords(readFileSync(shopify.files[0]!.path, 'utf8')).records.map((r) => r.Code)
    expect(new Set(sheetCodes)).toEqual(new Set(codes))
    const changed = offerwise(['export', String(plan.id), '--db', db, '--format', 'csv', '--out', out, '--prefix', 'NEW', '--json'])
    expect(changed.status).toBe(1)
    expect(JSON.parse(changed.stderr).error.code).toBe('export.codes-fixed')
    // E-mail tools refuse dropped e-mails; the human output names every file with its rows.
    expect(offerwise(['export', String(plan.id), '--db', db, '--format', 'klaviyo', '--privacy', 'drop', '--out', out]).status).toBe(1)
    const human = offerwise(['export', String(plan.id), '--db', db, '--format', 'mailchimp', '--out', out])
    expect(human.status).toBe(0)
    expect(human.stdout).toMatch(new RegExp(`mailchimp\\.csv: \\d+ rows`))
  })

  it('the issue\'s forms: export --plan ID --out PATH --hash-pii, results --plan ID and results import FILE --plan ID', () => {
    const hashedOut = join(out, 'hashed')
    const hashed = offerwiseJson<Printed>(['export', '--plan', String(plan.id), '--db', db, '--format', 'csv', '--out', hashedOut, '--hash-pii'])
    const plain = csvRecords(readFileSync(join(out, hashed.files[0]!.fileName), 'utf8')).records
    const { header, records } = csvRecords(readFileSync(hashed.files[0]!.path, 'utf8'))
    expect(dirname(hashed.files[0]!.path)).toBe(hashedOut)
    const emailColumn = header.find((h) => /e-?mail/i.test(h))!
    expect(emailColumn).toBeDefined()
    expect(records).toHaveLength(plain.length)
    // Every e-mail is a 64-hex HMAC, none is the customer's address; codes are unchanged.
    for (const r of records) if (r[emailColumn]) expect(r[emailColumn]).toMatch(/^[0-9a-f]{64}$/)
    expect(records.some((r) => r[emailColumn]?.includes('@'))).toBe(false)
    expect(records.map((r) => r.code)).toEqual(plain.map((r) => r.code))

    // results --plan: the plan's own campaign.
    const result = offerwiseJson<CampaignResult>(['results', '--plan', String(plan.id), '--db', db])
    expect(result.campaign).toMatchObject({ source: 'plan', planId: plan.id })
    expect(result.members.treatment).toBe(plan.summary.coupons)
    const fromDraft = offerwise(['results', '--plan', String(draft.id), '--db', db, '--json'])
    expect(fromDraft.status).toBe(1)
    expect(JSON.parse(fromDraft.stderr).error.code).toBe('results.plan-not-approved')
    expect(JSON.parse(offerwise(['results', '--plan', '999', '--db', db, '--json']).stderr).error.code).toBe('results.plan-not-found')
    expect(offerwise(['results', '--plan', String(plan.id), '5', '--db', db]).status).toBe(2)

    // results import FILE --plan ID: two of the plan's codes redeemed, then that plan's result, in one JSON document.
    const used = plain.slice(0, 2)
    const emailOf = (r: Record<string, string>): string => r[emailColumn] ?? ''
    const day = `${result.campaign.sentAt.slice(0, 10)} 12:00`
    const file = join(out, 'redemptions.csv')
    writeFileSync(file, ['code,order_id,used at,amount,email', ...used.map((r, i) => `${r.code},#R${i + 1},${day},5.00,${emailOf(r)}`)].join('\n'))
    const beforeDraft = offerwiseJson<ImportBatchSummary[]>(['batches', '--db', db]).length
    const refused = offerwise(['results', 'import', file, '--plan', String(draft.id), '--db', db, '--json'])
    expect(refused.status).toBe(1)
    expect(JSON.parse(refused.stderr).error.code).toBe('results.plan-not-approved')
    expect(offerwiseJson<ImportBatchSummary[]>(['batches', '--db', db])).toHaveLength(beforeDraft)
    const both = offerwiseJson<{ import: { status: string; batches: ImportBatchSummary[] }; accounting: ResultsImportAccounting[]; result: CampaignResult }>(['results', 'import', file, '--plan', String(plan.id), '--db', db])
    expect(both.import.batches[0]).toMatchObject({ recordKind: 'redemptions', rows: 2, imported: 2, rejected: 0 })
    // What the file did for this plan's campaign, as the Results step shows it.
    expect(both.accounting).toHaveLength(1)
    expect(both.accounting[0]).toMatchObject({ kind: 'redemptions', campaignId: both.result.campaign.id, redemptions: { matched: 2, otherCustomer: 0, unknownCode: 0 } })
    expect(both.result.campaign.planId).toBe(plan.id)
    // The two redeemed members' outcomes are now known: they bought with their codes.
    expect(both.result.members.unknown).toBe(Math.max(0, result.members.unknown - 2))
  })
})
