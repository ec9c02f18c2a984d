import { describe, expect, it } from 'vitest'
import { parseMoney } from '../../../src-main/engine/ingest/values'

const value = (text: string, decimal?: ',' | '.'): number | null => {
  const r = parseMoney(text, { decimal })
  if (!r.ok) throw new Error(r.reason)
  return r.value
}
const currency = (text: string): string | null => {
  const r = parseMoney(text)
  if (!r.ok) throw new Error(r.reason)
  return r.currency
}

describe('parseMoney', () => {
  it('tells empty from invalid', () => {
    expect(parseMoney('')).toEqual({ ok: true, value: null, currency: null })
    expect(parseMoney('  \u00a0 ')).toEqual({ ok: true, value: null, currency: null })
    expect(parseMoney('free')).toEqual({ ok: false, reason: '"free" is not an amount of money.' })
    expect(parseMoney('$').ok).toBe(false)
    expect(parseMoney('-').ok).toBe(false)
  })

  it.each([
    ['12.50', 12.5],
    ['12', 12],
    ['0', 0],
    ['.5', 0.5],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1 234,56', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['1\u202f234.56', 1234.56],
    ["1'234.56", 1234.56],
    ['1’234.56', 1234.56],
    ['1,234,567.89', 1234567.89],
    ['1.234.567,89', 1234567.89],
    ['1,234,567', 1234567],
    ['12,34,567.50', 1234567.5],
    ['12,50', 12.5],
    ['0,99', 0.99],
  ])('reads %j as %d', (text, expected) => {
    expect(value(text)).toBe(expected)
  })

  it('reads a single comma before three digits as thousands, otherwise as a decimal comma', () => {
    expect(value('1,234')).toBe(1234)
    expect(value('12,345')).toBe(12345)
    expect(value('1,2345')).toBe(1.2345)
    expect(value('1,23')).toBe(1.23)
    expect(value('0,125')).toBe(0.125)
  })

  it('reads a single point as a decimal point, unless the column uses decimal commas', () => {
    expect(value('1.250')).toBe(1.25)
    expect(value('1.250', ',')).toBe(1250)
    expect(value('1,250', ',')).toBe(1.25)
    expect(value('1,250', '.')).toBe(1250)
    expect(value('8,5', '.')).toBe(8.5)
  })

  it.each([
    ['-12.50', -12.5],
    ['−12.50', -12.5],
    ['(12.50)', -12.5],
    ['12.50-', -12.5],
    ['+12.50', 12.5],
    ['-$12.50', -12.5],
    ['$-12.50', -12.5],
    ['($1,234.00)', -1234],
    ['(€ 1.000,00)', -1000],
    ['USD -12.50', -12.5],
    ['12,50 € -', -12.5],
    ['-0.00', 0],
  ])('reads the negative %j as %d', (text, expected) => {
    expect(value(text)).toBe(expected)
  })

  it.each([
    ['$12.50', '$'],
    ['US$ 12.50', 'USD'],
    ['HK$10', 'HKD'],
    ['A$ 5', 'AUD'],
    ['C$5', 'CAD'],
    ['NZ$5', 'NZD'],
    ['€12,50', 'EUR'],
    ['12,50 €', 'EUR'],
    ['£8.00', 'GBP'],
    ['¥1,234', '¥'],
    ['￥38.00', '¥'],
    ['38元', 'CNY'],
    ['RMB 38', 'CNY'],
    ['CNY38.00', 'CNY'],
    ['12.50 USD', 'USD'],
    ['eur 12', 'EUR'],
    ['GBP 1,000', 'GBP'],
    ['12.50', null],
  ])('reads the currency of %j as %j', (text, expected) => {
    expect(currency(text)).toBe(expected)
  })

  it('keeps the amount next to a currency exact', () => {
    expect(parseMoney('￥128.50')).toEqual({ ok: true, value: 128.5, currency: '¥' })
    expect(parseMoney('1.234,56 €')).toEqual({ ok: true, value: 1234.56, currency: 'EUR' })
    expect(parseMoney('US$1,234')).toEqual({ ok: true, value: 1234, currency: 'USD' })
  })

  it.each(['12.50.3', '1,2,3', '1 23,5', '12a', 'ABC 12', '$$12', '12 USD EUR', '1..2', '(12', '--12', 'N/A', '1,234.567,8'])(
    'rejects %j',
    (text) => {
      expect(parseMoney(text).ok).toBe(false)
    },
  )
})
