import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { offerwise, offerwiseJson, requireBuild, ROOT, tempDb } from './run-cli'

beforeAll(requireBuild)

const fixture = (name: string) => join(ROOT, 'test/fixtures/formats', name)

describe('offerwise on bad input', () => {
  it('explains a missing file on stderr with exit code 1', () => {
    const run = offerwise(['import', '/nonexistent/orders.csv', '--db', tempDb()])
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/orders\.csv/)
  })

  it('gives machine-readable errors with --json', () => {
    const run = offerwise(['inspect', join(ROOT, 'test/fixtures/read/empty.csv'), '--db', tempDb(), '--json'])
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stderr)).toMatchObject({ error: { code: 'reject.file.empty' } })
  })

  it('refuses unknown commands and options with usage and exit code 2', () => {
    expect(offerwise(['frobnicate']).status).toBe(2)
    const bad = offerwise(['import', fixture('shopify-orders.csv'), '--colour'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/Usage: offerwise/)
  })
})

describe('offerwise with mapping overrides and rejects export', () => {
  it('imports with --format/--map/--date-order and writes a rejects CSV', () => {
    const db = tempDb()
    const refused = offerwise(['import', fixture('generic-ambiguous-dates.csv'), '--db', db])
    expect(refused.status).toBe(1)
    expect(refused.stdout).toMatch(/could be day\/month or month\/day/)
    const ok = offerwiseJson<{ batches: { id: number; rows: number; imported: number }[] }>(['import', fixture('generic-ambiguous-dates.csv'), '--db', db, '--date-order', 'mdy'])
    expect(ok.batches[0].imported).toBe(ok.batches[0].rows)

    const pdd = offerwiseJson<{ batches: { id: number; rejected: number }[] }>(['import', fixture('pinduoduo-orders.csv'), '--db', db, '--format', 'pinduoduo-orders'])
    expect(pdd.batches[0].rejected).toBe(1)
    const out = join(dirname(db), 'rejects.csv')
    expect(offerwise(['rejects', String(pdd.batches[0].id), '--db', db, '--out', out, '--locale', 'zh-CN']).status).toBe(0)
    const csv = readFileSync(out, 'utf8')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.split('\r\n')[1]).toMatch(/^7,支付时间,/)
  })
})
