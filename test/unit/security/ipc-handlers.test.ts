import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileRegistry } from '../../../src-main/engine/ingest/file-registry'
import { answerCall, stageChosenFile } from '../../../src-main/ipc-handlers'
import { testEngine } from '../import/test-engine'

const made = testEngine()
afterAll(() => made.engine.close())

describe('file registry', () => {
  it('hands out a fresh opaque handle per chosen file and resolves only those', () => {
    const files = new FileRegistry()
    const a = files.register('/data/orders.csv')
    const b = files.register('/data/orders.csv')
    expect(a).toMatch(/^file-[0-9a-f]{32}$/)
    expect(b).not.toBe(a)
    expect(a).not.toContain('orders')
    expect(files.resolve(a)).toBe('/data/orders.csv')
    for (const other of ['/data/orders.csv', '/etc/passwd', 'file-00000000000000000000000000000000', '', 42, null]) {
      expect(() => files.resolve(other), String(other)).toThrow(expect.objectContaining({ code: 'import.file-not-chosen' }))
    }
    files.forget(a)
    expect(() => files.resolve(a)).toThrow(expect.objectContaining({ code: 'import.file-not-chosen' }))
    expect(files.resolve(b)).toBe('/data/orders.csv')
  })
})

describe('IPC handlers', () => {
  const csv = join(made.dir, 'orders.csv')
  writeFileSync(csv, 'order_id,order_date,email,total\n1,2024-01-02,a@example.com,10\n')
  mkdirSync(join(made.dir, 'a-folder'))

  it('refuses raw paths and unknown handles in import/inspect and import/start', async () => {
    for (const file of ['/etc/passwd', csv, 'file-0123456789abcdef0123456789abcdef']) {
      const inspect = await answerCall(made.engine, 'import/inspect', { file })
      expect(inspect, file).toEqual({ error: expect.objectContaining({ code: 'import.file-not-chosen' }) })
      const start = await answerCall(made.engine, 'import/start', { requests: [{ file, presetId: 'generic-orders', mapping: {}, dateOrder: 'auto', currency: 'USD' }] })
      expect(start, file).toEqual({ error: expect.objectContaining({ code: 'import.file-not-chosen' }) })
    }
    // The argument that used to carry a path is no longer accepted at all.
    expect(await answerCall(made.engine, 'import/inspect', { path: '/etc/passwd' })).toEqual({ error: expect.objectContaining({ code: 'api.invalid-arguments' }) })
    expect(await made.engine.call('import/batches', {})).toEqual([])
  })

  it('stages only absolute paths of existing files, and the handle then reads that file', async () => {
    for (const path of ['', 'orders.csv', '../orders.csv', join(made.dir, 'missing.csv'), join(made.dir, 'a-folder'), 7, null, { path: csv }]) {
      expect(stageChosenFile(made.engine.files, path), JSON.stringify(path)).toEqual({ error: expect.objectContaining({ code: 'import.file-not-chosen' }) })
    }
    const staged = stageChosenFile(made.engine.files, csv)
    if (!('result' in staged)) throw new Error('not staged')
    expect(staged.result).toMatch(/^file-[0-9a-f]{32}$/)
    const reply = await answerCall(made.engine, 'import/inspect', { file: staged.result })
    if (!('result' in reply)) throw new Error(JSON.stringify(reply))
    expect(reply.result).toMatchObject({ file: staged.result, fileName: 'orders.csv' })
    expect(JSON.stringify(reply.result)).not.toContain(made.dir)
  })

  it('answers an unknown channel with a code, not a stack', async () => {
    expect(await answerCall(made.engine, 'fs/read', { path: '/etc/passwd' })).toEqual({ error: { code: 'api.unknown-channel', message: 'Unknown call.' } })
  })
})
