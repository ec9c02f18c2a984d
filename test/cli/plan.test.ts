import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Plan, PlanListItem } from '../../src-main/engine/planner/planner-api'
import { offerwise, offerwiseJson, requireBuild, tempDb } from './run-cli'

let db: string
let plan: Plan
let csvPath: string

beforeAll(() => {
  requireBuild()
  db = tempDb()
  expect(offerwise(['sample', '--db', db]).status).toBe(0)
  expect(offerwise(['train', '--db', db, '--epochs', 'purchase=10,sequence=2,affinity=2']).status).toBe(0)
  csvPath = join(dirname(db), 'plan.csv')
  plan = offerwiseJson<Plan>(['plan', '--db', db, '--budget', '200', '--offers', 'percent:5,10,15,20;fixed:5', '--holdout', '15%', '--include-without-consent', '--out', csvPath])
}, 600_000)

describe('offerwise plan', () => {
  it('prints the plan id, its summary and the response model evaluation, within the budget', () => {
    expect(plan.id).toBeGreaterThan(0)
    expect(plan.summary.coupons).toBeGreaterThan(0)
    expect(plan.summary.expectedCost).toBeLessThanOrEqual(200)
    expect(plan.settings.holdoutShare).toBeCloseTo(0.15)
    expect(plan.offers.map((o) => o.id)).toEqual(['percent:5', 'percent:10', 'percent:15', 'percent:20', 'fixed:5'])
    // The sample shop ran two randomised campaigns: the response is measured and judged on held-out members.
    expect(plan.response.kind).toBe('measured')
    expect(plan.response.evaluation?.upliftAt.map((u) => u.share)).toEqual([0.1, 0.2, 0.3])
  })

  it('writes one row per customer planned for, holdout included, by the shop\'s own customer id', () => {
    const [header, ...rows] = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    expect(header).toBe('customer_id,email,group,discount_type,discount_value,min_spend,applies_to,starts_at,expires_at,p_buy_without,p_buy_with,expected_cost,expected_incremental_profit,reason')
    expect(rows.length).toBe(plan.summary.eligible + plan.summary.holdout + plan.summary.excluded)
    const groups = rows.map((r) => r.split(',')[2])
    expect(groups.filter((g) => g === 'treatment').length).toBe(plan.summary.coupons)
    expect(groups.filter((g) => g === 'holdout').length).toBe(plan.summary.holdout)
    // Shopify customer ids, never the store's row numbers.
    for (const row of rows.slice(0, 50)) expect(row.split(',')[0]).toMatch(/^\d{13}$/)
    const treated = rows.find((r) => r.includes(',treatment,'))!
    expect(treated).toMatch(/,2025-01-01,2025-01-14,/)
    expect(treated).toContain('Chance to buy')
  })

  it('shows, lists and approves plans; unknown plans and bad options are errors', () => {
    const shown = offerwiseJson<Plan>(['plan', 'show', String(plan.id), '--db', db, '--budget', '50'])
    expect(shown.summary.expectedCost).toBeLessThanOrEqual(50)
    const list = offerwiseJson<PlanListItem[]>(['plan', 'list', '--db', db])
    expect(list.map((p) => p.id)).toContain(plan.id)
    const approved = offerwiseJson<Plan>(['plan', 'approve', String(plan.id), '--db', db])
    expect(approved.status).toBe('approved')
    const again = offerwise(['plan', 'show', String(plan.id), '--db', db, '--budget', '10'])
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/approved/)
    const missing = offerwise(['plan', 'show', '999', '--db', db])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/no plan number 999/)
    expect(offerwise(['plan', '--db', db]).stderr).toMatch(/needs --budget/)
    expect(offerwise(['plan', '--db', db, '--budget', 'lots']).status).toBe(2)
    expect(offerwise(['plan', '--db', db, '--budget', '100', '--holdout', '80%']).stderr).toMatch(/--holdout expects a share/)
    expect(offerwise(['plan', '--db', db, '--budget', '100', '--offers', 'percent:x']).stderr).toMatch(/--offers/)
  })
})
