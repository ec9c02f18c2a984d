import { existsSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ImportBatchSummary } from '../../src-main/engine/api'
import { offerwise, offerwiseJson, requireBuild, ROOT, tempDb } from './run-cli'

beforeAll(requireBuild)

describe('offerwise import of a file the detector cannot place', () => {
  it('refuses, names its best guesses and the command to pick one, and writes nothing', () => {
    const db = tempDb()
    const path = join(dirname(db), 'export.csv')
    writeFileSync(path, 'Spalte 1,Spalte 2,Spalte 3\nx,1,2024-01-01\ny,2,2024-01-02\n')
    const refused = offerwise(['import', path, '--db', db])
    expect(refused.status).not.toBe(0)
    expect(refused.stderr + refused.stdout).toMatch(/not sure what this file holds/)
    expect(refused.stderr + refused.stdout).toMatch(/--format generic-/)
    // Nothing was imported: no batch at all (the store may not even exist).
    if (existsSync(db)) expect(offerwiseJson<ImportBatchSummary[]>(['batches', '--db', db])).toEqual([])
  })

  it('imports a transaction log as orders without being asked', () => {
    const db = tempDb()
    const result = offerwiseJson<{ batches: ImportBatchSummary[] }>(['import', join(ROOT, 'test/fixtures/formats/transaction-log-cdnow.csv'), '--db', db])
    expect(result.batches[0]).toMatchObject({ presetId: 'generic-orders', recordKind: 'orders', rows: 16, imported: 16 })
  })
})
