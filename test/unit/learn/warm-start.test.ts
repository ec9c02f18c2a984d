import { join } from 'node:path'
import { expect, it } from 'vitest'
import { createEngine } from '../../../src-main/engine/engine'
import { previousModels } from '../../../src-main/engine/learn/previous-models'
import { openStore } from '../../../src-main/engine/store/open-store'
import { ROOT } from '../import/test-engine'
import { tempDir } from '../../support/temp-dir'

it('a second training run starts from the first run’s saved models', async () => {
  const dbPath = join(tempDir('ow-warm-'), 'offerwise.sqlite')
  const engine = createEngine({ dbPath, resourcesDir: join(ROOT, 'resources'), shell: 'web-bridge', workerScript: null, trainDefaults: { epochs: { purchase: 5, sequence: 2, affinity: 2 } } })
  try {
    await engine.waitForJob((await engine.call('import/sample', {})).jobId)
    const store = openStore(dbPath)
    expect((await previousModels(store.db)).runId).toBeNull()

    expect((await engine.waitForJob((await engine.call('model/train', { horizonDays: 90 })).jobId))?.status).toBe('trained')
    const first = await previousModels(store.db)
    expect(first.runId).not.toBeNull()
    expect(first.purchase?.metadata.kind).toBe('purchase')
    expect(first.sequence?.metadata.kind).toBe('sequence')
    expect(first.affinity?.metadata.kind).toBe('affinity')

    expect((await engine.waitForJob((await engine.call('model/train', { horizonDays: 90 })).jobId))?.status).toBe('trained')
    expect((await previousModels(store.db)).runId).toBe((first.runId ?? 0) + 1)
    store.close()
  } finally {
    await engine.close()
  }
}, 300_000)
