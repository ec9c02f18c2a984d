/**
 * One `export/write` job for every format (`formats`) loads the plan, its rows
 * and codes once; each of its files must be byte for byte what that format
 * writes alone, with the holdout list once. Also: the generic files name a
 * "deeper offer" reason's offer in words, never by its id.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertApprovedPlan, insertCustomers } from '../../../bench/export-store'
import type { ExportArgs, ExportFileContent } from '../../../src-main/engine/export/export-api'
import { EXPORT_FORMATS } from '../../../src-main/engine/export/export-files'
import { writeGenericCsv } from '../../../src-main/engine/export/formats/generic'
import { createEngine, type Engine } from '../../../src-main/engine/engine'
import { openStore } from '../../../src-main/engine/store/open-store'
import { tempDir } from '../../support/temp-dir'
import { ROOT } from '../import/test-engine'
import { csvRecords, meta, PERCENT15, row } from './export-fixtures'

const N = 3_000
let engine: Engine
let planId: number

const args = (overrides: Partial<ExportArgs> = {}): ExportArgs => ({ planId, format: 'csv', withHoldout: true, privacy: 'keep', locale: 'en', ...overrides })

function contents(files: ExportFileContent[]): Map<string, string> {
  return new Map(files.map((f) => [f.fileName, `${f.encoding}:${f.content}`]))
}

beforeAll(() => {
  const dbPath = join(tempDir('ow-export-all-'), 'store.sqlite')
  const store = openStore(dbPath)
  insertCustomers(store.db, N)
  planId = insertApprovedPlan(store.db, N, 3)
  store.close()
  engine = createEngine({ dbPath, resourcesDir: join(ROOT, 'resources'), shell: 'web-bridge', workerScript: null })
}, 120_000)

afterAll(async () => {
  await engine?.close()
})

describe('every format in one export job', () => {
  it('writes each file exactly as its format alone does, and the holdout list once', async () => {
    // The first export makes the codes: the one job makes them for all formats.
    const together = await engine.call('export/write', args({ formats: [...EXPORT_FORMATS] }))
    expect(together.cancelled).toBe(false)
    const all = contents(together.files as ExportFileContent[])
    expect(together.files.filter((f) => f.kind === 'holdout')).toHaveLength(1)
    expect(together.files.at(-1)?.kind).toBe('holdout')

    const alone = new Map<string, string>()
    for (const format of EXPORT_FORMATS) {
      const written = await engine.call('export/write', args({ format }))
      for (const [name, content] of contents(written.files as ExportFileContent[])) {
        if (alone.has(name)) expect(content).toBe(alone.get(name))
        alone.set(name, content)
      }
    }
    // XLSX zips carry their write time, so they are compared by what they hold rather than their bytes.
    const xlsx = [...alone.keys()].filter((name) => name.endsWith('.xlsx'))
    expect(xlsx).toHaveLength(1)
    expect([...all.keys()].sort()).toEqual([...alone.keys()].sort())
    for (const [name, content] of alone) if (!name.endsWith('.xlsx')) expect(all.get(name), name).toBe(content)
  })

  it('refuses an unknown format in `formats`', async () => {
    await expect(engine.call('export/write', args({ formats: ['pdf' as never] }))).rejects.toMatchObject({ code: 'api.invalid-arguments' })
  })
})

describe('reasons in the generic files', () => {
  it('name a deeper offer in words, as the Plan step does', () => {
    const deeper = { ...PERCENT15, id: 'percent:25', value: 25 }
    const input = {
      meta: meta({ offers: [PERCENT15, deeper] }),
      rows: [row(0, { offer: PERCENT15, reasons: [{ code: 'deeper-not-worth', params: { deeper: 'percent:25' } }] })],
    }
    const [record] = csvRecords(writeGenericCsv(input).content as string).records
    expect(record.reason).toBe('A deeper offer (25% off your next order) would earn less')
    expect(record.reason).not.toContain('percent:25')
  })
})
