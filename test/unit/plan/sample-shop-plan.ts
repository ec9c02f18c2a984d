/**
 * One sample shop, imported and trained once per test file, for the plan
 * tests: the real import, the real learn run (few epochs), the real planner.
 */
import { join } from 'node:path'
import type { PlanSettings } from '../../../src-main/engine/planner/planner-api'
import { createEngine, type Engine } from '../../../src-main/engine/engine'
import { ROOT } from '../import/test-engine'
import { tempDir } from '../../support/temp-dir'

export const DEFAULT_SETTINGS: PlanSettings = {
  budget: 250,
  budgetMode: 'expected',
  offers: { percent: [5, 10, 15, 20], fixed: [], freeShipping: false, spendSave: [], scopes: ['all'] },
  days: 14,
  holdoutShare: 0.1,
  defaultMargin: 0.5,
  maxDepth: 0.5,
  exclusions: { boughtWithinDays: 0, maxReturnShare: 1, couponOnly: false, requireConsent: false, openCoupon: true, manual: [] },
  prior: { maxRateMultiplier: 1.3, halfDepth: 0.08 },
  seed: 7,
}

export async function trainedSampleShop(): Promise<{ engine: Engine; dbPath: string }> {
  const dbPath = join(tempDir('ow-plan-'), 'offerwise.sqlite')
  const engine = createEngine({ dbPath, resourcesDir: join(ROOT, 'resources'), shell: 'web-bridge', workerScript: null, trainDefaults: { epochs: { purchase: 20, sequence: 2, affinity: 2 } } })
  const sample = await engine.waitForJob((await engine.call('import/sample', {})).jobId)
  if (sample?.status !== 'done') throw new Error(`sample import: ${JSON.stringify(sample)}`)
  const trained = await engine.waitForJob((await engine.call('model/train', { horizonDays: 90 })).jobId)
  if (trained?.status !== 'trained') throw new Error(`training: ${JSON.stringify(trained)}`)
  return { engine, dbPath }
}

export async function makePlan(engine: Engine, settings: Partial<PlanSettings> = {}): Promise<number> {
  const outcome = await engine.waitForJob((await engine.call('plan/create', { ...DEFAULT_SETTINGS, ...settings })).jobId)
  if (outcome?.status !== 'planned') throw new Error(`plan: ${JSON.stringify(outcome)}`)
  return outcome.planId
}
