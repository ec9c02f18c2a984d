import type { CustomerDetail, CustomerScore, ModelReport } from '../../src-main/engine/api'
import { engineCall, expect, parseCount, snap, switchLanguage, test } from './fixtures'

// The sample shop import, then real training on it: minutes, not seconds, on a slow machine.
const IMPORT_TIMEOUT = 150_000
const TRAIN_TIMEOUT = 5 * 60_000

test('learns from the sample shop: report, charts, customers and a customer page, in English and Chinese', async ({ app: page, served }) => {
  test.setTimeout(IMPORT_TIMEOUT + TRAIN_TIMEOUT + 4 * 60_000)

  // Without data the step says why and offers the way out.
  await page.getByRole('button', { name: 'Learn', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Learn what your customers will do' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Nothing to learn from yet' })).toBeVisible()
  await snap(page, 'learn-empty-en')
  await page.getByRole('button', { name: 'Try the sample shop' }).click()
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: IMPORT_TIMEOUT })

  // What will be learned, the horizon (90 days by default) and Train.
  await page.getByRole('button', { name: 'Learn', exact: true }).click()
  const intro = page.getByTestId('learn-intro')
  await expect(intro.getByRole('heading', { name: 'What Offerwise will learn' })).toBeVisible()
  await expect(intro.getByRole('radio', { name: '90 days' })).toBeChecked()
  await snap(page, 'learn-intro-en')
  await intro.getByRole('button', { name: 'Train', exact: true }).click()

  // Progress: a translated step name, then (while a network trains) epochs and loss.
  const progress = page.getByTestId('train-progress')
  const report = page.getByTestId('model-report')
  await expect(progress.or(report)).toBeVisible()
  if (await progress.isVisible()) {
    await expect(progress.getByTestId('job-step')).not.toHaveText(/^job\.step\./)
    // Once a network trains, the panel shows its loss and "Epoch 3 of 12" or "Step 3 of 7",
    // whichever unit the engine reports in. (A fast machine may finish before it is seen.)
    await progress.getByText(/^Loss: /).waitFor({ timeout: 90_000 }).catch(() => undefined)
    const text = await progress.getByTestId('train-count').textContent({ timeout: 1_000 }).catch(() => null)
    if (text !== null) {
      expect(text).toMatch(/^(Epoch|Step) \d+ of \d+$/)
      await snap(page, 'learn-training-en')
    }
  }
  await expect(report).toBeVisible({ timeout: TRAIN_TIMEOUT })
  await expect(progress).toBeHidden()

  // The report on screen is the engine's report.
  const truth = await engineCall<ModelReport | null>(served, 'model/report')
  if (!truth) throw new Error('model/report is null after training finished')
  const header = page.getByTestId('report-header')
  await expect(header).toContainText('Customers tested')
  expect(parseCount(await header.getByText('Customers tested').locator('..').locator('.value').textContent())).toBe(truth.customers)
  // The backend the engine used, explained in the merchant's language; the engine's own sentence is the tooltip.
  const backendLine = header.getByTestId('report-backend')
  await expect(backendLine).toContainText({ tensorflow: 'native TensorFlow library is installed', wasm: 'uses WebAssembly', cpu: 'plain JavaScript' }[truth.backend.name])
  await expect(backendLine.locator('.reason')).toHaveAttribute('title', truth.backend.reason)
  if (truth.fallback) await expect(header.getByTestId('report-fallback')).toBeVisible()

  const purchaseChart = page.getByTestId('purchase-chart')
  await expect(purchaseChart).toHaveAttribute('role', 'img')
  await expect(purchaseChart.locator('g.row')).toHaveCount(truth.purchase.length)
  await expect(purchaseChart.locator('g.row[data-chosen="true"]')).toHaveAttribute('data-entry', truth.chosen.purchase)
  await expect(purchaseChart.locator('g.row title').first()).toContainText('AUC')
  await expect(page.getByTestId('purchase-table').locator('tbody tr')).toHaveCount(truth.purchase.length)
  await expect(page.getByTestId('reliability-chart')).toHaveAttribute('aria-label', /Reliability chart/)
  const gainsChart = page.getByTestId('gains-chart')
  await expect(gainsChart.locator('g.series')).toHaveCount(truth.gains.length)
  await expect(page.getByTestId('gains-section').getByTestId('takeaway')).toContainText(/the top 20% by our score include \d+(\.\d+)?%/)
  if (truth.affinity.length > 0) {
    await expect(page.getByTestId('affinity-chart').locator('g.row')).toHaveCount(truth.affinity.length)
    await expect(page.getByTestId('affinity-table').locator('tbody tr')).toHaveCount(truth.affinity.length)
  }
  if (truth.sequence.length > 0) await expect(page.getByTestId('sequence-table').locator('tbody tr')).toHaveCount(truth.sequence.length)

  // Customers: the first page, as the engine ranks them.
  const all = await engineCall<{ total: number; rows: CustomerScore[] }>(served, 'customers/list', { search: '', sort: 'p-buy', offset: 0, limit: 50 })
  expect(all.total).toBeGreaterThan(0)
  const table = page.getByTestId('customer-table')
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(50, all.total))
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-customer-id', String(all.rows[0]?.customerId))
  await snap(page, 'learn-report-en')

  // Search by part of an e-mail address (debounced), then open that customer.
  const someone = all.rows.find((row) => row.email && row.name) ?? all.rows.find((row) => row.email)
  expect(someone?.email).toBeTruthy()
  const needle = (someone?.email ?? '').split('@')[0] ?? ''
  const matches = await engineCall<{ total: number; rows: CustomerScore[] }>(served, 'customers/list', { search: needle, sort: 'p-buy', offset: 0, limit: 50 })
  await page.getByTestId('customer-search').fill(needle)
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(50, matches.total))
  const row = table.locator(`tbody tr[data-customer-id="${someone?.customerId}"]`)
  await expect(row).toBeVisible()
  await row.click()

  const detail = await engineCall<CustomerDetail>(served, 'customers/detail', { customerId: someone?.customerId })
  const customerPage = page.getByTestId('customer-detail')
  await expect(customerPage.getByRole('heading', { level: 1 })).toHaveText(detail.name ?? detail.email ?? '')
  const timeline = customerPage.getByTestId('order-timeline')
  await expect(timeline).toHaveAttribute('role', 'img')
  await expect(timeline.locator('circle.order')).toHaveCount(detail.history.filter((order) => !order.isReturn).length)
  await expect(customerPage.getByTestId('next-order')).toContainText('chance')
  await expect(customerPage.getByTestId('discount-behaviour')).toContainText('shop average')
  await snap(page, 'learn-customer-en')

  // The narrowest supported window: nothing may spill out of the page.
  // (Charts measure their box and redraw once the window has shrunk.)
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
  await page.setViewportSize({ width: 1024, height: 900 })
  await expect.poll(pageWidth).toBeLessThanOrEqual(1024)
  await snap(page, 'learn-customer-1024-en')
  await customerPage.getByRole('button', { name: 'Back to all customers' }).click()
  await expect(page.getByTestId('customers-section')).toBeVisible()
  await page.getByTestId('customer-search').fill('')
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(50, all.total))
  await expect.poll(pageWidth).toBeLessThanOrEqual(1024)
  await snap(page, 'learn-report-1024-en')
  await page.setViewportSize({ width: 1280, height: 900 })

  // Sorting by spend puts the biggest spender first.
  const bySpend = await engineCall<{ total: number; rows: CustomerScore[] }>(served, 'customers/list', { search: '', sort: 'spend', offset: 0, limit: 1 })
  await page.getByTestId('customer-sort').selectOption('spend')
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-customer-id', String(bySpend.rows[0]?.customerId))

  // The same step in Simplified Chinese.
  await switchLanguage(page, '简体中文')
  await expect(page.getByRole('heading', { level: 1, name: '了解顾客接下来会做什么' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Offerwise 对你店铺的了解程度' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '谁会很快购买' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '先联系谁' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '顾客评分' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: '步骤' })).toContainText('学习')
  await expect(page.getByTestId('purchase-chart')).toHaveAttribute('aria-label', /条形图/)
  await expect(page.getByTestId('gains-section').getByTestId('takeaway')).toContainText('位于我们评分最高的前 20%')
  await snap(page, 'learn-report-zh')

  await table.locator('tbody tr').first().click()
  await expect(customerPage.getByRole('heading', { name: '下一单预测' })).toBeVisible()
  await expect(customerPage.getByRole('heading', { name: '订单历史' })).toBeVisible()
  await snap(page, 'learn-customer-zh')
  await customerPage.getByRole('button', { name: '返回顾客列表' }).click()
  await expect(page.getByTestId('customers-section')).toBeVisible()
})

test('cancelling training changes nothing', async ({ app: page, served }) => {
  test.setTimeout(IMPORT_TIMEOUT + 2 * 60_000)
  await page.getByRole('button', { name: 'Try the sample shop' }).click()
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: IMPORT_TIMEOUT })
  await page.getByRole('button', { name: 'Learn', exact: true }).click()
  await page.getByTestId('learn-intro').getByRole('button', { name: 'Train', exact: true }).click()

  const progress = page.getByTestId('train-progress')
  await expect(progress.getByTestId('job-step')).not.toHaveText('Starting…')
  await progress.getByRole('button', { name: 'Cancel training' }).click()
  const outcome = page.getByTestId('train-outcome')
  await expect(outcome).toContainText('Training cancelled', { timeout: 60_000 })
  await expect(outcome).toContainText('Nothing changed')
  await expect(page.getByTestId('learn-intro')).toBeVisible()
  await snap(page, 'learn-cancelled-en')
  expect(await engineCall<ModelReport | null>(served, 'model/report')).toBeNull()
})
