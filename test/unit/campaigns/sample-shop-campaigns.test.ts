import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { memberOutcomes } from '../../../src-main/engine/campaigns/outcomes'
import type { Engine } from '../../../src-main/engine/engine'
import { expectAccounted, ROOT, testEngine } from '../import/test-engine'

const CAMPAIGNS = join(ROOT, 'resources/sample-shop/campaigns.csv')

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

describe.skipIf(!existsSync(CAMPAIGNS))('the sample shop’s campaigns', () => {
  it('import cleanly with the sample shop: every member a known customer, outcomes known from its orders', async () => {
    const { engine, dbPath } = testEngine()
    current = engine
    const { jobId } = await engine.call('import/sample', {})
    const outcome = await engine.waitForJob(jobId)
    expect(outcome?.status).toBe('done')
    const batches = await engine.call('import/batches', {})
    const campaigns = batches.find((b) => b.recordKind === 'campaign-members')
    expect(campaigns).toBeDefined()
    expectAccounted(campaigns!)
    expect(campaigns).toMatchObject({ presetId: 'campaign-members', rejected: 0, duplicate: 0 })
    expect(campaigns!.imported).toBe(campaigns!.rows)
    // The members are customers.csv's people: none is new to the store.
    expect(campaigns!.added).toMatchObject({ customers: 0, members: campaigns!.rows })

    const list = await engine.call('campaigns/list', {})
    expect(list.length).toBeGreaterThanOrEqual(1)
    for (const c of list) {
      expect(c.control).toBeGreaterThan(0)
      expect(c.levels.length).toBeGreaterThanOrEqual(2)
      expect(c.unknown).toBe(0)
      expect(c.converted?.treatment).not.toBeNull()
    }
    const db = new Database(dbPath, { readonly: true })
    const outcomes = memberOutcomes(db)
    db.close()
    expect(outcomes.filter((o) => o.redeemed).length).toBeGreaterThan(0)
    // Redemption needs the member's own code: no control member (they hold none) redeemed.
    expect(outcomes.filter((o) => o.arm === 'control' && o.redeemed)).toEqual([])
  }, 240_000)
})
