import { describe, expect, it } from 'vitest'
import { tokenize } from './helpers'

/** Seeded generator: the same "random" cases on every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 2 ** 32
  }
}

const ALPHABET = ['a', 'b', 'Z', '1', ' ', ',', ';', '"', '\n', '\r\n', '\r', 'é', '李', '😀', '\t']

function randomCell(next: () => number): string {
  const length = Math.floor(next() * 8)
  let cell = ''
  for (let k = 0; k < length; k++) cell += ALPHABET[Math.floor(next() * ALPHABET.length)]
  return cell
}

/** RFC 4180 writer: quote when needed, double the quotes. */
function writeCell(cell: string): string {
  return /[",\r\n]/.test(cell) || cell.startsWith(' ') ? `"${cell.replace(/"/g, '""')}"` : cell
}

function lineCount(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length
}

describe('CsvTokenizer round-trips well-formed CSV in any chunking', () => {
  it('reads back 300 random tables exactly, with correct line numbers', () => {
    const next = rng(42)
    for (let table = 0; table < 300; table++) {
      const width = 1 + Math.floor(next() * 4)
      const rows: string[][] = []
      for (let r = 0; r < 1 + Math.floor(next() * 6); r++) {
        // A leading 'x' keeps rows from being blank (blank rows are skipped by design).
        rows.push(Array.from({ length: width }, (_, c) => (c === 0 ? 'x' : '') + randomCell(next)))
      }
      const eol = ['\n', '\r\n', '\r'][Math.floor(next() * 3)]
      const lines = rows.map((row) => row.map(writeCell).join(','))
      const text = lines.join(eol) + (next() < 0.5 ? eol : '')

      const expected: Array<[number, string[]]> = []
      let line = 1
      for (let r = 0; r < rows.length; r++) {
        expected.push([line, rows[r]])
        line += lineCount(lines[r]) + 1
      }

      const pieces: string[] = []
      for (let at = 0; at < text.length; ) {
        const size = 1 + Math.floor(next() * 12)
        pieces.push(text.slice(at, at + size))
        at += size
      }
      expect(tokenize(pieces, { expectedCells: width }), JSON.stringify(text)).toEqual(expected)
    }
  })

  it('never throws or loops on random malformed text, and hands out each line at most once', () => {
    const next = rng(7)
    for (let round = 0; round < 300; round++) {
      let text = ''
      for (let k = 0; k < 60; k++) text += ALPHABET[Math.floor(next() * ALPHABET.length)]
      const pieces = text.match(/[\s\S]{1,5}/gu) ?? []
      const events = tokenize(pieces, { expectedCells: 3, maxQuotedLines: 4, maxRecordChars: 40 })
      const starts = events.map((e) => e[0])
      // Records and problems come out in file order, never twice for one line.
      expect([...starts].sort((a, b) => a - b)).toEqual(starts)
      expect(new Set(starts).size).toBe(starts.length)
      expect(Math.max(0, ...starts)).toBeLessThanOrEqual(lineCount(text) + 1)
    }
  })
})
