import { describe, expect, it } from 'vitest'
import { DateColumnAnalyzer } from '../../../src-main/engine/ingest/values'

function decide(values: string[]): ReturnType<DateColumnAnalyzer['decide']> {
  const analyzer = new DateColumnAnalyzer()
  for (const v of values) analyzer.add(v)
  return analyzer.decide()
}

describe('DateColumnAnalyzer', () => {
  it('decides day-first from any value with a first number above 12', () => {
    expect(decide(['01/02/2024', '05/06/2024', '13/02/2024'])).toEqual({ status: 'decided', order: 'dmy', excelSerial: false })
  })

  it('decides month-first from any value with a second number above 12', () => {
    expect(decide(['01/02/2024 10:00', '12/31/2024 23:59'])).toEqual({ status: 'decided', order: 'mdy', excelSerial: false })
  })

  it('uses every value, not a sample: the proof can come last', () => {
    const values = Array.from({ length: 10_000 }, (_, k) => `0${(k % 9) + 1}/0${(k % 7) + 1}/2024`)
    values.push('03/25/2024')
    expect(decide(values)).toEqual({ status: 'decided', order: 'mdy', excelSerial: false })
  })

  it('is ambiguous when no value can decide', () => {
    expect(decide(['01/02/2024', '05/06/2024', '12/11/24'])).toEqual({ status: 'ambiguous', example: '01/02/2024' })
  })

  it('reports a conflict when values prove both orders', () => {
    expect(decide(['31/01/2024', '01/31/2024'])).toEqual({ status: 'conflict', dayFirstExample: '31/01/2024', monthFirstExample: '01/31/2024' })
  })

  it('decides year-first for ISO, compact, Chinese and month-name columns', () => {
    expect(decide(['2024-01-31 10:22:01', '20240201', '2024年2月3日 10:00', '2024-02-04T07:00:00Z', '5 Feb 2024'])).toEqual({
      status: 'decided',
      order: 'ymd',
      excelSerial: false,
    })
  })

  it('lets year-last values decide even among ISO values', () => {
    expect(decide(['2024-01-31', '31/01/2024'])).toEqual({ status: 'decided', order: 'dmy', excelSerial: false })
  })

  it('decides Excel serials only when every value is one', () => {
    expect(decide(['45322', '45323.5', '', '45324'])).toEqual({ status: 'decided', order: 'ymd', excelSerial: true })
    expect(decide(['45322', '2024-01-31'])).toEqual({ status: 'decided', order: 'ymd', excelSerial: false })
    expect(decide(['45322', 'n/a'])).toEqual({ status: 'unknown' })
  })

  it('treats same-number dates as readable either way', () => {
    expect(decide(['05/05/2024', '2024-01-01'])).toEqual({ status: 'decided', order: 'ymd', excelSerial: false })
  })

  it('is unknown when nothing reads as a date, and ignores empty cells', () => {
    expect(decide([])).toEqual({ status: 'unknown' })
    expect(decide(['', '  ', 'Mug', '12'])).toEqual({ status: 'unknown' })
    expect(decide(['', '13/01/2024', ''])).toEqual({ status: 'decided', order: 'dmy', excelSerial: false })
  })

  it('does not count impossible values as proof', () => {
    // 32 cannot be a day or a month: this value proves nothing.
    expect(decide(['32/01/2024', '01/02/2024'])).toEqual({ status: 'ambiguous', example: '01/02/2024' })
  })
})
