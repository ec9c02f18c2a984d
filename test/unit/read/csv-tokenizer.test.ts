import { describe, expect, it } from 'vitest'
import { CsvTokenizer } from '../../../src-main/engine/ingest/read/csv-tokenizer'
import { tokenize, type Event } from './helpers'

describe('CsvTokenizer: well-formed input', () => {
  it('splits plain lines and numbers them from 1', () => {
    expect(tokenize(['a,b,c\n1,2,3\n4,5,6\n'])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', '2', '3']],
      [3, ['4', '5', '6']],
    ])
  })

  it('reads a last line without a line break', () => {
    expect(tokenize(['a,b\n1,2'])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ])
  })

  it('treats LF, CRLF and lone CR as line breaks, also mixed', () => {
    expect(tokenize(['a,b\r\n1,2\r3,4\n5,6\r\n'])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
      [4, ['5', '6']],
    ])
  })

  it('keeps empty cells, including a trailing one', () => {
    expect(tokenize(['a,,c,\n'])).toEqual([[1, ['a', '', 'c', '']]])
  })

  it('reads quoted cells with separators, doubled quotes and line breaks, counting physical lines', () => {
    const text = 'id,text,n\n1,"a, b",2\n2,"say ""hi""",3\n3,"two\nlines",4\n4,"crlf\r\ninside",5\n5,x,6\n'
    expect(tokenize([text])).toEqual([
      [1, ['id', 'text', 'n']],
      [2, ['1', 'a, b', '2']],
      [3, ['2', 'say "hi"', '3']],
      [4, ['3', 'two\nlines', '4']],
      [6, ['4', 'crlf\r\ninside', '5']],
      [8, ['5', 'x', '6']],
    ])
  })

  it('reads an empty quoted cell and a quoted cell at the end of the input', () => {
    expect(tokenize(['a,"",c\n1,2,"end"'])).toEqual([
      [1, ['a', '', 'c']],
      [2, ['1', '2', 'end']],
    ])
  })

  it('keeps a quote inside an unquoted cell as text', () => {
    expect(tokenize(['id,size\n1,24" screen\n'])).toEqual([
      [1, ['id', 'size']],
      [2, ['1', '24" screen']],
    ])
  })

  it('reads a sloppy one-line quoted cell with text after the closing quote', () => {
    expect(tokenize(['1,"24" wide",3\n'])).toEqual([[1, ['1', '24" wide"', '3']]])
  })

  it('skips blank lines, separator-only lines and space-only lines but keeps numbering', () => {
    expect(tokenize(['a,b\n\n,\n  \n"",""\n1,2\n\n'])).toEqual([
      [1, ['a', 'b']],
      [6, ['1', '2']],
    ])
  })

  it('uses any one-character delimiter', () => {
    expect(tokenize(['a;b;"c;d"\n'], { delimiter: ';' })).toEqual([[1, ['a', 'b', 'c;d']]])
    expect(tokenize(['a\tb\t"c\td"\n'], { delimiter: '\t' })).toEqual([[1, ['a', 'b', 'c\td']]])
    expect(tokenize(['a|b|c\n'], { delimiter: '|' })).toEqual([[1, ['a', 'b', 'c']]])
  })
})

describe('CsvTokenizer: chunk boundaries', () => {
  // Every tricky spot: CRLF, quotes, doubled quotes, embedded CRLF, a lone CR, blank lines, no final break.
  const text = 'id,name,note\r\n1,"Smith, J","said ""hi""\r\nthen left"\r\n\r\n2,plain,x\r3,"",""\n,,\n4,"a""b",5"\n5,last,"q"'
  const whole = tokenize([text])

  it('gives the same records for every split point', () => {
    for (let at = 0; at <= text.length; at++) {
      expect(tokenize([text.slice(0, at), text.slice(at)]), `split at ${at}`).toEqual(whole)
    }
  })

  it('gives the same records when fed one character at a time', () => {
    expect(tokenize([...text])).toEqual(whole)
  })

  it('reads the tricky text as intended', () => {
    expect(whole).toEqual([
      [1, ['id', 'name', 'note']],
      [2, ['1', 'Smith, J', 'said "hi"\r\nthen left']],
      [5, ['2', 'plain', 'x']],
      [6, ['3', '', '']],
      [8, ['4', 'a"b', '5"']],
      [9, ['5', 'last', 'q']],
    ])
  })
})

describe('CsvTokenizer: broken quotes never swallow the file', () => {
  it('reports a quote still open at the end of input and reads the lines after it', () => {
    expect(tokenize(['a,b\n1,"x\n2,y\n3,z\n'])).toEqual<Event[]>([
      [1, ['a', 'b']],
      [2, 'unclosed-quote'],
      [3, ['2', 'y']],
      [4, ['3', 'z']],
    ])
  })

  it('reports a multi-line quote followed by junk (a stray quote pairing with a later one)', () => {
    const text = 'id,sku,name,n\n1,A,"Broken,2\n2,B,Tea,3\n3,C,"Quoted, ok",4\n4,D,Pen,5\n'
    expect(tokenize([text], { expectedCells: 4 })).toEqual<Event[]>([
      [1, ['id', 'sku', 'name', 'n']],
      [2, 'unclosed-quote'],
      [3, ['2', 'B', 'Tea', '3']],
      [4, ['3', 'C', 'Quoted, ok', '4']],
      [5, ['4', 'D', 'Pen', '5']],
    ])
  })

  it('reports a multi-line record whose width does not match the header', () => {
    const text = 'id,name,n\n1,"x\n2,y,3\n3,z",4,extra\n4,w,5\n'
    expect(tokenize([text], { expectedCells: 3 })).toEqual<Event[]>([
      [1, ['id', 'name', 'n']],
      [2, 'unclosed-quote'],
      [3, ['2', 'y', '3']],
      [4, ['3', 'z"', '4', 'extra']],
      [5, ['4', 'w', '5']],
    ])
  })

  it('accepts a legitimate multi-line cell when the width matches', () => {
    expect(tokenize(['id,name,n\n1,"x\ny",2\n'], { expectedCells: 3 })).toEqual([
      [1, ['id', 'name', 'n']],
      [2, ['1', 'x\ny', '2']],
    ])
  })

  it('gives up on a quoted cell past the line limit and resumes after the start line', () => {
    const lines = ['1,"open']
    for (let k = 2; k <= 10; k++) lines.push(`${k},row`)
    lines.push('11,"close"', '')
    const events = tokenize([lines.join('\n')], { maxQuotedLines: 3 })
    expect(events[0]).toEqual([1, 'unclosed-quote'])
    expect(events.slice(1, 3)).toEqual([
      [2, ['2', 'row']],
      [3, ['3', 'row']],
    ])
    expect(events.at(-1)).toEqual([11, ['11', 'close']])
    expect(events).toHaveLength(11)
  })

  it('gives up on a quoted cell past the size limit even while streaming', () => {
    const body = Array.from({ length: 50 }, (_, k) => `${k + 2},${'x'.repeat(20)}`).join('\n')
    const text = `1,"never closed\n${body}\n`
    const pieces = text.match(/[\s\S]{1,16}/g) ?? []
    const events = tokenize(pieces, { maxRecordChars: 200, maxQuotedLines: 1000 })
    expect(events[0]).toEqual([1, 'unclosed-quote'])
    expect(events.slice(1).map((e) => e[0])).toEqual(Array.from({ length: 50 }, (_, k) => k + 2))
  })

  it('skips an unquoted line longer than the record limit and reads the next one', () => {
    const text = `a,b\n1,${'y'.repeat(500)}\n2,ok\n`
    const pieces = text.match(/[\s\S]{1,32}/g) ?? []
    expect(tokenize(pieces, { maxRecordChars: 100 })).toEqual<Event[]>([
      [1, ['a', 'b']],
      [2, 'too-long'],
      [3, ['2', 'ok']],
    ])
  })
})

describe('CsvTokenizer: raw text for issues', () => {
  it('hands out the record as written during the callback', () => {
    const raws: string[] = []
    const tokenizer = new CsvTokenizer({ delimiter: ',' })
    const sink = {
      record: () => void raws.push(tokenizer.lastRaw()),
      unclosedQuote: () => void raws.push('!' + tokenizer.lastRaw()),
      tooLong: () => {},
    }
    tokenizer.push('a,b\r\n1,"x\r\ny"\n2,"open\n3,z\n', sink)
    tokenizer.finish(sink)
    expect(raws).toEqual(['a,b', '1,"x\r\ny"', '!2,"open', '3,z'])
  })
})

describe('CsvTokenizer: space-aligned text', () => {
  it('splits on two or more spaces, keeping single spaces in values', () => {
    const text = 'id  country         total\n1   United Kingdom  12.50\n2   France          8.00\n'
    expect(tokenize([text], { delimiter: 'whitespace', whitespaceRun: 2 })).toEqual([
      [1, ['id', 'country', 'total']],
      [2, ['1', 'United Kingdom', '12.50']],
      [3, ['2', 'France', '8.00']],
    ])
  })

  it('splits on any space with run 1, honouring quotes', () => {
    expect(tokenize(['1 "Blue mug" 2\n'], { delimiter: 'whitespace', whitespaceRun: 1 })).toEqual([[1, ['1', 'Blue mug', '2']]])
  })
})
