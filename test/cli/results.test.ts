import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ImportBatchSummary } from '../../src-main/engine/api'
import type { CampaignSummary } from '../../src-main/engine/campaigns/campaigns-api'
import type { CampaignResult } from '../../src-main/engine/results/results-api'
import { offerwise, offerwiseJson, requireBuild, ROOT, tempDb } from './run-cli'

beforeAll(requireBuild)

const fixture = (name: string) => join(ROOT, 'test/fixtures/campaigns', name)

describe('offerwise results', () => {
  it('imports redemptions with import’s accounting and reports a campaign’s lift with intervals and a verdict', () => {
    const db = tempDb()
    offerwiseJson(['import', fixture('orders.csv'), '--db', db])
    offerwiseJson(['campaigns', 'import', fixture('campaigns.csv'), '--db', db])
    // SPRING-BWNJPD belongs to no campaign of this store: rejected with a reason.
    const imported = offerwiseJson<{ status: string; batches: ImportBatchSummary[] }>(['results', 'import', join(ROOT, 'test/fixtures/results/redemptions.csv'), '--db', db])
    expect(imported.batches[0]).toMatchObject({ recordKind: 'redemptions', rows: 2, imported: 0, rejected: 2 })

    const spring = offerwiseJson<CampaignSummary[]>(['campaigns', 'list', '--db', db]).find((c) => c.name === 'Spring test')!
    const result = offerwiseJson<CampaignResult>(['results', String(spring.id), '--db', db])
    expect(result.status).toBe('measured')
    expect(result.overall).toMatchObject({ level: 0.95, treatment: { members: 2, buyers: 2 }, control: { members: 2, buyers: 1 } })
    expect(result.verdict.code).toBe('no-evidence')
    expect(result.warnings.map((w) => w.code)).toContain('small-sample')

    const human = offerwise(['results', String(spring.id), '--db', db])
    expect(human.status).toBe(0)
    expect(human.stdout).toMatch(/Not enough evidence yet: the interval includes no effect/)
    expect(human.stdout).toMatch(/bought: treatment 2\/2, holdout 1\/2/)

    const missing = offerwise(['results', '999', '--db', db, '--json'])
    expect(missing.status).toBe(1)
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'results.campaign-not-found' } })
    expect(offerwise(['results', 'abc', '--db', db]).status).toBe(2)
  })
})
