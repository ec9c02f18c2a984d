/**
 * `offerwise export` on a synthetic store (bench/export-store.ts: 6,000
 * customers, an approved plan; no training needed): short file names that
 * name the plan once, progress on stderr while stdout stays the result, and a
 * scoped-offer-free plan written in every format.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { insertApprovedPlan, insertCustomers } from '../../bench/export-store'
import { openStore } from '../../src-main/engine/store/open-store'
import { csvRecords } from '../unit/export/export-fixtures'
import { offerwise, requireBuild, tempDb } from './run-cli'

interface Printed {
  files: { path: string; fileName: string; kind: 'coupons' | 'holdout'; rows: number }[]
}

const N = 6000
let db: string
let out: string
let planId: number

beforeAll(() => {
  requireBuild()
  db = tempDb()
  out = join(dirname(db), 'export')
  const store = openStore(db)
  insertCustomers(store.db, N)
  planId = insertApprovedPlan(store.db, N, 1)
  store.close()
})

describe('offerwise export files and progress', () => {
  it('names files after the plan once, and is quiet on stderr with --json', () => {
    const run = offerwise(['export', String(planId), '--db', db, '--format', 'klaviyo', '--with-holdout', '--out', out, '--json'])
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
    const printed = JSON.parse(run.stdout) as Printed
    expect(printed.files.map((f) => f.fileName)).toEqual([
      `offerwise-plan-${planId}-klaviyo-profiles.csv`,
      `offerwise-plan-${planId}-coupon-codes.csv`,
      `offerwise-plan-${planId}-HOLDOUT-DO-NOT-MAIL.csv`,
    ])
    const profiles = csvRecords(readFileSync(printed.files[0].path, 'utf8')).records
    const holdout = csvRecords(readFileSync(printed.files[2].path, 'utf8')).records
    expect(profiles.length + holdout.length).toBe(N)
  })

  it('shows progress on stderr in the UI\'s words, stdout staying the JSON result alone', () => {
    const run = offerwise(['export', String(planId), '--db', db, '--format', 'woocommerce', '--out', out, '--json', '--progress'])
    expect(run.status).toBe(0)
    // Not a terminal: one line per step.
    expect(run.stderr).toMatch(/^Writing the files/m)
    expect((JSON.parse(run.stdout) as Printed).files.map((f) => f.fileName)).toEqual([
      `offerwise-plan-${planId}-woocommerce-coupons.csv`,
      `offerwise-plan-${planId}-woocommerce-rest.json`,
    ])
    // Without --json, progress shows as well, and the summary names each file.
    const human = offerwise(['export', String(planId), '--db', db, '--format', 'mailchimp', '--out', out])
    expect(human.status).toBe(0)
    expect(human.stderr).toMatch(/Writing the files/)
    expect(human.stdout).toContain(`offerwise-plan-${planId}-mailchimp.csv: `)
  })

  it('makes the codes on the first export, with its step shown', () => {
    const fresh = tempDb()
    const store = openStore(fresh)
    insertCustomers(store.db, 3000)
    const id = insertApprovedPlan(store.db, 3000, 2)
    store.close()
    const run = offerwise(['export', String(id), '--db', fresh, '--format', 'csv', '--out', join(dirname(fresh), 'out'), '--progress', '--json'])
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(/^Making one unique code per customer/m)
    expect(run.stderr).toMatch(/^Writing the files/m)
  })
})
