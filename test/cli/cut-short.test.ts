/** Issue 9: a .gz that breaks off part-way fails with exit 1 and writes nothing, unless --keep-readable-part. */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { offerwise, requireBuild, ROOT, tempDb } from './run-cli'

beforeAll(requireBuild)

interface Batch { status: string; imported: number; rejected: number; failure: { code: string } | null }

describe('offerwise import of a file cut short', () => {
  it('fails and writes nothing; --keep-readable-part imports the rows before the break', () => {
    const db = tempDb()
    const whole = readFileSync(join(ROOT, 'resources/sample-shop/orders.csv.gz'))
    const cut = join(dirname(db), 'orders-cut.csv.gz')
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)))

    const refused = offerwise(['import', cut, '--db', db, '--json'])
    expect(refused.status).toBe(1)
    const failed = (JSON.parse(refused.stdout) as { batches: Batch[] }).batches
    expect(failed).toEqual([expect.objectContaining({ status: 'failed', imported: 0, failure: expect.objectContaining({ code: 'file.cut-short' }) })])
    const overview = JSON.parse(offerwise(['overview', '--db', db, '--json']).stdout) as { orders: number; lines: number }
    expect(overview).toMatchObject({ orders: 0, lines: 0 })

    const kept = offerwise(['import', cut, '--db', db, '--json', '--keep-readable-part'])
    expect(kept.status, kept.stderr).toBe(0)
    const [batch] = (JSON.parse(kept.stdout) as { batches: Batch[] }).batches
    expect(batch).toMatchObject({ status: 'done', failure: null, rejected: 1 })
    expect(batch!.imported).toBeGreaterThan(100)
  })
})
