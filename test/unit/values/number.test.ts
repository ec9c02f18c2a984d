import { describe, expect, it } from 'vitest'
import { parseNumber } from '../../../src-main/engine/ingest/values'

describe('parseNumber', () => {
  it.each([
    ['6', 6],
    ['-6', -6],
    ['(3)', -3],
    ['3-', -3],
    ['17850.0', 17850],
    ['1,5', 1.5],
    ['1,234', 1234],
    ['1.234,5', 1234.5],
    ['1 000', 1000],
    ['1.23E+05', 123000],
    ['5e-1', 0.5],
    [' 42 ', 42],
  ])('reads %j as %d', (text, expected) => {
    expect(parseNumber(text)).toEqual({ ok: true, value: expected })
  })

  it('tells empty from invalid', () => {
    expect(parseNumber('')).toEqual({ ok: true, value: null })
    expect(parseNumber('six')).toEqual({ ok: false, reason: '"six" is not a number.' })
  })

  it('does not take currency marks: a quantity is never money', () => {
    expect(parseNumber('$5').ok).toBe(false)
    expect(parseNumber('5 EUR').ok).toBe(false)
  })

  it('follows the column decimal mark', () => {
    expect(parseNumber('1.500', { decimal: ',' })).toEqual({ ok: true, value: 1500 })
    expect(parseNumber('1.500')).toEqual({ ok: true, value: 1.5 })
  })
})
