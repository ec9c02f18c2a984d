import { CsvTokenizer, type TokenSink } from './csv-tokenizer'
import type { Delimiter } from './types'

export interface DelimiterGuess {
  delimiter: Delimiter
  /** Only for 'whitespace'. */
  whitespaceRun?: 1 | 2
}

/** Records looked at; enough to see through a few odd rows. */
const MAX_RECORDS = 60
/** Text looked at; a cap so a huge first row cannot make sniffing slow. */
const MAX_CHARS = 64 * 1024

const CANDIDATES = [',', ';', '\t', '|'] as const

/**
 * Picks the separator whose cell counts are most consistent over the first
 * records (quotes respected, so commas inside "…" do not count). The header
 * takes part in the vote, which is what settles semicolon files with decimal
 * commas: "12,50" adds commas to data rows but not to the header. Space-
 * aligned text is only considered when no real separator fits.
 */
export function detectDelimiter(text: string, complete: boolean): DelimiterGuess {
  const sample = cutSample(text, complete)
  const final = complete && sample.length === text.length

  let best: { delimiter: (typeof CANDIDATES)[number]; mode: number; consistency: number } | null = null
  for (const delimiter of CANDIDATES) {
    const { mode, consistency } = score(cellCounts(sample, delimiter, final))
    if (mode < 2) continue
    if (!best || consistency > best.consistency || (consistency === best.consistency && mode > best.mode)) {
      best = { delimiter, mode, consistency }
    }
  }
  if (best && best.consistency >= 0.6) return { delimiter: best.delimiter }

  for (const run of [2, 1] as const) {
    const { mode, consistency } = score(cellCounts(sample, 'whitespace', final, run))
    if (mode >= 2 && consistency >= 0.8) return { delimiter: 'whitespace', whitespaceRun: run }
  }
  // A weak winner beats nothing; a single column reads the same with any separator.
  return { delimiter: best ? best.delimiter : ',' }
}

/** For a forced 'whitespace' delimiter: are single spaces inside values (run 2) or separators (run 1)? */
export function detectWhitespaceRun(text: string, complete: boolean): 1 | 2 {
  const sample = cutSample(text, complete)
  const { mode, consistency } = score(cellCounts(sample, 'whitespace', complete && sample.length === text.length, 2))
  return mode >= 2 && consistency >= 0.8 ? 2 : 1
}

function cutSample(text: string, complete: boolean): string {
  if (text.length <= MAX_CHARS && complete) return text
  const limit = Math.min(text.length, MAX_CHARS)
  // End on a line break so the last record is not a cut-off fragment.
  const lastBreak = Math.max(text.lastIndexOf('\n', limit - 1), text.lastIndexOf('\r', limit - 1))
  return lastBreak > 0 ? text.slice(0, lastBreak + 1) : text.slice(0, limit)
}

function cellCounts(text: string, delimiter: string, final: boolean, run?: 1 | 2): number[] {
  const counts: number[] = []
  const sink: TokenSink = {
    record: (_line, cells) => {
      if (counts.length < MAX_RECORDS) counts.push(cells.length)
    },
    unclosedQuote: () => {},
    tooLong: () => {},
  }
  const tokenizer = new CsvTokenizer({ delimiter, whitespaceRun: run })
  tokenizer.push(text, sink)
  if (final) tokenizer.finish(sink)
  return counts
}

/** The most common count (ties: the larger) and the share of records that have it. */
export function score(counts: number[]): { mode: number; consistency: number } {
  if (counts.length === 0) return { mode: 0, consistency: 0 }
  const freq = new Map<number, number>()
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1)
  let mode = 0
  let top = 0
  for (const [count, n] of freq) {
    if (n > top || (n === top && count > mode)) {
      mode = count
      top = n
    }
  }
  return { mode, consistency: top / counts.length }
}
