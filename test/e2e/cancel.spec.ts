import type { ImportBatchSummary } from '../../src-main/engine/api'
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'
import { engineCall, expect, snap, test } from './fixtures'

/** An export big enough that the import is still running when Cancel is pressed. */
async function writeBigExport(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path)
  out.write('Order,Date,Customer email,Product,SKU,Quantity,Price\n')
  for (let row = 0; row < rows; row += 1) {
    const order = 100000 + Math.floor(row / 3)
    const day = String(1 + (row % 28)).padStart(2, '0')
    if (!out.write(`${order},2024-03-${day},c${order % 5000}@example.com,Tea towel ${row % 40},TT-${row % 40},${1 + (row % 3)},9.50\n`)) {
      await once(out, 'drain')
    }
  }
  out.end()
  await once(out, 'finish')
}

test('cancelling a running import changes nothing', async ({ app: page, served }) => {
  const file = join(served.dataDir, 'big-orders.csv')
  await writeBigExport(file, 1_500_000)
  await page.getByTestId('file-input').setInputFiles(file)
  await expect(page.getByTestId('detected-format')).toBeVisible({ timeout: 120_000 })
  await page.getByRole('button', { name: 'Import this file' }).click()

  const progress = page.getByTestId('job-progress')
  await expect(progress).toContainText('Rows read')
  await snap(page, 'import-progress-en')
  await progress.getByRole('button', { name: 'Cancel import' }).click()

  const outcome = page.getByTestId('job-outcome')
  await expect(outcome).toContainText('Import cancelled', { timeout: 120_000 })
  await expect(outcome).toContainText('Nothing was changed')
  await snap(page, 'import-cancelled-en')
  const batches = await engineCall<ImportBatchSummary[]>(served, 'import/batches')
  expect(batches.every((batch) => batch.status !== 'done')).toBe(true)

  // Back to the files: the file is still queued, ready to try again.
  await outcome.getByRole('button', { name: 'Back to the files' }).click()
  await expect(page.getByTestId('staged-file')).toHaveCount(1)
})
