import type { ImportBatchSummary, RejectRow } from '../../src-main/engine/api'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { REPO, engineCall, expect, parseCount, snap, switchLanguage, test } from './fixtures'

test('shows rejected rows with translated reasons and downloads them as CSV', async ({ app: page, served }) => {
  await page.getByTestId('file-input').setInputFiles(join(REPO, 'test/e2e/fixtures/orders-with-problems.csv'))
  await expect(page.getByTestId('detected-format')).toHaveText('Detected: Other: one row per order line')
  await page.getByRole('button', { name: 'Import this file' }).click()

  const summary = page.getByTestId('import-summary')
  const equation = summary.getByTestId('equation')
  await expect(equation).toBeVisible()
  const [batch] = await engineCall<ImportBatchSummary[]>(served, 'import/batches')
  expect(batch!.rejected).toBeGreaterThan(0)
  for (const key of ['rows', 'imported', 'duplicate', 'rejected'] as const) {
    expect(parseCount(await equation.locator(`[data-count="${key}"]`).textContent()), key).toBe(batch![key])
  }
  expect(batch!.imported + batch!.duplicate + batch!.rejected).toBe(batch!.rows)

  const { rows } = await engineCall<{ rows: RejectRow[] }>(served, 'import/rejects', { batchId: batch!.id, offset: 0, limit: 50 })
  const table = summary.getByTestId('rejects-table')
  await expect(table.locator('tbody tr')).toHaveCount(rows.length)
  await expect(table).toContainText('“two” in column “Quantity” is not a number.')
  await expect(table).toContainText('7003,2024-02-11,cai@example.com')
  await snap(page, 'rejects-en')

  const downloading = page.waitForEvent('download')
  await summary.getByRole('button', { name: 'Download rejects (CSV)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/rejects\.csv$/)
  const csv = await readFile((await download.path())!, 'utf8')
  expect(csv).toContain('is not a number')
  expect(csv.split(/\r?\n/).filter((line) => line.trim() !== '').length).toBe(rows.length + 1)

  await switchLanguage(page, '简体中文')
  await expect(table).toContainText('“Quantity”列中的“two”不是数字。')
  await snap(page, 'rejects-zh')
})

test('explains ambiguous dates and imports once the merchant picks the date order', async ({ app: page }) => {
  await page.getByTestId('file-input').setInputFiles(join(REPO, 'test/fixtures/formats/generic-ambiguous-dates.csv'))
  await page.getByRole('button', { name: 'Import this file' }).click()
  const summary = page.getByTestId('import-summary')
  await expect(summary.getByRole('alert')).toContainText('The dates in column “Date” could be day-month or month-day (for example 03/04/2024)')
  await snap(page, 'dates-ambiguous-en')

  // The file that failed stays in the queue, ready to be fixed.
  await expect(summary.getByRole('heading', { name: 'Nothing was imported' })).toBeVisible()
  await summary.getByRole('button', { name: 'Back to the files' }).click()
  const card = page.getByTestId('staged-file')
  await expect(card.getByRole('alert')).toContainText('Choose the date order under Options')
  await snap(page, 'dates-retry-en')
  await card.getByLabel('Date order').selectOption('dmy')
  await expect(card.getByRole('alert')).toHaveCount(0)
  await page.getByRole('button', { name: 'Import this file' }).click()
  await expect(summary.getByRole('heading', { name: 'Import finished' })).toBeVisible()
  expect(parseCount(await summary.locator('[data-count="imported"]').textContent())).toBeGreaterThan(0)
})
