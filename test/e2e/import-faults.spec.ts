/** Issue 9: the Import step names a file that blocks the batch, and offers to keep the readable part of a file cut short. */
import type { ImportBatchSummary } from '../../src-main/engine/api'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO, engineCall, expect, parseCount, test } from './fixtures'

test('names the header-only file that holds back a batch, and what is wrong with it', async ({ app: page }) => {
  const csv = (name: string) => ({ name, mimeType: 'text/csv', buffer: readFileSync(join(REPO, 'test/fixtures/formats', name)) })
  await page.getByTestId('file-input').setInputFiles([
    csv('shopify-orders.csv'),
    { name: 'only-header.csv', mimeType: 'text/csv', buffer: Buffer.from('order_id,order_date,email,total\n') },
    csv('woocommerce-orders.csv'),
  ])
  await expect(page.getByTestId('staged-file')).toHaveCount(3)
  const start = page.getByRole('button', { name: 'Import 3 files' })
  await expect(start).toBeDisabled()
  const attention = page.getByTestId('import-attention')
  await expect(attention.locator('li')).toHaveCount(1)
  await expect(attention).toContainText('only-header.csv: The file has a header row but no data rows.')
  await expect(page.getByTestId('import-bar-status')).toContainText('One file needs attention before importing:')

  // Removing it lets the other two go.
  await page.getByTestId('staged-file').filter({ hasText: 'only-header.csv' }).getByRole('button', { name: 'Remove from the list' }).click()
  await expect(page.getByRole('button', { name: 'Import 2 files' })).toBeEnabled()
  await expect(attention).toHaveCount(0)
})

test('a cut-short .gz fails and writes nothing, until the merchant keeps the readable part', async ({ app: page, served }) => {
  const whole = readFileSync(join(REPO, 'resources/sample-shop/orders.csv.gz'))
  await page.getByTestId('file-input').setInputFiles({ name: 'orders-cut.csv.gz', mimeType: 'application/gzip', buffer: whole.subarray(0, Math.floor(whole.length * 0.5)) })
  await page.getByRole('button', { name: 'Import this file' }).click()

  const summary = page.getByTestId('import-summary')
  await expect(summary.getByRole('heading', { name: 'Nothing was imported' })).toBeVisible()
  await expect(summary.getByRole('alert')).toContainText(/could not be read past row \d+ .*Nothing from it was imported/)
  let batches = await engineCall<ImportBatchSummary[]>(served, 'import/batches')
  expect(batches).toHaveLength(1)
  expect(batches[0]).toMatchObject({ status: 'failed', imported: 0 })
  expect((await engineCall<{ orders: number }>(served, 'data/overview')).orders).toBe(0)

  await summary.getByTestId('keep-readable-part-offer').click()
  const card = page.getByTestId('staged-file')
  await expect(card.getByTestId('keep-readable-part')).toBeChecked()
  await page.getByRole('button', { name: 'Import this file' }).click()
  await expect(summary.getByRole('heading', { name: 'Import finished' })).toBeVisible()
  expect(parseCount(await summary.locator('[data-count="imported"]').textContent())).toBeGreaterThan(0)
  batches = await engineCall<ImportBatchSummary[]>(served, 'import/batches')
  const done = batches.find((batch) => batch.status === 'done')
  expect(done?.rejected).toBe(1)
  await expect(summary.getByTestId('rejects-table')).toContainText('As you asked, the rows before that point were imported')
})
