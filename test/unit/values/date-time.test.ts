import { describe, expect, it } from 'vitest'
import { parseDateTime } from '../../../src-main/engine/ingest/values'

const local = (text: string, order: 'dmy' | 'mdy' | 'ymd' = 'dmy', excelSerial = false): string | null =>
  parseDateTime(text, order, { excelSerial })?.local ?? null

describe('parseDateTime: self-describing forms read the same under any order', () => {
  it.each([
    ['2024-01-31', '2024-01-31 00:00:00'],
    ['2024-01-31T10:22', '2024-01-31 10:22:00'],
    ['2024-01-31 10:22:01', '2024-01-31 10:22:01'],
    ['2024-01-31T10:22:01.999', '2024-01-31 10:22:01'],
    ['2024-1-5 7:03', '2024-01-05 07:03:00'],
    ['2024/1/31 10:22', '2024-01-31 10:22:00'],
    ['2024/01/31', '2024-01-31 00:00:00'],
    ['2024.01.31', '2024-01-31 00:00:00'],
    ['20240131', '2024-01-31 00:00:00'],
    ['20240131 102201', '2024-01-31 10:22:01'],
    ['20240131T1022', '2024-01-31 10:22:00'],
    ['20240131102201', '2024-01-31 10:22:01'],
    ['2024年1月31日', '2024-01-31 00:00:00'],
    ['2024年1月31日 10:22', '2024-01-31 10:22:00'],
    ['2024年01月31日10:22:05', '2024-01-31 10:22:05'],
    ['2024年1月31日 10时22分', '2024-01-31 10:22:00'],
    ['2024年1月31日 下午3点22分', '2024-01-31 15:22:00'],
    ['2024年1月31日 上午12:05', '2024-01-31 00:05:00'],
    ['31 Jan 2024', '2024-01-31 00:00:00'],
    ['31-Jan-24', '2024-01-31 00:00:00'],
    ['Jan 31, 2024 10:00 PM', '2024-01-31 22:00:00'],
    ['Wed, 31 Jan 2024 10:22:01 +0000', '2024-01-31 10:22:01'],
    ['January 31st 2024', '2024-01-31 00:00:00'],
  ])('%j → %j', (text, expected) => {
    for (const order of ['dmy', 'mdy', 'ymd'] as const) expect(local(text, order)).toBe(expected)
  })
})

describe('parseDateTime: offsets are kept apart from the wall-clock time', () => {
  it.each([
    ['2024-01-31T10:22:01Z', '2024-01-31 10:22:01', 0],
    ['2024-01-31T10:22:01+08:00', '2024-01-31 10:22:01', 480],
    ['2024-01-31T10:22:01.123-03:30', '2024-01-31 10:22:01', -210],
    ['2024-01-31 10:22:01 -0500', '2024-01-31 10:22:01', -300],
    ['2024-01-31 10:22:01 +01', '2024-01-31 10:22:01', 60],
    ['2024-01-31 10:22 UTC', '2024-01-31 10:22:00', 0],
    ['20240131T102201Z', '2024-01-31 10:22:01', 0],
  ])('%j', (text, expected, offset) => {
    expect(parseDateTime(text, 'ymd')).toEqual({ local: expected, offsetMinutes: offset })
  })

  it('has no offset when none is written', () => {
    expect(parseDateTime('2024-01-31 10:22:01', 'ymd')).toEqual({ local: '2024-01-31 10:22:01', offsetMinutes: null })
  })
})

describe('parseDateTime: year-last dates follow the column order', () => {
  it('reads day-first and month-first', () => {
    expect(local('05/06/2024', 'dmy')).toBe('2024-06-05 00:00:00')
    expect(local('05/06/2024', 'mdy')).toBe('2024-05-06 00:00:00')
    expect(local('31.01.2024 23:59:59', 'dmy')).toBe('2024-01-31 23:59:59')
    expect(local('1-31-2024', 'mdy')).toBe('2024-01-31 00:00:00')
  })

  it('reads two-digit years the way Excel does', () => {
    expect(local('31/01/24', 'dmy')).toBe('2024-01-31 00:00:00')
    expect(local('12/31/99', 'mdy')).toBe('1999-12-31 00:00:00')
    expect(local('01/02/29', 'dmy')).toBe('2029-02-01 00:00:00')
    expect(local('01/02/30', 'dmy')).toBe('1930-02-01 00:00:00')
  })

  it('reads 12-hour times', () => {
    expect(local('5/6/24 3:04 PM', 'mdy')).toBe('2024-05-06 15:04:00')
    expect(local('5/6/24 12:30:15 am', 'mdy')).toBe('2024-05-06 00:30:15')
    expect(local('5/6/24 12:30 p.m.', 'mdy')).toBe('2024-05-06 12:30:00')
  })

  it('refuses a date that the order makes impossible', () => {
    expect(local('01/31/2024', 'dmy')).toBeNull()
    expect(local('31/01/2024', 'mdy')).toBeNull()
  })

  it('under ymd, reads year-last dates only when a part above 12 shows the order', () => {
    expect(local('31/01/2024', 'ymd')).toBe('2024-01-31 00:00:00')
    expect(local('01/31/2024', 'ymd')).toBe('2024-01-31 00:00:00')
    expect(local('05/06/2024', 'ymd')).toBeNull()
    expect(local('24/01/31', 'ymd')).toBe('2024-01-31 00:00:00')
  })
})

describe('parseDateTime: Excel serial days', () => {
  it('reads serials only when the column is numeric (the caller says so)', () => {
    expect(local('45322', 'ymd', true)).toBe('2024-01-31 00:00:00')
    expect(local('45322.4305', 'ymd', true)).toBe('2024-01-31 10:19:55')
    expect(local('40209.668055555558', 'ymd', true)).toBe('2010-01-31 16:02:00')
    expect(local('45322', 'ymd', false)).toBeNull()
  })

  it('ignores numbers outside the plausible range', () => {
    expect(local('12', 'ymd', true)).toBeNull()
    expect(local('19999', 'ymd', true)).toBeNull()
    expect(local('80001', 'ymd', true)).toBeNull()
  })
})

describe('parseDateTime: invalid input', () => {
  it.each([
    '',
    '   ',
    'yesterday',
    '2023-02-29',
    '2024-02-30',
    '2024-13-01',
    '2024-00-10',
    '2024-01-31 24:00',
    '2024-01-31 10:60',
    '2024-01-31 13:00 PM',
    '2024-01-31 10:22 +15:00',
    '31/01',
    '2024-01-31 junk',
    '123/01/2024',
    '1/2/3/4',
    '31 Foo 2024',
  ])('%j → null', (text) => {
    expect(parseDateTime(text, 'dmy', { excelSerial: true })).toBeNull()
  })

  it('accepts 29 February in a leap year', () => {
    expect(local('2024-02-29')).toBe('2024-02-29 00:00:00')
    expect(local('29/02/2000')).toBe('2000-02-29 00:00:00')
    expect(local('29/02/1900')).toBeNull()
  })
})
