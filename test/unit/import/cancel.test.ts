import { afterEach, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { importPaths, testEngine, writeTemp } from './test-engine'

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

it('a cancelled import writes nothing and reports progress before it stops', async () => {
  const { engine, dir } = testEngine()
  current = engine
  const small = writeTemp(dir, 'small.csv', 'order_id,order_date,email,sku,qty,price\n1,2024-01-01,a@x.org,A,1,2\n')
  await importPaths(engine, [small])
  const before = await engine.call('data/overview', {})

  const rows = ['order_id,order_date,email,sku,qty,price']
  for (let i = 0; i < 60_000; i++) rows.push(`${1000 + Math.floor(i / 3)},2024-02-${String(1 + (i % 28)).padStart(2, '0')},c${i % 900}@x.org,S${i % 50},${1 + (i % 4)},9.99`)
  const big = writeTemp(dir, 'big.csv', rows.join('\n'))
  const file = engine.files.register(big)
  const inspection = await engine.call('import/inspect', { file })

  const progress: number[] = []
  const { jobId } = await engine.call('import/start', {
    requests: [{ file, presetId: inspection.presetId, mapping: inspection.mapping, dateOrder: 'auto', currency: 'USD' }],
  })
  const off = engine.on('job/progress', (p) => {
    if (p.jobId !== jobId) return
    progress.push(p.rows)
    void engine.call('jobs/cancel', { jobId })
  })
  const outcome = await engine.waitForJob(jobId)
  off()
  expect(outcome).toEqual({ status: 'cancelled', batchIds: [] })
  expect(progress.length).toBeGreaterThan(0)
  expect(progress[0]).toBeLessThan(60_000)
  expect(await engine.call('data/overview', {})).toEqual(before)
  expect((await engine.call('import/batches', {})).map((b) => b.status)).toEqual(['done'])
})
