import { afterEach, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { importPaths, testEngine, writeTemp } from '../import/test-engine'

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

async function train(engine: Engine, horizonDays: number) {
  const { jobId } = await engine.call('model/train', { horizonDays })
  return engine.waitForJob(jobId)
}

it('says there is nothing to learn from before any import', async () => {
  const { engine } = testEngine()
  current = engine
  expect(await train(engine, 90)).toMatchObject({ status: 'failed', issue: { params: { code: 'learn.no-orders' } } })
  expect(await engine.call('model/report', {})).toBeNull()
  expect((await engine.call('customers/list', { search: '', sort: 'p-buy', offset: 0, limit: 10 })).total).toBe(0)
})

it('explains when the history is too short for the horizon, with the dates', async () => {
  const { engine, dir } = testEngine()
  current = engine
  const rows = ['order_id,order_date,email,sku,qty,price']
  for (let day = 1; day <= 28; day++) rows.push(`${day},2024-02-${String(day).padStart(2, '0')},c${day % 5}@x.org,A,1,10`)
  await importPaths(engine, [writeTemp(dir, 'feb.csv', rows.join('\n'))])
  const outcome = await train(engine, 30)
  expect(outcome).toMatchObject({ status: 'failed', issue: { params: { code: 'learn.history-too-short', horizonDays: 30, first: '2024-02-01', scoring: '2024-02-29' } } })
})
