import type { ImportBatchSummary } from '../../src-main/engine/api'
import type { CampaignSummary } from '../../src-main/engine/campaigns/campaigns-api'
import type { CampaignResult } from '../../src-main/engine/results/results-api'
import { engineCall, expect, snap, switchLanguage, test } from './fixtures'

const IMPORT_TIMEOUT = 150_000

/**
 * The Results step on the sample shop's imported past campaigns (campaigns.csv,
 * measured from its orders): the verdict in plain words with its 95 % CI and
 * p-value, the chart of both groups, the per-level and per-segment tables, in
 * English and Chinese — each checked against what the engine itself says.
 */
test('shows a past campaign’s verdict, chart, levels and segments, in English and Chinese', async ({ app: page, served }) => {
  test.setTimeout(IMPORT_TIMEOUT + 2 * 60_000)

  await page.getByRole('button', { name: 'Results', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'No campaigns yet' })).toBeVisible()

  await engineCall(served, 'import/sample')
  await expect
    .poll(async () => {
      const batches = await engineCall<ImportBatchSummary[]>(served, 'import/batches')
      // The sample's files import one after another, campaigns last: a batch not yet started is not listed at all.
      return batches.some((batch) => batch.recordKind === 'campaign-members' && batch.status === 'done')
    }, { timeout: IMPORT_TIMEOUT, intervals: [1_000] })
    .toBe(true)
  const campaigns = await engineCall<CampaignSummary[]>(served, 'campaigns/list')
  const autumn = campaigns.find((c) => c.name.toLowerCase().startsWith('autumn'))!
  expect(autumn).toBeDefined()
  const truth = await engineCall<CampaignResult>(served, 'results/campaign', { campaignId: autumn.id })
  expect(truth.status).toBe('measured')

  await page.reload()
  await page.getByRole('button', { name: 'Results', exact: true }).click()
  await page.getByTestId('results-campaign').selectOption(String(autumn.id))

  // The verdict, as the engine judged it, with its 95 % interval and p-value.
  const verdict = page.getByTestId('results-verdict')
  await expect(verdict).toHaveAttribute('data-code', truth.verdict.code)
  await expect(verdict).toContainText('Not enough evidence yet: the interval includes no effect.')
  await expect(verdict).toContainText('95% CI')
  await expect(verdict).toContainText(`p = ${truth.overall!.profitP.toFixed(3)}`)
  await expect(verdict).toContainText('Intervals: 95%')

  // The chart: the holdout and one bar per offer level, with the interval in its legend.
  const chart = page.getByTestId('results-chart-panel')
  await expect(chart.getByTestId('lift-chart')).toBeVisible()
  await expect(chart).toContainText('Holdout (no coupon)')
  await expect(chart).toContainText('95% interval')
  for (const level of truth.levels) await expect(chart.getByTestId('lift-chart')).toContainText(`${level.discountValue}% off`)

  // Both groups over the window: the engine's daily series, ending on the lift's own figures.
  const daily = truth.daily!
  const last = daily.points.at(-1)!
  expect(last.day).toBe(truth.campaign.expiresAt.slice(0, 10))
  expect(last.treatment.conversion).toBeCloseTo(truth.overall!.treatment.buyers / truth.overall!.treatment.members, 9)
  expect(last.control.conversion).toBeCloseTo(truth.overall!.control.buyers / truth.overall!.control.members, 9)
  expect(last.treatment.profitPerMember).toBeCloseTo(truth.overall!.treatment.profit / truth.overall!.treatment.members, 6)
  expect(last.control.profitPerMember).toBeCloseTo(truth.overall!.control.profit / truth.overall!.control.members, 6)
  const window = page.getByTestId('results-daily')
  await expect(window.getByTestId('daily-conversion-chart').locator('[data-day]')).toHaveCount(daily.points.length)
  await expect(window).toContainText(`With a coupon (${daily.members.treatment.toLocaleString('en-US')})`)
  await expect(window).toContainText(`Holdout, no coupon (${daily.members.control.toLocaleString('en-US')})`)
  await expect(window.getByTestId('daily-profit-chart')).toContainText('$')

  // Per level and per segment, the counts the engine measured.
  const levels = page.getByTestId('results-levels')
  for (const level of truth.levels) await expect(levels.locator(`[data-level="${level.key}"]`)).toContainText(`${level.lift!.treatment.buyers} of ${level.lift!.treatment.members}`)
  const segments = page.getByTestId('results-segments')
  await expect(segments).toContainText('history before the campaign')
  expect(truth.segments.length).toBeGreaterThan(1)
  for (const s of truth.segments) {
    const row = segments.locator(`[data-segment="${s.segment}"]`)
    await expect(row).toBeVisible()
    if (s.lift) await expect(row).toContainText(`${s.lift.treatment.buyers} of ${s.lift.treatment.members}`)
  }
  await snap(page, 'results-en')

  await switchLanguage(page, '简体中文')
  await expect(page.getByRole('heading', { level: 1, name: '效果' })).toBeVisible()
  await expect(verdict).toContainText('证据还不够')
  await expect(verdict).toContainText('95% 置信区间')
  await expect(chart).toContainText('对照组（未发券）')
  await expect(chart.getByTestId('lift-chart')).toContainText('% 折扣')
  await expect(segments).toContainText('按客户分群')
  await expect(window.getByRole('heading', { name: '人均累计利润' })).toBeVisible()
  await expect(window).toContainText(`对照组，未发券（${daily.members.control} 人）`)
  await snap(page, 'results-zh-CN')
})
