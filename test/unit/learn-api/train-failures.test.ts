import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import type { Engine } from '../../../src-main/engine/engine'
import { importPaths, testEngine, writeTemp } from '../import/test-engine'

let current: Engine | null = null
afterEach(async () => {
  await current?.close()
  current = null
})

/** Refused when asked, before a job starts: the error the call rejects with. */
async function refusal(call: Promise<unknown>) {
  return call.then(
    () => null,
    (error: unknown) => error,
  )
}

const modelRuns = (dbPath: string) => {
  const db = new Database(dbPath, { readonly: true })
  try {
    return db.prepare('SELECT COUNT(*) FROM model_runs').pluck().get()
  } finally {
    db.close()
  }
}

it('says there is nothing to learn from before any import', async () => {
  const { engine } = testEngine()
  current = engine
  expect(await refusal(engine.call('model/train', { horizonDays: 90 }))).toMatchObject({ code: 'learn.no-orders' })
  expect(await engine.call('model/report', {})).toBeNull()
  expect((await engine.call('customers/list', { search: '', sort: 'p-buy', offset: 0, limit: 10 })).total).toBe(0)
})

it('explains when the history is too short for the horizon, with the dates', async () => {
  const { engine, dir, dbPath } = testEngine()
  current = engine
  const rows = ['order_id,order_date,email,sku,qty,price']
  for (let day = 1; day <= 28; day++) rows.push(`${day},2024-02-${String(day).padStart(2, '0')},c${day % 5}@x.org,A,1,10`)
  await importPaths(engine, [writeTemp(dir, 'feb.csv', rows.join('\n'))])
  expect(await refusal(engine.call('model/train', { horizonDays: 30 }))).toMatchObject({ code: 'learn.history-too-short', params: { horizonDays: 30, first: '2024-02-01', scoring: '2024-02-29' } })
  expect(modelRuns(dbPath)).toBe(0)
})

it('refuses a cutoff outside the data, or not in the calendar, before any job starts', async () => {
  const { engine, dir, dbPath } = testEngine()
  current = engine
  const rows = ['order_id,order_date,email,sku,qty,price']
  for (let day = 0; day < 120; day++) rows.push(`${day},${new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10)},c${day % 5}@x.org,A,1,10`)
  await importPaths(engine, [writeTemp(dir, 'jan-apr.csv', rows.join('\n'))])
  // Orders 2024-01-01 .. 2024-04-29; a 30-day horizon needs orders before training and in [evaluation, scoring).
  expect(await refusal(engine.call('model/evaluate', { cutoff: '2030-01-01', horizonDays: 30 }))).toMatchObject({
    code: 'learn.cutoff-out-of-range',
    params: { first: '2024-01-01', last: '2024-04-29', from: '2024-02-01', to: '2024-03-31', cutoff: '2030-01-01' },
  })
  expect(await refusal(engine.call('model/train', { cutoff: '2024-02-15', horizonDays: 30 }))).toMatchObject({ code: 'learn.cutoff-out-of-range', params: { from: '2024-03-02', to: '2024-04-30' } })
  expect(await refusal(engine.call('model/evaluate', { cutoff: '2024-02-30', horizonDays: 30 }))).toMatchObject({ code: 'learn.invalid-date' })
  expect(modelRuns(dbPath)).toBe(0)
  expect(await engine.call('model/report', {})).toBeNull()
})
