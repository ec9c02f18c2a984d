/**
 * Property test of the reader and the whole import pipeline on generated and
 * mutated files (seeded, so every run sees the same cases): random bytes,
 * random CSV with quotes, newlines, BOMs, delimiters and encodings, real
 * fixtures with bytes flipped, cut short or given a huge field, gzip cut
 * short. For every case:
 *   - nothing throws out of sniffing or importing (a bad file is a clear file
 *     error with a code, a bad row a reject with a code);
 *   - every case finishes (a hang fails the case by its time limit);
 *   - a done batch accounts for every row: rows = imported + duplicate + rejected.
 * And for random transaction logs (no order numbers, several header languages):
 * each row is one order linked to its customer, and importing it again adds nothing.
 * FUZZ_CASES scales the run (default 2,000); FUZZ_SEED picks another sequence.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { detectFormats, mappingFor } from '../../../src-main/engine/ingest/formats/detect'
import { presetById } from '../../../src-main/engine/ingest/formats/presets'
import { importFile } from '../../../src-main/engine/ingest/pipeline/import-file'
import { sniffFile } from '../../../src-main/engine/ingest/read'
import { openStore } from '../../../src-main/engine/store/open-store'
import { tempDir } from '../../support/temp-dir'
import { FORMAT_FIXTURES } from './test-engine'

const CASES = Number(process.env.FUZZ_CASES ?? 2000)
const SEED = Number(process.env.FUZZ_SEED ?? 9)
/** Far above any case's real time (milliseconds); only a hang reaches it. */
const CASE_LIMIT_MS = 20_000

function rng(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 2 ** 32
  }
}

const FIXTURES = readdirSync(FORMAT_FIXTURES)
  .filter((name) => /\.csv$/.test(name))
  .map((name) => readFileSync(join(FORMAT_FIXTURES, name)))

const PIECES = ['a', 'Z', '7', '-3', '1,5', '2.50', '€12', '¥8', ' ', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 'é', '李', '😀', '\u0000', '\uFEFF', '2024-02-30', '31/12/2023', '19970101', '=1+1']
const HEADERS = [
  ['Order ID', 'Date', 'Customer', 'SKU', 'Qty', 'Price'],
  ['ID', 'date', 'number_of_cds', 'dollar_value'],
  ['Bestellnummer', 'Datum', 'Kunde', 'Artikel', 'Menge', 'Preis'],
  ['订单编号', '买家会员名', '下单时间', '商品名称', '数量', '单价'],
  ['Customer ID', 'Email', 'Name', 'Signup Date'],
  ['SKU', 'Name', 'Price', 'Cost'],
]

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]
}

function randomCell(next: () => number): string {
  let cell = ''
  for (let k = Math.floor(next() * 6); k > 0; k--) cell += pick(next, PIECES)
  return cell
}

function randomCsv(next: () => number): Buffer {
  const delimiter = pick(next, [',', ';', '\t', '|'])
  const eol = pick(next, ['\n', '\r\n', '\r'])
  const header = pick(next, HEADERS)
  const lines = [header.join(delimiter)]
  for (let r = Math.floor(next() * 30); r > 0; r--) {
    const width = next() < 0.8 ? header.length : Math.floor(next() * (header.length + 3))
    lines.push(Array.from({ length: width }, () => (next() < 0.3 ? `"${randomCell(next)}"` : randomCell(next))).join(delimiter))
  }
  const text = (next() < 0.3 ? '\uFEFF' : '') + lines.join(eol) + (next() < 0.5 ? eol : '')
  const encoding = pick(next, ['utf8', 'utf8', 'gbk', 'win1252', 'utf16le'])
  return encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding, { addBOM: encoding === 'utf16le' && next() < 0.5 })
}

function mutate(next: () => number, source: Buffer): Buffer {
  const bytes = Buffer.from(source)
  switch (Math.floor(next() * 5)) {
    case 0: // flip bytes
      for (let k = 1 + Math.floor(next() * 20); k > 0; k--) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256)
      return bytes
    case 1: // cut short
      return bytes.subarray(0, Math.floor(next() * bytes.length))
    case 2: { // a huge field in the middle of a line
      const at = Math.floor(next() * bytes.length)
      const huge = Buffer.from((next() < 0.5 ? '"' : '') + 'x'.repeat(50_000 + Math.floor(next() * 200_000)))
      return Buffer.concat([bytes.subarray(0, at), huge, bytes.subarray(at)])
    }
    case 3: { // unbalanced quotes
      for (let k = 1 + Math.floor(next() * 5); k > 0; k--) bytes[Math.floor(next() * bytes.length)] = 0x22
      return bytes
    }
    default: { // gzip, possibly cut short
      const gz = gzipSync(bytes)
      return next() < 0.5 ? gz : gz.subarray(0, 10 + Math.floor(next() * (gz.length - 10)))
    }
  }
}

function randomFile(next: () => number): { bytes: Buffer; name: string } {
  const roll = next()
  if (roll < 0.15) {
    const bytes = Buffer.alloc(Math.floor(next() * 4000))
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256)
    return { bytes, name: 'junk.csv' }
  }
  if (roll < 0.55) return { bytes: randomCsv(next), name: 'random.csv' }
  const bytes = mutate(next, pick(next, FIXTURES))
  return { bytes, name: bytes[0] === 0x1f && bytes[1] === 0x8b ? 'mutated.csv.gz' : 'mutated.csv' }
}

function withLimit<T>(promise: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: still running after ${CASE_LIMIT_MS} ms`)), CASE_LIMIT_MS)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}

const dir = tempDir('ow-fuzz-')
// In memory, and a fresh store now and then: the cases test the reader and the pipeline, not the disk
// or a store grown by thousands of batches.
let store = openStore(':memory:')
afterAll(() => store.close())

describe('import fuzzing', () => {
  it(`never crashes, never hangs, accounts for every row (${CASES} seeded cases)`, async () => {
    const next = rng(SEED)
    const codes = new Map<string, number>()
    const count = (code: string) => codes.set(code, (codes.get(code) ?? 0) + 1)
    const control = { isCancelled: () => false, onProgress: () => {} }
    const phase = { sniff: 0, import: 0 }
    for (let n = 0; n < CASES; n++) {
      if (n % 100 === 99) {
        store.close()
        store = openStore(':memory:')
      }
      const { bytes, name } = randomFile(next)
      const path = join(dir, `${n}-${name}`)
      writeFileSync(path, bytes)
      const label = `case ${n} (seed ${SEED}, ${name}, ${bytes.length} bytes)`
      const started = Date.now()
      const t0 = performance.now()
      const sniffed = await withLimit(sniffFile(path, {}), label)
      phase.sniff += performance.now() - t0
      if (!sniffed.ok) {
        expect(sniffed.issue.code, label).toMatch(/^file\./)
        count(sniffed.issue.code)
        continue
      }
      const header = sniffed.layout.header
      const sample = sniffed.layout.sample.map((row) => row.cells)
      const guess = detectFormats(header, sample)[0]
      const preset = presetById(guess.presetId)!
      const request = { path, file: path, presetId: preset.id, mapping: mappingFor(preset, header, sample), dateOrder: 'auto' as const, currency: 'EUR' }
      const t1 = performance.now()
      const result = await withLimit(importFile(store.db, request as never, control), label)
      phase.import += performance.now() - t1
      if (result.status === 'failed') {
        if (process.env.FUZZ_REPORT && result.issue.code === 'file.unreadable') console.log(label, result.issue.message)
        expect(result.issue.code, label).toMatch(/^file\./)
        count(result.issue.code)
        continue
      }
      expect(result.status, label).toBe('done')
      if (result.status !== 'done') continue
      const batch = store.db
        .prepare('SELECT rows_total AS rows, rows_imported AS imported, rows_duplicate AS duplicate, rows_rejected AS rejected FROM import_batches WHERE id = ?')
        .get(result.batchId) as { rows: number; imported: number; duplicate: number; rejected: number }
      expect(batch.imported + batch.duplicate + batch.rejected, label).toBe(batch.rows)
      const rejects = store.db.prepare('SELECT COUNT(*) AS n FROM import_rejects WHERE batch_id = ?').get(result.batchId) as { n: number }
      expect(rejects.n, label).toBe(batch.rejected)
      for (const { code } of store.db.prepare('SELECT DISTINCT code FROM import_rejects WHERE batch_id = ?').all(result.batchId) as { code: string }[]) count(code)
      count('done')
      if (process.env.FUZZ_REPORT && Date.now() - started > 200) console.log(label, 'took', Date.now() - started, 'ms')
    }
    if (process.env.FUZZ_REPORT) console.log(`${CASES} cases, seed ${SEED}:`, Object.fromEntries([...codes].sort()), phase)
    expect(codes.get('done') ?? 0).toBeGreaterThan(CASES / 10)
  }, 120_000)

  it('reads any transaction log as one order per row, and a second import of it adds nothing', async () => {
    const next = rng(SEED + 1)
    const headers = [
      ['Customer', 'Date', 'Quantity', 'Amount'], ['ID', 'date', 'number_of_cds', 'dollar_value'], ['Kunde', 'Datum', 'Menge', 'Betrag'],
      ['Client', 'Date de commande', 'Quantité', 'Montant'], ['客户', '日期', '数量', '实付金额'], ['Email', 'Purchase date', 'Qty', 'Sales'],
    ]
    const control = { isCancelled: () => false, onProgress: () => {} }
    for (let n = 0; n < Math.max(20, CASES / 20); n++) {
      const header = pick(next, headers)
      const customers = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) => (header[0] === 'Email' ? `c${i}@example.com` : `0000${i + 1}`))
      const rows = Array.from({ length: 2 + Math.floor(next() * 40) }, () => [
        pick(next, customers), `2024-0${1 + Math.floor(next() * 3)}-1${Math.floor(next() * 3)}`, String(1 + Math.floor(next() * 3)), (1 + Math.floor(next() * 4) * 2.5).toFixed(2),
      ])
      // Repeat the first customer's purchase so every log has a customer with repeats and an identical row.
      rows.push([...rows[0]])
      const path = join(dir, `log-${n}.csv`)
      writeFileSync(path, [header, ...rows].map((cells) => cells.join(',')).join('\n') + '\n')
      const sniffed = await sniffFile(path, {})
      expect(sniffed.ok).toBe(true)
      if (!sniffed.ok) continue
      const sample = sniffed.layout.sample.map((row) => row.cells)
      const guess = detectFormats(sniffed.layout.header, sample)[0]
      expect(guess.kind, header.join(',')).toBe('orders')
      const request = { path, file: path, presetId: guess.presetId, mapping: mappingFor(presetById(guess.presetId)!, sniffed.layout.header, sample), dateOrder: 'auto' as const, currency: 'EUR' }
      const fresh = openStore(':memory:')
      try {
        const batchRow = (id: number) => fresh.db.prepare('SELECT rows_total AS rows, rows_imported AS imported, rows_duplicate AS duplicate FROM import_batches WHERE id = ?').get(id)
        const first = await importFile(fresh.db, request as never, control)
        expect(first.status, header.join(',')).toBe('done')
        if (first.status !== 'done') continue
        expect(batchRow(first.batchId)).toEqual({ rows: rows.length, imported: rows.length, duplicate: 0 })
        expect(fresh.db.prepare('SELECT COUNT(*) AS n FROM orders').get()).toEqual({ n: rows.length })
        expect(fresh.db.prepare('SELECT COUNT(*) AS n FROM orders WHERE customer_id IS NULL').get()).toEqual({ n: 0 })
        const second = await importFile(fresh.db, request as never, control)
        if (second.status !== 'done') throw new Error(`re-import ${second.status}`)
        expect(batchRow(second.batchId)).toEqual({ rows: rows.length, imported: 0, duplicate: rows.length })
      } finally {
        fresh.close()
      }
    }
  })
})
