import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ImportBatchSummary } from '../../src-main/engine/api'
import type { ExportablePlan } from '../../src-main/engine/export/export-api'
import type { Plan } from '../../src-main/engine/planner/planner-api'
import { REPO, engineCall, expect, snap, switchLanguage, test } from './fixtures'

const IMPORT_TIMEOUT = 150_000
const TRAIN_TIMEOUT = 5 * 60_000
const run = promisify(execFile)

test('exports an approved plan as a CSV download with one row per coupon, the holdout apart, in English and Chinese', async ({ app: page, served }) => {
  test.setTimeout(IMPORT_TIMEOUT + 2 * TRAIN_TIMEOUT + 3 * 60_000)

  // Before any approved plan the step says what to do.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Export the coupons' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No approved plan yet' })).toBeVisible()

  // Setup through the engine and the CLI: the sample shop, a quick training, a plan, approved through the API.
  await engineCall(served, 'import/sample')
  await expect
    .poll(async () => {
      const batches = await engineCall<ImportBatchSummary[]>(served, 'import/batches')
      // The sample's files import one after another, campaigns last: a batch not yet started is not listed at all.
      return batches.some((batch) => batch.recordKind === 'campaign-members' && batch.status === 'done')
    }, { timeout: IMPORT_TIMEOUT, intervals: [1_000] })
    .toBe(true)
  const cli = join(REPO, 'out/main/cli.js')
  await run(process.execPath, [cli, 'train', '--db', served.dbPath, '--epochs', 'purchase=10,sequence=2,affinity=2'], { cwd: REPO, timeout: TRAIN_TIMEOUT })
  const { stdout } = await run(process.execPath, [cli, 'plan', '--db', served.dbPath, '--budget', '200', '--json'], { cwd: REPO, timeout: TRAIN_TIMEOUT, maxBuffer: 64 * 1024 * 1024 })
  const plan = JSON.parse(stdout) as Plan
  await engineCall<Plan>(served, 'plan/approve', { planId: plan.id })
  expect(plan.summary.coupons).toBeGreaterThan(0)

  await page.reload()
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(page.getByTestId('export-plan')).toHaveValue(String(plan.id))
  await expect(page.getByTestId('format-shopify').locator('xpath=..')).toContainText('Matrixify')
  await expect(page.getByTestId('export-counts')).toHaveText(`${plan.summary.coupons.toLocaleString('en')} customers with a coupon · ${plan.summary.holdout.toLocaleString('en')} in the holdout`)

  // The holdout list is its own file, marked DO NOT MAIL, only when asked for.
  const files = page.getByTestId('export-file')
  await expect(files).toHaveCount(1)
  await page.getByTestId('export-holdout').getByRole('checkbox').check()
  await expect(files).toHaveCount(2)
  const holdoutFile = page.locator('[data-testid=export-file][data-kind=holdout]')
  await expect(holdoutFile).toContainText('HOLDOUT-DO-NOT-MAIL.csv')
  await expect(holdoutFile).toContainText('DO NOT MAIL')
  await expect(holdoutFile.getByTestId('export-file-rows')).toHaveText(`${plan.summary.holdout.toLocaleString('en')} rows`)
  await page.getByTestId('export-holdout').getByRole('checkbox').uncheck()
  await expect(files).toHaveCount(1)

  // A prefix: the preview table shows the first rows as the file will hold them, with the new codes.
  await page.getByTestId('code-prefix').fill('SPRING-')
  const sample = files.first().getByTestId('export-sample')
  await expect(sample.locator('tbody td').filter({ hasText: /^SPRING-[2-9A-HJKMNP-Z]{9}$/ })).toHaveCount(5)
  await expect(sample.locator('thead th')).toHaveText(['customer_id', 'email', 'group', 'discount_type', 'discount_value', 'min_spend', 'applies_to', 'starts_at', 'expires_at', 'p_buy_without', 'p_buy_with', 'expected_cost', 'expected_incremental_profit', 'reason', 'code', 'offer_text'])
  await expect(sample.locator('caption')).toHaveText(`First 5 of ${plan.summary.coupons.toLocaleString('en')} rows, exactly as the file will hold them`)
  await expect(files.first().getByTestId('export-file-where')).toContainText('Any spreadsheet')
  const previewCodes = await sample.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.children[14]?.textContent ?? ''))

  // Shopify: two files, each with its tool and its own first rows (the API file as one row per discount).
  await page.getByTestId('format-shopify').check()
  await expect(files).toHaveCount(2)
  await expect(files.nth(0).getByTestId('export-file-where')).toContainText('Shopify · Matrixify app')
  await expect(files.nth(1).getByTestId('export-file-where')).toContainText('Shopify · Admin API')
  await expect(files.nth(0).getByTestId('export-sample').locator('thead th').first()).toHaveText('Title')
  await expect(files.nth(1).getByTestId('export-sample').locator('tbody td').nth(1)).toHaveText('discountCodeBasicCreate')
  await page.getByTestId('format-csv').check()
  await expect(files).toHaveCount(1)
  await expect(sample.locator('tbody td').filter({ hasText: /^SPRING-/ })).toHaveCount(5)
  await snap(page, 'export-en')

  // Export: the browser downloads the CSV the engine wrote.
  const downloaded = page.waitForEvent('download')
  await page.getByTestId('export-write').click()
  const download = await downloaded
  expect(download.suggestedFilename()).toBe(`offerwise-plan-${plan.id}-coupons.csv`)
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '')
  const lines = text.trimEnd().split('\r\n')
  expect(lines[0]).toBe('customer_id,email,group,discount_type,discount_value,min_spend,applies_to,starts_at,expires_at,p_buy_without,p_buy_with,expected_cost,expected_incremental_profit,reason,code,offer_text')
  expect(lines).toHaveLength(plan.summary.coupons + 1)
  const codes = lines.slice(1).map((line) => /,(SPRING-[2-9A-HJKMNP-Z]{9}),/.exec(line)?.[1])
  expect(codes.every((code) => code !== undefined)).toBe(true)
  expect(new Set(codes).size).toBe(codes.length)
  // The preview showed exactly the file's first codes.
  expect(codes.slice(0, 5)).toEqual(previewCodes)
  await expect(page.getByTestId('export-done')).toHaveText('1 files downloaded.')

  // Exported: the codes are fixed, the step says so, and the store agrees.
  await expect(page.getByTestId('code-prefix')).toBeDisabled()
  await expect(page.getByTestId('codes-note')).toContainText('stay the same')
  const listed = await engineCall<ExportablePlan[]>(served, 'export/plans')
  expect(listed[0]).toMatchObject({ planId: plan.id, codes: { prefix: 'SPRING-', length: 9 } })

  await switchLanguage(page, '简体中文')
  await expect(page.getByRole('heading', { level: 1, name: '导出优惠券' })).toBeVisible()
  await expect(page.getByTestId('codes-note')).toContainText('保持不变')
  await expect(files.first().getByTestId('export-sample').locator('caption')).toContainText('与文件中的内容完全一致')
  await expect(files.first().getByTestId('export-file-where')).toContainText('任意电子表格')
  await snap(page, 'export-zh')
})
