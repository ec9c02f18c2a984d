import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { offerwise, offerwiseJson, requireBuild, tempDb } from './run-cli'

/** Everything here is refused at once, before any work starts; no training runs in this file. */
let db: string

beforeAll(() => {
  requireBuild()
  db = tempDb()
  offerwiseJson(['sample', '--db', db])
})

const errorOf = (stderr: string) => (JSON.parse(stderr) as { error: { code: string; message: string; params?: Record<string, unknown> } }).error
const modelRuns = () => {
  const store = new Database(db, { readonly: true })
  try {
    return store.prepare('SELECT COUNT(*) FROM model_runs').pluck().get()
  } finally {
    store.close()
  }
}

describe('unknown import numbers', () => {
  it.each([['rejects'], ['undo']])('%s 99 is an error, not an empty answer', (command) => {
    for (const json of [false, true]) {
      const run = offerwise([command, '99', '--db', db, ...(json ? ['--json'] : [])])
      expect(run.status).toBe(1)
      expect(run.stdout).toBe('')
      if (json) expect(errorOf(run.stderr)).toMatchObject({ code: 'import.batch-not-found', params: { batchId: 99 } })
      else expect(run.stderr).toMatch(/no import number 99/)
    }
  })
})

describe('numeric options and ids', () => {
  it.each([
    [['customers', '--top', '-5'], /--top expects a whole number from 1 to 500, got "-5"/],
    [['customers', '--top', 'abc'], /--top expects a whole number from 1 to 500, got "abc"/],
    [['serve', '--port', 'x'], /--port expects a whole number from 0 to 65535, got "x"/],
    [['rejects', 'abc'], /BATCH expects an import number .* got "abc"/],
    [['undo', '1.5'], /BATCH expects an import number .* got "1.5"/],
    [['train', '--horizon', '0d'], /--horizon expects 7 to 365 days/],
  ])('offerwise %j is a usage error naming the option', (args, message) => {
    const run = offerwise([...args, '--db', db])
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
  })
})

describe('an explicit --db in a folder that does not exist', () => {
  it('is an error, and creates nothing', () => {
    const missing = `${db}-missing-folder/deeper/x.db`
    const run = offerwise(['overview', '--db', missing, '--json'])
    expect(run.status).toBe(1)
    expect(errorOf(run.stderr)).toMatchObject({ code: 'cli.db-folder-missing' })
    expect(existsSync(`${db}-missing-folder`)).toBe(false)
  })
})

describe('cutoffs are checked against the data before training starts', () => {
  it('refuses a cutoff after the data, naming the date range and the accepted cutoffs', () => {
    const run = offerwise(['evaluate', '--cutoff', '2030-01-01', '--db', db, '--json'])
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    // The sample shop's sales run through 2024; with 90 days, the held-out window must start by 2024-10-03.
    const error = errorOf(run.stderr)
    expect(error).toMatchObject({ code: 'learn.cutoff-out-of-range', params: { cutoff: '2030-01-01', first: '2023-01-01', last: '2024-12-31', from: '2023-04-02', to: '2024-10-03', horizonDays: 90 } })
    expect(error.message).toMatch(/2023-01-01 to 2024-12-31.*between 2023-04-02 and 2024-10-03/)
    expect(modelRuns()).toBe(0)
  })

  it('refuses a cutoff too early for the window before it, and train checks its cutoff too', () => {
    expect(errorOf(offerwise(['evaluate', '--cutoff', '2023-02-01', '--db', db, '--json']).stderr)).toMatchObject({ code: 'learn.cutoff-out-of-range' })
    expect(errorOf(offerwise(['train', '--cutoff', '2026-01-01', '--db', db, '--json']).stderr)).toMatchObject({ code: 'learn.cutoff-out-of-range', params: { to: '2025-01-01' } })
    expect(modelRuns()).toBe(0)
  })

  it('refuses a day that is not in the calendar', () => {
    const run = offerwise(['evaluate', '--cutoff', '2024-02-30', '--db', db, '--json'])
    expect(run.status).toBe(1)
    expect(errorOf(run.stderr)).toMatchObject({ code: 'learn.invalid-date', params: { date: '2024-02-30' } })
    expect(modelRuns()).toBe(0)
  })
})
