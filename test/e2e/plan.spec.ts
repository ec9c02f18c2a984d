import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ImportBatchSummary } from '../../src-main/engine/api'
import type { Plan, PlanListItem, PlanRow } from '../../src-main/engine/planner/planner-api'
import { REPO, engineCall, expect, parseCount, snap, switchLanguage, test, type Served } from './fixtures'

const IMPORT_TIMEOUT = 150_000
const TRAIN_TIMEOUT = 5 * 60_000
const PLAN_TIMEOUT = 5 * 60_000
const run = promisify(execFile)

type Rows = { total: number; rows: PlanRow[] }

async function latestPlan(served: Served): Promise<Plan> {
  const list = await engineCall<PlanListItem[]>(served, 'plan/list')
  const newest = list.toSorted((a, b) => b.id - a.id)[0]
  if (!newest) throw new Error('plan/list is empty')
  return engineCall<Plan>(served, 'plan/get', { planId: newest.id })
}

test('plans coupons on the sample shop, re-plans live, reviews, locks and approves, in English and Chinese', async ({ app: page, served }) => {
  test.setTimeout(IMPORT_TIMEOUT + TRAIN_TIMEOUT + PLAN_TIMEOUT + 4 * 60_000)

  // Without a trained model the step says so and offers the way to Learn.
  await page.getByRole('button', { name: 'Plan', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Plan coupons that pay for themselves' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Train a model first' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Go to Learn' })).toBeVisible()

  // The sample shop (orders and its past campaigns), then a quick training through the CLI on the same store.
  await engineCall(served, 'import/sample')
  await expect
    .poll(async () => {
      const batches = await engineCall<ImportBatchSummary[]>(served, 'import/batches')
      // The sample's files import one after another, campaigns last: a batch not yet started is not listed at all.
      return batches.some((batch) => batch.recordKind === 'campaign-members' && batch.status === 'done')
    }, { timeout: IMPORT_TIMEOUT, intervals: [1_000] })
    .toBe(true)
  await run(process.execPath, [join(REPO, 'out/main/cli.js'), 'train', '--db', served.dbPath, '--epochs', 'purchase=10,sequence=2,affinity=2'], {
    cwd: REPO,
    timeout: TRAIN_TIMEOUT,
  })
  await page.reload()
  await expect(page.getByTestId('db-path')).toContainText(served.dbPath)
  await page.getByRole('button', { name: 'Plan', exact: true }).click()

  // Settings with their defaults, then Make plan (a job with progress).
  const settings = page.getByTestId('plan-settings')
  await expect(settings).toBeVisible()
  for (const level of ['5%', '10%', '15%', '20%']) await expect(settings.getByRole('button', { name: level, exact: true })).toHaveAttribute('aria-pressed', 'true')
  await expect(settings.getByRole('button', { name: '25%', exact: true })).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByTestId('holdout-slider')).toHaveValue('10')
  await page.getByTestId('budget-box').fill('400')
  await page.getByTestId('budget-box').blur()
  await snap(page, 'plan-settings-en')
  await page.getByTestId('make-plan').click()
  const summary = page.getByTestId('plan-summary')
  await expect(summary).toBeVisible({ timeout: PLAN_TIMEOUT })

  // The summary on screen is the engine's plan.
  let plan = await latestPlan(served)
  expect(plan.settings.budget).toBe(400)
  expect(plan.summary.expectedCost).toBeLessThanOrEqual(400 + 1e-6)
  expect(parseCount(await page.getByTestId('tile-coupons').locator('.value').textContent())).toBe(plan.summary.coupons)
  expect(parseCount(await page.getByTestId('tile-holdout').locator('.value').textContent())).toBe(plan.summary.holdout)
  expect(plan.summary.holdout).toBeGreaterThan(0)
  await expect(page.getByTestId('frontier-chart')).toHaveAttribute('role', 'img')
  await expect(page.getByTestId('by-offer-table').locator('tbody tr')).toHaveCount(plan.byOffer.filter((row) => row.coupons > 0).length)
  if (plan.response.kind === 'measured') {
    await expect(page.getByTestId('response-measured')).toBeVisible()
    if (plan.response.evaluation) await expect(page.getByTestId('qini-chart').locator('path.curve')).toHaveCount(plan.response.evaluation.qini.length)
  } else {
    await expect(page.getByTestId('response-assumed')).toContainText("Response assumed, not measured: this plan's holdout will measure it")
  }

  // Moving the budget slider re-solves live: the summary follows, and the cost never passes the budget.
  const slider = page.getByTestId('budget-slider')
  const max = Number(await slider.getAttribute('max'))
  expect(max).toBeGreaterThan(0)
  const before = plan.summary
  await slider.fill(String(Math.round(max * 0.25)))
  // The slider snaps to its step: the budget planned is the value it shows.
  const smaller = Number(await slider.inputValue())
  expect(smaller).toBeLessThan(max * 0.3)
  await expect.poll(async () => (await latestPlan(served)).settings.budget, { timeout: 10_000 }).toBeCloseTo(smaller, 0)
  plan = await latestPlan(served)
  expect(plan.summary.expectedCost).toBeLessThanOrEqual(plan.settings.budget + 1e-6)
  expect(plan.summary.coupons).not.toBe(before.coupons)
  await expect(page.getByTestId('tile-coupons').locator('.value')).toHaveText(new RegExp(`^${plan.summary.coupons.toLocaleString('en')}$`))
  const costShown = Number(await page.getByTestId('tile-cost').getAttribute('data-value'))
  expect(costShown).toBeLessThanOrEqual(plan.settings.budget + 1e-6)
  await expect(page.getByTestId('frontier-marker')).toHaveAttribute('data-budget', String(plan.settings.budget))
  await snap(page, 'plan-en')

  // Review: the engine's rows, filtered on the server.
  await page.getByTestId('go-review').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Review the plan' })).toBeVisible()
  const count = page.getByTestId('review-count')
  const all = await engineCall<Rows>(served, 'plan/rows', { planId: plan.id, filter: {}, sort: 'profit', offset: 0, limit: 5 })
  await expect(count).toHaveText(`${all.total.toLocaleString('en')} customers`)
  const table = page.getByTestId('review-table')
  await expect(table.locator('[role=row][data-row-key]').first()).toHaveAttribute('data-row-key', String(all.rows[0]?.customerId))

  await page.getByTestId('filter-group').selectOption('treatment')
  const treated = await engineCall<Rows>(served, 'plan/rows', { planId: plan.id, filter: { group: 'treatment' }, sort: 'profit', offset: 0, limit: 50 })
  await expect(count).toHaveText(`${treated.total.toLocaleString('en')} customers`)
  await expect(table.getByTestId('row-group').first()).toHaveText('Coupon')
  const offerId = plan.byOffer.find((row) => row.coupons > 0)?.offerId ?? ''
  await page.getByTestId('filter-offer').selectOption(offerId)
  const withOffer = await engineCall<Rows>(served, 'plan/rows', { planId: plan.id, filter: { group: 'treatment', offerId }, sort: 'profit', offset: 0, limit: 50 })
  await expect(count).toHaveText(`${withOffer.total.toLocaleString('en')} customers`)
  const offerTexts = await table.getByTestId('row-offer').allTextContents()
  expect(new Set(offerTexts.map((text) => text.trim())).size).toBe(1)

  // Lock someone to a different offer from the drill-down.
  const someone = withOffer.rows[0]
  if (!someone) throw new Error('no treated row with that offer')
  await table.locator(`[role=row][data-row-key="${someone.customerId}"]`).click()
  const drawer = page.getByTestId('customer-drawer')
  await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(someone.name ?? someone.email ?? `Customer ${someone.shopId}`)
  await expect(drawer.getByTestId('drawer-reasons').locator('li').first()).not.toHaveText(/^[a-z-]+$/)
  const choices = await drawer.getByTestId('change-offer-select').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))
  const other = choices.find((id) => id !== offerId) ?? ''
  expect(other).not.toBe('')
  await drawer.getByTestId('change-offer-select').selectOption(other)
  await drawer.getByTestId('change-offer').click()
  await expect(drawer.getByTestId('drawer-lock')).toBeVisible()
  const find = async (): Promise<PlanRow | undefined> =>
    (await engineCall<Rows>(served, 'plan/rows', { planId: plan.id, filter: { search: someone.shopId ?? someone.email ?? '' }, sort: 'profit', offset: 0, limit: 20 })).rows.find(
      (row) => row.customerId === someone.customerId,
    )
  await expect.poll(async () => (await find())?.lock).toBe('offer')
  expect((await find())?.offer?.id).toBe(other)
  await page.getByTestId('filter-offer').selectOption('')
  await page.getByTestId('review-search').fill(someone.shopId ?? someone.email ?? '')
  await expect(table.locator(`[role=row][data-row-key="${someone.customerId}"]`).getByTestId('row-lock')).toHaveText('Locked')
  await snap(page, 'review-en')

  // Re-plan with another budget: the lock survives.
  await drawer.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'Plan', exact: true }).click()
  await page.getByTestId('budget-slider').fill(String(Math.round(max * 0.6)))
  // The slider snaps to its step: the budget planned is the value it shows.
  const larger = Number(await page.getByTestId('budget-slider').inputValue())
  expect(larger).toBeGreaterThan(max * 0.55)
  await expect.poll(async () => (await latestPlan(served)).settings.budget, { timeout: 10_000 }).toBeCloseTo(larger, 0)
  const kept = await find()
  expect(kept?.lock).toBe('offer')
  expect(kept?.offer?.id).toBe(other)

  // Approve, with a confirmation; the approved plan is read-only and says so.
  await page.getByTestId('go-review').click()
  await expect(table.locator(`[role=row][data-row-key="${someone.customerId}"]`).getByTestId('row-lock')).toHaveText('Locked')
  await page.getByTestId('approve-plan').click()
  const dialog = page.getByRole('dialog', { name: 'Approve this plan?' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(page.getByTestId('review-approved')).toBeVisible()
  expect((await latestPlan(served)).status).toBe('approved')
  await expect(page.getByTestId('approve-plan')).toHaveCount(0)
  await table.locator(`[role=row][data-row-key="${someone.customerId}"]`).click()
  await expect(drawer).toContainText('The plan is approved: nothing in it can change.')
  await expect(drawer.getByTestId('change-offer')).toHaveCount(0)
  await drawer.getByRole('button', { name: 'Close' }).click()
  await page.getByTestId('review-search').fill('')
  const treatedNow = await engineCall<Rows>(served, 'plan/rows', { planId: plan.id, filter: { group: 'treatment' }, sort: 'profit', offset: 0, limit: 1 })
  await expect(count).toHaveText(`${treatedNow.total.toLocaleString('en')} customers`)
  await snap(page, 'review-approved-en')

  // The same steps in Simplified Chinese.
  await switchLanguage(page, '简体中文')
  await expect(page.getByRole('heading', { level: 1, name: '审核计划' })).toBeVisible()
  await expect(page.getByTestId('review-approved')).toContainText('此计划为只读')
  await table.locator('[role=row][data-row-key]').first().click()
  await expect(drawer.getByRole('heading', { name: '原因' })).toBeVisible()
  await snap(page, 'review-zh')
  await drawer.getByRole('button', { name: '关闭' }).click()
  await page.getByRole('navigation', { name: '步骤' }).getByRole('button', { name: '计划' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '规划能带来真实利润的优惠券' })).toBeVisible()
  await expect(page.getByTestId('plan-approved')).toBeVisible()
  await expect(page.getByTestId('budget-slider')).toBeDisabled()
  await snap(page, 'plan-zh')
})
