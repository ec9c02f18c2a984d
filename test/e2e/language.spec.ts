import { join } from 'node:path'
import { REPO, expect, snap, switchLanguage, test } from './fixtures'

test('switches to Simplified Chinese on both steps and remembers it', async ({ app: page }) => {
  await switchLanguage(page, '简体中文')
  await expect(page.getByRole('heading', { level: 1, name: '导入订单历史' })).toBeVisible()
  await expect(page.getByRole('button', { name: '试用示例店铺' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: '步骤' })).toContainText('数据')
  await snap(page, 'import-empty-zh')

  await page.getByRole('button', { name: '数据', exact: true }).click()
  await expect(page.getByRole('heading', { name: '还没有数据' })).toBeVisible()
  await snap(page, 'data-empty-zh')
  await page.getByRole('button', { name: '导入', exact: true }).click()

  await page.getByTestId('file-input').setInputFiles(join(REPO, 'test/fixtures/formats/shopify-orders.csv'))
  await expect(page.getByTestId('detected-format')).toHaveText('识别为：Shopify 订单')
  await expect(page.getByText('订单号', { exact: true })).toBeVisible()
  await snap(page, 'import-mapping-zh')

  await page.getByRole('button', { name: '导入此文件' }).click()
  const summary = page.getByTestId('import-summary')
  await expect(summary.getByRole('heading', { name: '导入完成' })).toBeVisible()
  await expect(summary).toContainText('文件中的行')
  await snap(page, 'import-summary-zh')

  await summary.getByRole('button', { name: '查看数据' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '数据概览' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '每月销售额' })).toBeVisible()
  await expect(page.getByTestId('revenue-chart')).toHaveAttribute('aria-label', /每月销售额的柱状图/)
  await snap(page, 'data-zh')

  // The choice is saved in the engine's settings, so a reload keeps it.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: '导入订单历史' })).toBeVisible()
  await switchLanguage(page, 'English')
  await expect(page.getByRole('heading', { level: 1, name: 'Import your order history' })).toBeVisible()
})
