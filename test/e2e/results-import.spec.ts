import type { ImportBatchSummary, ImportInspection } from '../../src-main/engine/api'
import type { CampaignSummary } from '../../src-main/engine/campaigns/campaigns-api'
import type { CampaignResult, ResultsImportAccounting } from '../../src-main/engine/results/results-api'
import { engineCall, expect, parseCount, snap, switchLanguage, test, type Served } from './fixtures'

/**
 * A small shop with one past campaign (40 customers with a coupon, 40 held
 * out, 1–14 March 2024) and its orders, but no record yet of which orders used
 * a code. On the Results step the merchant sees both groups over the window,
 * then imports the redemptions file from the step itself (uploaded through the
 * web bridge like any import), sees what it did (matched, not matched, used by
 * someone else, the rejected rows with reasons) and the report measured again
 * with the discounts it cost, in English and Chinese.
 */
const pad = (n: number): string => String(n).padStart(3, '0')
const email = (n: number): string => `c${pad(n)}@example.com`
const code = (n: number): string => `SPR${pad(n)}X`

function shopFiles(): { orders: string; campaign: string; redemptions: string } {
  const orders = ['order_id,order_date,email,sku,product,category,qty,price,discount_code,order discount']
  // Everyone bought once in February, so the store's orders reach back before the campaign.
  for (let n = 1; n <= 80; n++) orders.push(`H${pad(n)},2024-02-${String(1 + (n % 27)).padStart(2, '0')} 10:00,${email(n)},T1,Tea,Tea,1,20.00,,0`)
  // In the window: 16 of the 40 with a coupon bought, 8 of the 40 held out.
  for (let n = 1; n <= 16; n++) orders.push(`W${pad(n)},2024-03-${String(1 + ((n * 5) % 14)).padStart(2, '0')} 12:00,${email(n)},T1,Tea,Tea,1,30.00,,0`)
  for (let n = 41; n <= 48; n++) orders.push(`W${pad(n)},2024-03-${String(1 + ((n * 3) % 14)).padStart(2, '0')} 12:00,${email(n)},T1,Tea,Tea,1,30.00,,0`)
  orders.push(`L001,2024-03-20 09:00,${email(80)},T1,Tea,Tea,1,20.00,,0`)
  const campaign = ['campaign_id,campaign_name,email,group,discount_type,discount_value,sent_at,expires_at,code']
  for (let n = 1; n <= 80; n++) {
    campaign.push(n <= 40 ? `SPRING,Spring test,${email(n)},treatment,percent,10,2024-03-01,2024-03-14,${code(n)}` : `SPRING,Spring test,${email(n)},control,none,0,2024-03-01,2024-03-14,`)
  }
  // What the shop's discount report says: 12 of the buyers used their code on the order they placed; one code nobody holds; one used by someone else.
  const redemptions = ['code,order_id,date,amount,email']
  for (let n = 1; n <= 12; n++) redemptions.push(`${code(n).toLowerCase()},W${pad(n)},2024-03-${String(1 + ((n * 5) % 14)).padStart(2, '0')},3.00,${email(n)}`)
  redemptions.push('NOPE123,X900,2024-03-05,5.00,someone@example.com')
  redemptions.push(`${code(20)},X901,2024-03-06,3.00,zed@example.com`)
  return { orders: orders.join('\n') + '\n', campaign: campaign.join('\n') + '\n', redemptions: redemptions.join('\n') + '\n' }
}

/** Uploads through the bridge (as the page does) and imports, waiting for the batches. */
async function importThroughBridge(served: Served, files: { name: string; content: string }[]): Promise<void> {
  const requests = []
  for (const file of files) {
    const upload = await fetch(`http://127.0.0.1:${served.port}/api/upload?name=${file.name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Offerwise-Token': served.token },
      body: file.content,
    })
    expect(upload.ok).toBe(true)
    const { file: handle } = (await upload.json()) as { file: string }
    const inspection = await engineCall<ImportInspection>(served, 'import/inspect', { file: handle })
    requests.push({ file: handle, presetId: inspection.presetId, mapping: inspection.mapping, dateOrder: 'auto', currency: 'USD' })
  }
  await engineCall(served, 'import/start', { requests })
  await expect
    .poll(async () => (await engineCall<ImportBatchSummary[]>(served, 'import/batches')).filter((b) => b.status === 'done').length, { timeout: 60_000 })
    .toBe(files.length)
}

test('imports a redemptions file from the Results step, shows its accounting, both groups over the window and the new verdict, in English and Chinese', async ({ app: page, served }) => {
  test.setTimeout(180_000)
  const files = shopFiles()
  await importThroughBridge(served, [{ name: 'orders.csv', content: files.orders }, { name: 'campaign.csv', content: files.campaign }])
  const spring = (await engineCall<CampaignSummary[]>(served, 'campaigns/list')).find((c) => c.name === 'Spring test')!
  const before = await engineCall<CampaignResult>(served, 'results/campaign', { campaignId: spring.id })
  expect(before.status).toBe('measured')
  expect(before.overall!.discountCost).toBe(0)

  await page.getByRole('button', { name: 'Results', exact: true }).click()
  await page.getByTestId('results-campaign').selectOption(String(spring.id))
  const verdict = page.getByTestId('results-verdict')
  await expect(verdict).toHaveAttribute('data-code', before.verdict.code)

  // Both groups over the window: one column per day, two lines, a legend naming each group and its size.
  const daily = page.getByTestId('results-daily')
  await expect(daily.getByRole('heading', { name: 'Both groups over the window' })).toBeVisible()
  const conversion = daily.getByTestId('daily-conversion-chart')
  await expect(conversion.locator('[data-day]')).toHaveCount(14)
  await expect(conversion.locator('path[data-series="treatment"]')).toHaveCount(1)
  await expect(conversion.locator('path[data-series="control"]')).toHaveCount(1)
  await expect(daily).toContainText('With a coupon (40)')
  await expect(daily).toContainText('Holdout, no coupon (40)')
  await expect(daily).toContainText('at least one order since the campaign started')
  // The last day: 16 of 40 and 8 of 40 had bought, as the lift itself counts.
  await expect(conversion.locator('[data-day="2024-03-14"] title')).toHaveText('Mar 14, 2024: with a coupon 40%, holdout 20%')
  await expect(daily.getByTestId('daily-profit-chart').locator('text').filter({ hasText: '$' }).first()).toBeVisible()

  // Import the redemptions from the step itself.
  const panel = page.getByTestId('results-import')
  await expect(panel).toContainText('Import what happened')
  await expect(panel.getByRole('button', { name: 'Choose a file…' })).toBeVisible()
  await snap(page, 'results-daily-en')
  // A file that says nothing about what happened (here the campaign's own member list) is refused, clearly, before importing.
  await panel.getByTestId('results-file-input').setInputFiles({ name: 'campaign-again.csv', mimeType: 'text/csv', buffer: Buffer.from(files.campaign) })
  await expect(panel).toContainText('This file does not say what the campaign did')
  await expect(panel.getByTestId('results-import-start')).toBeDisabled()
  await panel.getByRole('button', { name: 'Remove' }).click()

  await panel.getByTestId('results-file-input').setInputFiles({ name: 'discount-report.csv', mimeType: 'text/csv', buffer: Buffer.from(files.redemptions) })
  await expect(panel.getByTestId('detected-format')).toContainText('Redemptions')
  await panel.getByTestId('results-import-start').click()

  const accounting = panel.getByTestId('results-import-accounting')
  await expect(accounting).toBeVisible({ timeout: 60_000 })
  const batch = (await engineCall<ImportBatchSummary[]>(served, 'import/batches')).find((b) => b.recordKind === 'redemptions')!
  const truth = await engineCall<ResultsImportAccounting>(served, 'results/import-accounting', { campaignId: spring.id, batchId: batch.id })
  expect(truth.redemptions).toMatchObject({ matched: 12, unknownCode: 1, otherCustomer: 1 })
  const figure = async (key: string) => parseCount(await accounting.locator(`[data-figure="${key}"] dd`).textContent())
  expect([await figure('matched'), await figure('unknownCode'), await figure('otherCustomer')]).toEqual([12, 1, 1])
  await expect(accounting.locator('[data-figure="otherCustomer"]')).toHaveAttribute('title', /another e-mail/)
  // The import's own accounting and every rejected row with its reason.
  const summary = panel.getByTestId('batch-summary')
  await expect(summary.getByTestId('equation')).toBeVisible()
  await expect(summary).toContainText('NOPE123')
  await expect(summary).toContainText('zed@example.com')

  // The accounting channel checks its arguments through the bridge too.
  const refused = await fetch(`http://127.0.0.1:${served.port}/api/call/results/import-accounting`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Offerwise-Token': served.token },
    body: JSON.stringify({ campaignId: spring.id, batchId: '1 OR 1=1' }),
  })
  expect(refused.status).toBe(400)
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('api.invalid-arguments')

  // The report, measured again: the discounts the codes gave are now a cost of the campaign.
  const after = await engineCall<CampaignResult>(served, 'results/campaign', { campaignId: spring.id })
  expect(after.overall!.discountCost).toBe(36)
  expect(after.overall!.incrementalProfit.estimate).toBeLessThan(before.overall!.incrementalProfit.estimate)
  await expect(verdict).toHaveAttribute('data-code', after.verdict.code)
  const profitText = `$${Math.round(after.overall!.incrementalProfit.estimate).toLocaleString('en-US')}`
  await expect(verdict).toContainText(profitText)
  await expect(page.getByTestId('results-compare')).toContainText('$36.00')
  await snap(page, 'results-import-en')

  await switchLanguage(page, '简体中文')
  await expect(daily.getByRole('heading', { name: '活动期间两组的走势' })).toBeVisible()
  await expect(daily).toContainText('发了券（40 人）')
  await expect(daily).toContainText('对照组，未发券（40 人）')
  await expect(conversion.locator('[data-day="2024-03-14"] title')).toHaveText('2024年3月14日：发了券 40%，对照组 20%')
  await expect(accounting).toContainText('已匹配')
  await expect(accounting).toContainText('优惠码被他人使用')
  await expect(panel).toContainText('导入实际结果')
  await snap(page, 'results-import-zh-CN')
})
