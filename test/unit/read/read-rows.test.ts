import { statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readRows, sniffFile } from '../../../src-main/engine/ingest/read'
import type { FileLayout } from '../../../src-main/engine/ingest/read/types'
import { fixture, readAll } from './helpers'

async function layoutOf(name: string): Promise<FileLayout> {
  const result = await sniffFile(fixture(name))
  if (!result.ok) throw new Error(`${name}: ${result.issue.message}`)
  return result.layout
}

const LATIN_NAMES = ['Café mug', 'Baker’s apron', 'Crème fountain pen', 'Café mug']

describe('readRows: every encoding decodes the same, whatever the chunk size', () => {
  it.each([
    'orders-utf8.csv',
    'orders-utf8-bom.csv',
    'orders-utf16le-bom.csv',
    'orders-utf16be-bom.csv',
    'orders-utf16le-nobom.csv',
    'orders-win1252.csv',
    'orders-crlf.csv',
    'orders-cr.csv',
    'orders.csv.gz',
  ])('%s', async (name) => {
    const layout = await layoutOf(name)
    const reference = await readAll(fixture(name), layout)
    expect(reference.issues).toEqual([])
    expect(reference.rows.map((r) => r.line)).toEqual([2, 3, 4, 5])
    expect(reference.rows.map((r) => r.cells[4])).toEqual(LATIN_NAMES)
    expect(reference.rows[1].cells[2]).toBe('Zoë O’Brien')
    // Tiny reads split multi-byte characters, CRLFs and BOMs across chunks.
    for (const chunkBytes of [1, 2, 3, 5, 7]) {
      const small = await readAll(fixture(name), layout, { chunkBytes })
      expect(small.rows, `${chunkBytes}-byte chunks`).toEqual(reference.rows)
    }
  })

  it('decodes GBK split anywhere', async () => {
    const layout = await layoutOf('orders-gbk.csv')
    const reference = await readAll(fixture('orders-gbk.csv'), layout)
    expect(reference.rows.map((r) => r.cells[2])).toEqual(['张三', '李四', '王小明'])
    for (const chunkBytes of [1, 3]) {
      expect((await readAll(fixture('orders-gbk.csv'), layout, { chunkBytes })).rows).toEqual(reference.rows)
    }
  })
})

describe('readRows: batches and progress', () => {
  it('hands out batches of the requested size and ends at the file size', async () => {
    const layout = await layoutOf('broken-quote-long.csv')
    const sizes: number[] = []
    let last = { bytesRead: 0, sizeBytes: 0 }
    for await (const batch of readRows(fixture('broken-quote-long.csv'), layout, { batchSize: 100 })) {
      sizes.push(batch.rows.length + batch.issues.length)
      expect(batch.bytesRead).toBeGreaterThanOrEqual(last.bytesRead)
      last = batch
    }
    expect(sizes.slice(0, -1).every((n) => n === 100)).toBe(true)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(303)
    expect(last.bytesRead).toBe(statSync(fixture('broken-quote-long.csv')).size)
    expect(last.sizeBytes).toBe(last.bytesRead)
  })

  it('reports compressed bytes for .gz', async () => {
    const layout = await layoutOf('orders.csv.gz')
    const all = await readAll(fixture('orders.csv.gz'), layout)
    expect(all.lastBytesRead).toBe(statSync(fixture('orders.csv.gz')).size)
  })

  it('stops reading when the caller stops', async () => {
    const layout = await layoutOf('broken-quote-long.csv')
    let batches = 0
    for await (const batch of readRows(fixture('broken-quote-long.csv'), layout, { batchSize: 10 })) {
      batches++
      // 9 rows and the broken quote on line 3: issues count towards the batch size
      expect(batch.rows.length + batch.issues.length).toBe(10)
      break
    }
    expect(batches).toBe(1)
  })
})

describe('readRows: quoting', () => {
  it('reads embedded line breaks and doubled quotes with the line each row starts on', async () => {
    const layout = await layoutOf('quoted.csv')
    const all = await readAll(fixture('quoted.csv'), layout)
    expect(all.issues).toEqual([])
    expect(all.rows).toEqual([
      { line: 2, cells: ['2001', 'Mug, large', 'Handle with care\nfragile', '1'] },
      { line: 4, cells: ['2002', 'The "Best" Tea', '', '2'] },
      { line: 5, cells: ['2003', 'Plain', 'Line one\r\nLine two\nLine three', '3'] },
      { line: 8, cells: ['2004', '24" screen', 'ok', '1'] },
      { line: 9, cells: ['2005', 'Glass 24" frame', '', '1'] },
    ])
    // Each row keeps its text exactly as the file has it, quotes and line breaks included.
    expect(all.raw[0]).toBe('2001,"Mug, large","Handle with care\nfragile",1')
    expect(all.raw[1]).toBe('2002,"The ""Best"" Tea","",2')
  })
})

describe('readRows: malformed files account for every record', () => {
  it('pads short rows, drops empty overflow, reports rows with extra values', async () => {
    const layout = await layoutOf('ragged.csv')
    const all = await readAll(fixture('ragged.csv'), layout)
    expect(all.rows).toEqual([
      { line: 2, cells: ['3001', 'A', '1', '2.00'] },
      { line: 3, cells: ['3002', 'B', '2', ''] },
      { line: 5, cells: ['3004', 'D', '4', '5.00'] },
      { line: 6, cells: ['3005', 'E, large', '5', '6.00'] },
    ])
    // The padded row says how many values its line really had, and keeps the line as written.
    expect(all.found).toEqual([undefined, 3, undefined, undefined])
    expect(all.raw[1]).toBe('3002,B,2')
    expect(all.issues.map((i) => [i.row, i.code, i.params])).toEqual([
      [4, 'row.ragged', { expected: 4, found: 5 }],
      [7, 'row.ragged', { expected: 4, found: 6 }],
    ])
    expect(all.issues[0].raw).toBe('3003,C,3,4.00,extra')
    expect(all.issues[0].message).toMatch(/Row 4 has 5 values but the file has 4 columns/)
    expect(all.rows.length + all.issues.length).toBe(6)
  })

  it('reports a broken quote and keeps reading the rows after it', async () => {
    const layout = await layoutOf('broken-quote.csv')
    const all = await readAll(fixture('broken-quote.csv'), layout)
    expect(all.rows.map((r) => [r.line, r.cells[0], r.cells[2]])).toEqual([
      [2, '4001', 'Mug'],
      [4, '4003', 'Tea'],
      [5, '4004', 'Quoted, fine'],
      [6, '4005', 'Pen'],
    ])
    expect(all.issues.map((i) => [i.row, i.code, i.raw])).toEqual([[3, 'row.unclosed-quote', '4002,B,"Broken mug,2']])
    expect(all.rows.length + all.issues.length).toBe(5)
  })

  it('reports a quote still open at the end of the file', async () => {
    const layout = await layoutOf('broken-quote-eof.csv')
    const all = await readAll(fixture('broken-quote-eof.csv'), layout)
    expect(all.rows.map((r) => r.line)).toEqual([2, 4])
    expect(all.issues.map((i) => [i.row, i.code])).toEqual([[3, 'row.unclosed-quote']])
  })

  it('limits how far a stray quote can reach', async () => {
    const layout = await layoutOf('broken-quote-long.csv')
    const all = await readAll(fixture('broken-quote-long.csv'), layout, { chunkBytes: 256 })
    expect(all.issues.map((i) => [i.row, i.code])).toEqual([[3, 'row.unclosed-quote']])
    expect(all.rows).toHaveLength(302)
    expect(all.rows[1]).toEqual({ line: 4, cells: ['7003', 'S0', '0'] })
    expect(all.rows.at(-1)).toEqual({ line: 304, cells: ['7303', 'Z', '9'] })
  })

  it('skips blank and separator-only lines without counting them as rows', async () => {
    const layout = await layoutOf('blank-lines.csv')
    const all = await readAll(fixture('blank-lines.csv'), layout)
    expect(all.issues).toEqual([])
    expect(all.rows).toEqual([
      { line: 3, cells: ['8001', 'A', '1'] },
      { line: 6, cells: ['8002', 'B', '2'] },
      { line: 9, cells: ['8003', 'C', '3'] },
    ])
  })

  it('hands out the rows of a .gz cut short and says where it stopped (a stop, not a row)', async () => {
    const layout = await layoutOf('truncated.csv.gz')
    const all = await readAll(fixture('truncated.csv.gz'), layout)
    expect(all.rows.length).toBeGreaterThan(100)
    all.rows.forEach((row, k) => expect(row).toEqual({ line: k + 2, cells: [String(10000 + k), expect.any(String), String(k % 5)] }))
    expect(all.issues).toEqual([])
    expect(all.stopped?.code).toBe('file.cut-short')
    expect(all.stopped?.row).toBe(all.rows.length + 2)
  })
})
