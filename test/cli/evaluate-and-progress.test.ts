import { beforeAll, describe, expect, it } from 'vitest'
import type { CustomerScore, ModelReport } from '../../src-main/engine/api'
import { offerwise, offerwiseJson, requireBuild, tempDb } from './run-cli'

/** Few epochs: these tests are about what is stored and printed, not about model quality. */
const QUICK = ['--epochs', 'purchase=2,sequence=1,affinity=1']
type CustomerList = { total: number; rows: CustomerScore[] }

let db: string
beforeAll(() => {
  requireBuild()
  db = tempDb()
})

describe('progress on stderr (not a terminal here: plain lines)', () => {
  it('import prints step lines to stderr and only its result to stdout', () => {
    const run = offerwise(['sample', '--db', db])
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(/^Saving to your database: .*%/m)
    expect(run.stdout).not.toMatch(/Saving to your database/)
    expect(run.stdout).toMatch(/orders\.csv\.gz .*rows = /)
  })

  it('--json keeps stderr free of progress unless --progress asks for it', () => {
    const quiet = offerwise(['import', 'resources/sample-shop/products.csv', '--db', db, '--json'])
    expect(quiet.status).toBe(0)
    expect(quiet.stderr).toBe('')
    const asked = offerwise(['import', 'resources/sample-shop/products.csv', '--db', db, '--json', '--progress'])
    expect(asked.status).toBe(0)
    expect(asked.stderr).toMatch(/^(Reading the file|Saving to your database|Finishing up): /m)
    expect(JSON.parse(asked.stdout)).toMatchObject({ status: 'done' })
  })
})

describe('offerwise evaluate', () => {
  it('never changes the customer scores that serve', () => {
    const trained = offerwise(['train', ...QUICK, '--db', db, '--json'])
    expect(trained.status).toBe(0)
    expect(trained.stderr).toBe('')
    expect((JSON.parse(trained.stdout) as ModelReport).evaluationCutoff).toBe('2024-10-03')
    const before = offerwiseJson<CustomerList>(['customers', '--top', '500', '--db', db])
    expect(before.total).toBeGreaterThan(0)

    const evaluated = offerwise(['evaluate', '--cutoff', '2024-06-01', ...QUICK, '--db', db])
    expect(evaluated.status).toBe(0)
    // Training steps in words on stderr; the evaluation's own report on stdout.
    expect(evaluated.stderr).toMatch(/^Learning who buys soon: /m)
    expect(evaluated.stdout).toMatch(/^Held-out window: 2024-06-01 \+ 90 days/m)
    expect(evaluated.stdout).toMatch(/customer scores in use are unchanged/)

    expect(offerwiseJson<CustomerList>(['customers', '--top', '500', '--db', db])).toEqual(before)
  })
})
