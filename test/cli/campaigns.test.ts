import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ImportBatchSummary } from '../../src-main/engine/api'
import type { CampaignSummary } from '../../src-main/engine/campaigns/campaigns-api'
import type { ResponseSummary } from '../../src-main/engine/planner/planner-api'
import { offerwise, offerwiseJson, requireBuild, ROOT, tempDb } from './run-cli'

beforeAll(requireBuild)

const fixture = (name: string) => join(ROOT, 'test/fixtures/campaigns', name)

describe('offerwise campaigns', () => {
  it('imports a campaign file with import’s accounting, and lists the campaigns', () => {
    const db = tempDb()
    offerwiseJson(['import', fixture('orders.csv'), '--db', db])
    const imported = offerwiseJson<{ status: string; batches: ImportBatchSummary[] }>(['campaigns', 'import', fixture('campaigns.csv'), '--db', db])
    expect(imported.status).toBe('done')
    expect(imported.batches[0]).toMatchObject({ recordKind: 'campaign-members', rows: 17, imported: 7, duplicate: 1, rejected: 9 })

    const list = offerwiseJson<CampaignSummary[]>(['campaigns', 'list', '--db', db])
    expect(list.map((c) => [c.name, c.members, c.treatment, c.control])).toEqual(
      expect.arrayContaining([['Spring test', 4, 2, 2], ['Free shipping week', 3, 3, 0]]),
    )
    const human = offerwise(['campaigns', 'list', '--db', db])
    expect(human.status).toBe(0)
    expect(human.stdout).toMatch(/Spring test \(2024-03-01 → 2024-03-10\): 4 members, 2 treatment \/ 2 control; 10%, 20%; bought: treatment 100%, control 50%/)
  })

  it('takes --map overrides for columns it cannot name', () => {
    const db = tempDb()
    offerwiseJson(['import', fixture('orders.csv'), '--db', db])
    const path = join(dirname(db), 'bucketed.csv')
    writeFileSync(path, readFileSync(fixture('campaigns.csv'), 'utf8').replace('group', 'bucket'))
    const blocked = offerwise(['campaigns', 'import', path, '--db', db, '--json'])
    expect(blocked.status).toBe(1)
    const failed = (JSON.parse(blocked.stdout) as { batches: ImportBatchSummary[] }).batches[0]
    expect(failed.failure).toMatchObject({ code: 'file.missing-required', params: { field: 'group' } })
    const mapped = offerwiseJson<{ batches: ImportBatchSummary[] }>(['campaigns', 'import', path, '--map', 'group=bucket', '--db', db])
    expect(mapped.batches[0]).toMatchObject({ imported: 7, rejected: 9 })
  })

  it('judges the response model on members it never saw, beside random targeting', () => {
    const db = tempDb()
    expect(offerwise(['sample', '--db', db]).status).toBe(0)
    const all = offerwiseJson<ResponseSummary>(['campaigns', 'evaluate', '--db', db])
    expect(all.kind).toBe('measured')
    expect(all.campaigns).toBe(2)
    expect(all.evaluation?.upliftAt.map((u) => u.share)).toEqual([0.1, 0.2, 0.3])
    expect(all.evaluation?.perDepth.map((d) => Math.round(d.depth * 100))).toEqual([5, 10, 15, 20])
    const human = offerwise(['campaigns', 'evaluate', '1', '--db', db])
    expect(human.status).toBe(0)
    expect(human.stdout).toMatch(/Qini coefficient -?\d\.\d{4} \(random targeting: 0\)/)
    expect(human.stdout).toMatch(/uplift@30%: .* \(random targeting: /)
    const missing = offerwise(['campaigns', 'evaluate', '99', '--db', db])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/no campaign number 99/)
  })

  it('says when no campaign is big enough to measure anything', () => {
    const db = tempDb()
    offerwiseJson(['import', fixture('orders.csv'), '--db', db])
    offerwiseJson(['campaigns', 'import', fixture('campaigns.csv'), '--db', db])
    const run = offerwise(['campaigns', 'evaluate', '--db', db])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/No randomised campaign is big enough/)
  })

  it('says which subcommands exist', () => {
    const run = offerwise(['campaigns', 'frobnicate'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/import, list, evaluate/)
  })
})
