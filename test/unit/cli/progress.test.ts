import { describe, expect, it } from 'vitest'
import type { JobProgress } from '../../../src-main/engine/api'
import { duration, progressPrinter, progressStyle } from '../../../src-main/cli/progress'

const progress = (over: Partial<JobProgress>): JobProgress => ({
  jobId: 'j',
  kind: 'train',
  step: 'features',
  done: 0,
  total: 7,
  unit: 'steps',
  rowsPerSecond: 0,
  etaSeconds: null,
  rows: 0,
  ...over,
})

function record(style: ReturnType<typeof progressStyle>) {
  let clock = 0
  const out: string[] = []
  const printer = progressPrinter(style, (text) => out.push(text), () => clock)
  return { out, printer, advance: (ms: number) => (clock += ms) }
}

describe('progressStyle', () => {
  it('is a bar on a terminal, lines elsewhere, and nothing with --json unless --progress', () => {
    expect(progressStyle({ json: false, progress: false, isTTY: true })).toBe('bar')
    expect(progressStyle({ json: false, progress: false, isTTY: false })).toBe('lines')
    expect(progressStyle({ json: true, progress: false, isTTY: true })).toBe('none')
    expect(progressStyle({ json: true, progress: true, isTTY: false })).toBe('lines')
  })
})

describe('plain lines', () => {
  it('prints every change of step, and within a step at most one line every few seconds', () => {
    const { out, printer, advance } = record('lines')
    printer.update(progress({ step: 'features' }))
    printer.update(progress({ step: 'training-purchase', unit: 'epochs', done: 1, total: 20, loss: 0.5, etaSeconds: 95 }))
    printer.update(progress({ step: 'training-purchase', unit: 'epochs', done: 2, total: 20, loss: 0.4, etaSeconds: 90 }))
    advance(10_000)
    printer.update(progress({ step: 'training-purchase', unit: 'epochs', done: 9, total: 20, loss: 0.3, etaSeconds: 40 }))
    printer.end()
    expect(out).toEqual([
      "Summarising each customer's history: 0%, step 1 of 7, estimating time left\n",
      'Learning who buys soon: 5%, epoch 1 of 20, loss 0.5000, about 1 min 35 s left\n',
      'Learning who buys soon: 45%, epoch 9 of 20, loss 0.3000, about 40 s left\n',
    ])
  })
})

describe('the terminal bar', () => {
  it('redraws one line with the step in words, percent and a labelled time left, and ends it once', () => {
    const { out, printer } = record('bar')
    printer.update(progress({ kind: 'import', step: 'writing', unit: 'bytes', done: 50, total: 100, rows: 1200, rowsPerSecond: 600, etaSeconds: 3 }))
    printer.end()
    expect(out).toHaveLength(2)
    expect(out[0]).toMatch(/^\rSaving to your database\s+\[#{10}\.{10}\]\s+50%\s+1,200 rows, 600 rows\/s\s+about 3 s left\x1b\[K$/)
    expect(out[1]).toBe('\n')
  })

  it('prints nothing at all in the none style', () => {
    const { out, printer } = record('none')
    printer.update(progress({}))
    printer.end()
    expect(out).toEqual([])
  })
})

describe('duration', () => {
  it('reads as seconds, minutes or hours', () => {
    expect([duration(42), duration(95), duration(3 * 3600 + 65)]).toEqual(['42 s', '1 min 35 s', '3 h 01 min'])
  })
})
