import type { DataOverview, ImportBatchSummary } from '../../src-main/engine/api'
import { REPO, engineCall, expect, parseCount, snap, test } from './fixtures'
import { join } from 'node:path'

const SHOPIFY_ORDERS = join(REPO, 'test/fixtures/formats/shopify-orders.csv')

test('imports a Shopify orders export through the UI and shows it on the Data step', async ({ app: page, served }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Import your order history' })).toBeVisible()
  await snap(page, 'import-empty-en')

  await page.getByTestId('file-input').setInputFiles(SHOPIFY_ORDERS)
  const card = page.getByTestId('staged-file')
  await expect(card.getByTestId('detected-format')).toHaveText('Detected: Shopify orders')
  await expect(card.getByText('Order number', { exact: true })).toBeVisible()
  // The mapping editor proposes Shopify's own column for the order number.
  await expect(card.locator('select[data-field="order_id"]')).toHaveValue('Name')
  await snap(page, 'import-mapping-en')

  await page.getByRole('button', { name: 'Import this file' }).click()
  const summary = page.getByTestId('import-summary')
  await expect(summary.getByRole('heading', { name: 'Import finished' })).toBeVisible()

  const equation = summary.getByTestId('equation')
  const count = async (key: string) => parseCount(await equation.locator(`[data-count="${key}"]`).textContent())
  const [rows, imported, duplicate, rejected] = [await count('rows'), await count('imported'), await count('duplicate'), await count('rejected')]
  expect(rows).toBeGreaterThan(0)
  expect(imported + duplicate + rejected).toBe(rows)

  const batches = await engineCall<ImportBatchSummary[]>(served, 'import/batches')
  expect(batches).toHaveLength(1)
  const batch = batches[0]!
  expect(batch.status).toBe('done')
  expect({ rows, imported, duplicate, rejected }).toEqual({
    rows: batch.rows,
    imported: batch.imported,
    duplicate: batch.duplicate,
    rejected: batch.rejected,
  })
  expect(parseCount(await summary.locator('[data-added="orders"]').textContent())).toBe(batch.added.orders)
  await snap(page, 'import-summary-en')

  await summary.getByRole('button', { name: 'Go to your data' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your data at a glance' })).toBeVisible()
  const overview = await engineCall<DataOverview>(served, 'data/overview')
  // A fresh database: everything on the Data step came from this one file.
  expect(overview.orders).toBe(batch.added.orders)
  const tiles = page.getByTestId('overview-tiles')
  expect(parseCount(await tiles.locator('[data-tile="orders"] .value').textContent())).toBe(overview.orders)
  await expect(tiles.locator('[data-tile="revenue"]')).toContainText(/\d/)
  const chart = page.getByTestId('revenue-chart')
  await expect(chart).toBeVisible()
  await expect(chart).toHaveAttribute('aria-label', /Bar chart of revenue by month/)
  expect(await chart.locator('rect.bar').count()).toBeGreaterThan(0)
  await expect(page.getByTestId('discount-codes')).toContainText('WELCOME10')
  await snap(page, 'data-en')
})
