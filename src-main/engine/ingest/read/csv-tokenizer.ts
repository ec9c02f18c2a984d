import { splitWhitespace } from './whitespace-split'

/**
 * Streaming CSV tokenizer: decoded text goes in chunk by chunk, records come
 * out through a sink together with the physical line each one starts on.
 *
 * Speed matters (a 500k-line export must tokenize in well under a second), so
 * the common case — a line without any quote — is handled with `indexOf` to
 * find the line end and one native `split`. Only lines containing a quote go
 * through the character-level parser.
 *
 * Robustness matters as much: a single stray quote must not swallow the rest
 * of the file. A quoted field that runs past `maxQuotedLines` line breaks or
 * `maxRecordChars` characters, hits the end of the file, spans lines and is
 * followed by junk, or spans lines and leaves the record with the wrong number
 * of cells, is reported as an unclosed quote for the record's first line, and
 * parsing resumes on the line after it. To allow that, the text of the record
 * being parsed is kept until it completes (bounded by `maxRecordChars`).
 * (A genuine multi-line cell in a row that is short of cells is reported too:
 * the two cannot be told apart, and a wrong row is worse than a reported one.)
 */

export interface TokenSink {
  /** A complete, non-blank record starting on 1-based physical line `line`. */
  record(line: number, cells: string[]): void
  /** The record starting on `line` opened a quote that never properly closed. */
  unclosedQuote(line: number): void
  /** The line starting on `line` exceeded `maxRecordChars` without ending; it was skipped. */
  tooLong(line: number): void
}

export interface TokenizerOptions {
  /** One character, or 'whitespace' for columns separated by runs of spaces/tabs. */
  delimiter: string
  /** For 'whitespace': 2 = a single space belongs to the value, 1 = any space separates. */
  whitespaceRun?: 1 | 2
  /** Cells a record should have (the header's width); 0 when unknown (sniffing). */
  expectedCells?: number
  maxQuotedLines?: number
  maxRecordChars?: number
}

const LF = 10
const CR = 13
const QUOTE = 34

export const DEFAULT_MAX_QUOTED_LINES = 200
export const DEFAULT_MAX_RECORD_CHARS = 1024 * 1024

/** Returned by the slow path when the record is not complete in the buffer yet. */
const NEED_MORE = -1

export class CsvTokenizer {
  private readonly delim: string
  private readonly delimCode: number
  private readonly whitespace: boolean
  private readonly whitespaceRun: 1 | 2
  private readonly expected: number
  private readonly maxQuotedLines: number
  private readonly maxRecordChars: number

  /** Unconsumed text: always starts at the beginning of a record (or of a line being skipped). */
  private buf = ''
  /** Physical line number of `buf[0]`. */
  private line = 1
  /** Discarding the rest of an over-long line until its line break. */
  private skipping = false
  /** Lines consumed by the last slow-path record (set by `parseQuotedRecord`). */
  private slowLines = 0
  /** Where the record last given to the sink sits in `buf`, for `lastRaw()`. */
  private rawBuf = ''
  private rawStart = 0
  private rawEnd = 0

  constructor(options: TokenizerOptions) {
    this.whitespace = options.delimiter === 'whitespace'
    this.delim = this.whitespace ? ' ' : options.delimiter
    if (!this.whitespace && this.delim.length !== 1) throw new Error(`delimiter must be one character, got ${JSON.stringify(options.delimiter)}`)
    this.delimCode = this.delim.charCodeAt(0)
    this.whitespaceRun = options.whitespaceRun ?? 1
    this.expected = options.expectedCells ?? 0
    this.maxQuotedLines = options.maxQuotedLines ?? DEFAULT_MAX_QUOTED_LINES
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS
  }

  /** The physical line the tokenizer has reached (start of the pending record). */
  get currentLine(): number {
    return this.line
  }

  /**
   * The text of the record just passed to the sink, as written in the file.
   * Only valid during the sink callback; used to attach the raw row to issues
   * without paying for it on every good row.
   */
  lastRaw(): string {
    return this.rawBuf.slice(this.rawStart, this.rawEnd)
  }

  push(text: string, sink: TokenSink): void {
    if (text.length === 0) return
    this.buf = this.buf.length === 0 ? text : this.buf + text
    this.run(false, sink)
  }

  /** End of input: the last line may lack a line break; an open quote is reported. */
  finish(sink: TokenSink): void {
    this.run(true, sink)
    this.buf = ''
  }

  private run(final: boolean, sink: TokenSink): void {
    const buf = this.buf
    const len = buf.length
    let pos = 0
    let line = this.line

    if (this.skipping) {
      const skipped = this.skipLine(buf, 0, final)
      if (skipped === NEED_MORE) {
        // Keep a trailing CR: it may be the first half of a CRLF split across chunks.
        this.buf = buf.charCodeAt(len - 1) === CR ? '\r' : ''
        return
      }
      this.skipping = false
      pos = skipped
      line += 1
    }

    const delim = this.delim
    const delimCode = this.delimCode
    const whitespace = this.whitespace
    // Positions of the next LF, CR and quote at or after `pos`; `len` when there is none.
    // Cached so each is searched once per occurrence, not once per line.
    let nextLF = -1
    let nextCR = -1
    let nextQuote = whitespace ? len : -1

    while (pos < len) {
      if (nextLF < pos) {
        nextLF = buf.indexOf('\n', pos)
        if (nextLF < 0) nextLF = len
      }
      if (nextCR < pos) {
        nextCR = buf.indexOf('\r', pos)
        if (nextCR < 0) nextCR = len
      }
      if (nextQuote < pos) {
        nextQuote = buf.indexOf('"', pos)
        if (nextQuote < 0) nextQuote = len
      }
      const end = nextLF < nextCR ? nextLF : nextCR

      if (nextQuote < end) {
        const next = this.parseQuotedRecord(buf, pos, line, final, sink)
        if (next === NEED_MORE) break
        pos = next
        line += this.slowLines
        continue
      }

      let lineBreak = 1
      if (end === len) {
        if (!final) break
        lineBreak = 0
      } else if (end === nextCR) {
        if (end + 1 < len) {
          if (buf.charCodeAt(end + 1) === LF) lineBreak = 2
        } else if (!final) {
          break // a CR at the very end may be followed by the LF of a CRLF in the next chunk
        }
      }

      if (end > pos) {
        const text = buf.slice(pos, end)
        const cells = whitespace ? splitWhitespace(text, this.whitespaceRun) : text.split(delim)
        const first = text.charCodeAt(0)
        // Only lines starting with a delimiter or a space can be blank; check the rest lazily.
        if (cells.length > 0 && !((first === delimCode || first <= 32) && isBlank(cells))) {
          this.rawBuf = buf
          this.rawStart = pos
          this.rawEnd = end
          sink.record(line, cells)
        }
      }
      pos = end + lineBreak
      line++
    }

    this.line = line
    this.buf = pos >= len ? '' : pos === 0 ? buf : buf.slice(pos)

    // A record with no end in sight. Quoted fields enforce their own limit in
    // the slow path, so this is an unquoted line: do not buffer it forever.
    if (!final && this.buf.length > this.maxRecordChars) {
      this.rawBuf = this.buf
      this.rawStart = 0
      this.rawEnd = 200
      sink.tooLong(this.line)
      const next = this.skipLine(this.buf, 0, false)
      if (next === NEED_MORE) {
        this.buf = ''
        this.skipping = true
      } else {
        this.buf = this.buf.slice(next)
        this.line += 1
        this.run(false, sink)
      }
    }
  }

  /**
   * Parses one record that contains a quote, starting at `start`. Returns the
   * position after the record, or NEED_MORE. Sets `slowLines` to the number
   * of physical lines consumed.
   */
  private parseQuotedRecord(buf: string, start: number, line: number, final: boolean, sink: TokenSink): number {
    const len = buf.length
    const delimCode = this.delimCode
    const cells: string[] = []
    let extraLines = 0
    let i = start

    for (;;) {
      // ---- one field, starting at i ----
      let fieldEndsRecord = false
      if (i < len && buf.charCodeAt(i) === QUOTE) {
        let value = ''
        let segment = i + 1
        let j = segment
        for (;;) {
          const q = buf.indexOf('"', j)
          if (q < 0 || (q + 1 >= len && !final)) {
            // The closing quote is not in the buffer (yet).
            if (final && q < 0) return this.recover(buf, start, line, final, sink)
            if (len - start > this.maxRecordChars || countLineBreaks(buf, i + 1, len) > this.maxQuotedLines) {
              return this.recover(buf, start, line, final, sink)
            }
            return NEED_MORE
          }
          if (q + 1 < len && buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(segment, q + 1) // "" is one literal quote
            j = q + 2
            segment = j
            continue
          }
          value += buf.slice(segment, q)
          const breaks = countLineBreaks(value, 0, value.length)
          if (breaks > this.maxQuotedLines || q - i > this.maxRecordChars) return this.recover(buf, start, line, final, sink)
          const after = q + 1 < len ? buf.charCodeAt(q + 1) : -1
          if (after === delimCode) {
            cells.push(value)
            extraLines += breaks
            i = q + 2
            break
          }
          if (after === LF || after === CR || after === -1) {
            cells.push(value)
            extraLines += breaks
            i = q + 1
            fieldEndsRecord = true
            break
          }
          // Text right after a closing quote. Across lines this is the classic
          // symptom of a stray quote pairing with a later one: recover.
          if (breaks > 0) return this.recover(buf, start, line, final, sink)
          // On one line it is a sloppy export like "24" screen": keep the quote
          // as text and read the rest of the field unquoted.
          const e = scanUnquoted(buf, q + 1, delimCode)
          if (e >= len && !final) return NEED_MORE
          cells.push(value + '"' + buf.slice(q + 1, e))
          if (e < len && buf.charCodeAt(e) === delimCode) {
            i = e + 1
          } else {
            i = e
            fieldEndsRecord = true
          }
          break
        }
      } else {
        // Unquoted field; a quote inside it is literal text.
        const e = scanUnquoted(buf, i, delimCode)
        if (e >= len && !final) return NEED_MORE
        cells.push(buf.slice(i, e))
        if (e < len && buf.charCodeAt(e) === delimCode) {
          i = e + 1
        } else {
          i = e
          fieldEndsRecord = true
        }
      }
      if (fieldEndsRecord) break
    }

    // ---- end of record at i: a line break or the end of input ----
    const recordEnd = i
    if (i < len) {
      if (buf.charCodeAt(i) === CR) {
        if (i + 1 < len) i += buf.charCodeAt(i + 1) === LF ? 2 : 1
        else if (!final) return NEED_MORE
        else i += 1
      } else {
        i += 1
      }
    }

    // A multi-line record with the wrong width is almost always a stray quote
    // that paired with a quote lines later; reading it would corrupt the rows.
    if (extraLines > 0 && this.expected > 0 && !fitsWidth(cells, this.expected)) return this.recover(buf, start, line, final, sink)

    if (!isBlank(cells)) {
      this.rawBuf = buf
      this.rawStart = start
      this.rawEnd = recordEnd
      sink.record(line, cells)
    }
    this.slowLines = 1 + extraLines
    return i
  }

  /**
   * Reports the record at `start` as an unclosed quote and returns the
   * position of the line after its first line, where parsing resumes.
   */
  private recover(buf: string, start: number, line: number, final: boolean, sink: TokenSink): number {
    const next = this.skipLine(buf, start, final)
    this.rawBuf = buf
    this.rawStart = start
    this.rawEnd = next === NEED_MORE ? Math.min(buf.length, start + 200) : lineEndBefore(buf, next)
    sink.unclosedQuote(line)
    this.slowLines = 1
    if (next === NEED_MORE) {
      // The first line alone is longer than the buffer: drop it as it streams in.
      this.skipping = true
      this.slowLines = 0
      return buf.length
    }
    return next
  }

  /** Position after the first line break at or after `from`, or NEED_MORE. */
  private skipLine(buf: string, from: number, final: boolean): number {
    const len = buf.length
    for (let k = from; k < len; k++) {
      const c = buf.charCodeAt(k)
      if (c === LF) return k + 1
      if (c === CR) {
        if (k + 1 < len) return buf.charCodeAt(k + 1) === LF ? k + 2 : k + 1
        return final ? k + 1 : NEED_MORE
      }
    }
    return final ? len : NEED_MORE
  }
}

/** Exactly `expected` cells, or more where the extra ones are empty (a trailing separator). */
function fitsWidth(cells: string[], expected: number): boolean {
  if (cells.length < expected) return false
  for (let k = expected; k < cells.length; k++) if (cells[k] !== '') return false
  return true
}

/** End of an unquoted field: the next delimiter, line break or end of buffer. */
function scanUnquoted(buf: string, from: number, delimCode: number): number {
  const len = buf.length
  let e = from
  while (e < len) {
    const c = buf.charCodeAt(e)
    if (c === delimCode || c === LF || c === CR) break
    e++
  }
  return e
}

/** Counts LF, CRLF and lone CR line breaks in text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k)
    if (c === LF) n++
    else if (c === CR && (k + 1 >= to || text.charCodeAt(k + 1) !== LF)) n++
  }
  return n
}

/** The end of the line whose break ends just before `next`. */
function lineEndBefore(buf: string, next: number): number {
  let e = next
  while (e > 0 && (buf.charCodeAt(e - 1) === LF || buf.charCodeAt(e - 1) === CR)) e--
  return e
}

/** A record with nothing but empty or space-only cells (e.g. ",,,," or "  ") is not a row. */
export function isBlank(cells: string[]): boolean {
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]
    if (cell.length !== 0 && cell.trim().length !== 0) return false
  }
  return true
}
