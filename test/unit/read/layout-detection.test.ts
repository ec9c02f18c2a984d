import { describe, expect, it } from 'vitest'
import { detectDelimiter } from '../../../src-main/engine/ingest/read/detect-delimiter'
import { findHeader } from '../../../src-main/engine/ingest/read/find-header'

describe('detectDelimiter', () => {
  it('picks the separator with consistent counts, ignoring separators inside quotes', () => {
    expect(detectDelimiter('id,name,price\n1,"Mug; blue, large",2\n2,Tea,3\n', true)).toEqual({ delimiter: ',' })
    expect(detectDelimiter('id;name;price\n1;"Mug, large";2,50\n2;Tea;3,00\n', true)).toEqual({ delimiter: ';' })
    expect(detectDelimiter('id\tname\n1\tA, B\n2\tC\n', true)).toEqual({ delimiter: '\t' })
    expect(detectDelimiter('id|name\n1|A\n', true)).toEqual({ delimiter: '|' })
  })

  it('lets the header settle decimal commas in semicolon files', () => {
    // Every data row has two commas too, but the header has none.
    expect(detectDelimiter('name;price;tax\nMug;12,50;2,10\nTea;3,00;0,50\nPen;1,00;0,20\n', true)).toEqual({ delimiter: ';' })
  })

  it('falls back to space-aligned columns only when no separator fits', () => {
    expect(detectDelimiter('id  country         total\n1   United Kingdom  12.50\n2   France          8.00\n', true)).toEqual({
      delimiter: 'whitespace',
      whitespaceRun: 2,
    })
    expect(detectDelimiter('id qty\n1 2\n3 4\n', true)).toEqual({ delimiter: 'whitespace', whitespaceRun: 1 })
  })

  it('reads a single column as comma-separated', () => {
    expect(detectDelimiter('email\na@example.com\nb@example.com\n', true)).toEqual({ delimiter: ',' })
  })

  it('ignores a record cut off at the end of a partial sample', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n7;8', false)).toEqual({ delimiter: ',' })
  })
})

describe('findHeader', () => {
  const body = [
    ['1', 'A', '2', '3.00'],
    ['2', 'B', '1', '4.00'],
    ['3', 'C', '5', '1.00'],
  ]

  it('takes the first record normally', () => {
    expect(findHeader([['id', 'sku', 'qty', 'price'], ...body])).toBe(0)
  })

  it('skips title lines, padded or not', () => {
    expect(findHeader([['Orders export', '', '', ''], ['Shop: Teapot'], ['id', 'sku', 'qty', 'price'], ...body])).toBe(2)
  })

  it('keeps a header one name short of the body rather than taking a data row for it', () => {
    expect(findHeader([['id', 'sku', 'qty'], ...body])).toBe(0)
  })

  it('takes the first record of a single-column file', () => {
    expect(findHeader([['email'], ['a@x'], ['b@x']])).toBe(0)
  })
})
