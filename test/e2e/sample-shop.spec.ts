import type { DataOverview } from '../../src-main/engine/api'
import { engineCall, expect, parseCount, snap, test } from './fixtures'

test('imports the sample shop from the Data step empty state and shows its health', async ({ app: page, served }) => {
  await page.getByRole('button', { name: 'Data', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'No data yet' })).toBeVisible()
  await snap(page, 'data-empty-en')

  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await page.getByRole('button', { name: 'Try the sample shop' }).click()
  const summary = page.getByTestId('import-summary')
  // The progress panel shows while the engine works (it may be brief on a fast machine).
  await expect(page.getByTestId('job-progress').or(summary)).toBeVisible()
  await expect(summary).toBeVisible({ timeout: 150_000 })
  const batchCards = summary.getByTestId('batch-summary')
  expect(await batchCards.count()).toBeGreaterThan(0)
  for (const card of await batchCards.all()) {
    const value = async (key: string) => parseCount(await card.locator(`[data-count="${key}"]`).textContent())
    expect((await value('imported')) + (await value('duplicate')) + (await value('rejected'))).toBe(await value('rows'))
  }
  await snap(page, 'sample-summary-en')

  await summary.getByRole('button', { name: 'Go to your data' }).click()
  const overview = await engineCall<DataOverview>(served, 'data/overview')
  expect(overview.orders).toBeGreaterThan(0)
  const tiles = page.getByTestId('overview-tiles')
  expect(parseCount(await tiles.locator('[data-tile="orders"] .value').textContent())).toBe(overview.orders)
  expect(parseCount(await tiles.locator('[data-tile="customers"] .value').textContent())).toBe(overview.customers)
  const chart = page.getByTestId('revenue-chart')
  await expect(chart).toBeVisible()
  expect(await chart.locator('rect.bar').count()).toBe(overview.revenueByMonth.length)
  await expect(chart.locator('g.month title').first()).toContainText('revenue')
  await snap(page, 'data-sample-en')
})
