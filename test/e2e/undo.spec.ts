import type { ImportBatchSummary } from '../../src-main/engine/api'
import { join } from 'node:path'
import { REPO, engineCall, expect, snap, switchLanguage, test } from './fixtures'

test('undoes an import after confirming, and says where the backup is', async ({ app: page, served }) => {
  await page.getByTestId('file-input').setInputFiles(join(REPO, 'test/fixtures/formats/shopify-orders.csv'))
  await page.getByRole('button', { name: 'Import this file' }).click()
  await expect(page.getByTestId('import-summary')).toBeVisible()
  await page.getByRole('button', { name: 'Import more files' }).click()

  const history = page.getByTestId('import-history')
  const [batch] = await engineCall<ImportBatchSummary[]>(served, 'import/batches')
  const row = history.locator(`tr[data-batch-id="${batch!.id}"]`)
  await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'done')

  // Cancelling the dialog changes nothing.
  await row.getByRole('button', { name: 'Undo' }).click()
  const dialog = page.getByRole('dialog', { name: 'Undo this import?' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('shopify-orders.csv')
  await snap(page, 'undo-confirm-en')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect((await engineCall<ImportBatchSummary[]>(served, 'import/batches'))[0]!.status).toBe('done')

  await row.getByRole('button', { name: 'Undo' }).click()
  await dialog.getByRole('button', { name: 'Undo import' }).click()
  await expect(page.getByTestId('undo-result')).toContainText('was undone')
  await expect(page.getByTestId('backup-path')).toContainText(/\S/)
  await expect(page.getByTestId('backups-kept')).toContainText(/Offerwise keeps the 5 newest backups in \S+backups/)
  await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'undone')
  await expect(row.getByRole('button', { name: 'Undo' })).toHaveCount(0)
  expect((await engineCall<ImportBatchSummary[]>(served, 'import/batches'))[0]!.status).toBe('undone')
  await snap(page, 'undo-done-en')

  await switchLanguage(page, '简体中文')
  await expect(page.getByRole('heading', { name: '导入历史' })).toBeVisible()
  await expect(row.locator('[data-status]')).toHaveText('已撤销')
  await snap(page, 'undo-done-zh')
})
