/**
 * The proof on the sample shop: its two randomised depth tests of 2024
 * (campaigns.csv, imported with the sample), measured from its orders, against
 * what the generator's law says each depth truly did (expected buyers with and
 * without the coupon, per arm). Prints the table docs/planning.md quotes.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { buildSampleShop } from '../../../scripts/sample-shop/shop'
import { ROOT, testEngine } from '../import/test-engine'

let engine: Engine | null = null
afterAll(async () => engine?.close())

describe.skipIf(!existsSync(join(ROOT, 'resources/sample-shop/campaigns.csv')))('results on the sample shop’s past campaigns', () => {
  it('measures each depth’s lift with an interval that holds the true lift for most depths', async () => {
    const made = testEngine()
    engine = made.engine
    const sample = await engine.waitForJob((await engine.call('import/sample', {})).jobId)
    expect(sample?.status).toBe('done')
    const truth = buildSampleShop().stats.campaigns
    const campaigns = await engine.call('campaigns/list', {})
    const table: string[] = ['| campaign | depth | members | bought (holdout) | measured lift, 95% CI | true lift | measured profit, 95% CI | inside |', '|---|---|---|---|---|---|---|---|']
    let inside = 0
    let total = 0
    for (const id of ['spring-test-2024', 'autumn-test-2024']) {
      const campaign = campaigns.find((c) => c.name.toLowerCase().startsWith(id.split('-')[0]))!
      const result = await engine.call('results/campaign', { campaignId: campaign.id })
      expect(result.status).toBe('measured')
      expect(result.members.unknown).toBe(0)
      expect(result.levels.map((l) => l.discountValue)).toEqual([5, 10, 15, 20])
      // An imported campaign: segmented by each member's history before it was sent, partitioning both arms.
      expect(result.segmentSource).toBe('features')
      expect(result.segments.length).toBeGreaterThan(1)
      expect(result.segments.reduce((n, s) => n + s.treatment, 0)).toBe(result.members.treatment)
      expect(result.segments.reduce((n, s) => n + s.control, 0)).toBe(result.members.control)
      console.log(`${id} segments: ${result.segments.map((s) => `${s.segment} ${s.treatment}/${s.control}`).join(', ')}`)
      const arms = truth[id]
      const control = arms.control
      expect(result.overall?.control.members).toBe(control.members)
      // The store counts sale orders only (a cancelled order is no purchase); the generator counted every order.
      expect(Math.abs(result.overall!.control.buyers - control.buyers)).toBeLessThanOrEqual(2)
      for (const level of result.levels) {
        const arm = arms[`${level.discountValue}%`]
        const lift = level.lift!
        expect(lift.treatment.members).toBe(arm.members)
        expect(Math.abs(lift.treatment.buyers - arm.buyers)).toBeLessThanOrEqual(2)
        const trueLift = (arm.expectedWith - arm.expectedWithout) / arm.members
        const hit = lift.conversionLift.low <= trueLift && trueLift <= lift.conversionLift.high
        if (hit) inside++
        total++
        const pts = (v: number): string => (v * 100).toFixed(1)
        const usd = (v: number): string => `$${Math.round(v)}`
        table.push(
          `| ${id} | ${level.discountValue}% | ${arm.members} | ${lift.treatment.buyers} (${lift.control.buyers}/${lift.control.members}) | ${pts(lift.conversionLift.estimate)} pts (${pts(lift.conversionLift.low)} to ${pts(lift.conversionLift.high)}) | ${pts(trueLift)} pts | ${usd(lift.incrementalProfit.estimate)} (${usd(lift.incrementalProfit.low)} to ${usd(lift.incrementalProfit.high)}) | ${hit ? 'yes' : 'no'} |`,
        )
      }
      const o = result.overall!
      table.push(`| ${id} | all | ${o.treatment.members} | ${o.treatment.buyers} (${o.control.buyers}/${o.control.members}) | ${(o.conversionLift.estimate * 100).toFixed(1)} pts (${(o.conversionLift.low * 100).toFixed(1)} to ${(o.conversionLift.high * 100).toFixed(1)}) | — | $${Math.round(o.incrementalProfit.estimate)} ($${Math.round(o.incrementalProfit.low)} to $${Math.round(o.incrementalProfit.high)}) | ${result.verdict.code} |`)
      console.log(`${id}: ${result.verdict.message}`)
    }
    console.log(table.join('\n'))
    // A 95% interval should miss about one depth in twenty; allow two misses of eight.
    expect(inside).toBeGreaterThanOrEqual(total - 2)
  }, 600_000)
})
