import { describe, expect, it } from 'vitest'
import {
  formatChance,
  formatDate,
  formatDays,
  formatDuration,
  formatFixed,
  formatFileSize,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
} from '../../../src-renderer/lib/i18n/format'

describe('locale formatters', () => {
  it('show wall-clock order dates on the day they were written, in each language', () => {
    expect(formatDate('en', '2024-01-08 23:59:00')).toBe('Jan 8, 2024')
    expect(formatDate('zh-CN', '2024-01-08 00:00:01')).toBe('2024年1月8日')
    expect(formatDate('en', 'not a date')).toBe('not a date')
  })

  it('format money exactly, as whole headline figures, and compactly for axes', () => {
    expect(formatMoney('en', 1234.5, 'USD')).toBe('$1,234.50')
    expect(formatMoney('en', 391622.4, 'USD', 'whole')).toBe('$391,622')
    expect(formatMoney('en', 58.31, 'USD', 'whole')).toBe('$58.31')
    expect(formatMoney('en', 15000, 'USD', 'compact')).toBe('$15K')
    expect(formatMoney('zh-CN', 12.5, 'CNY')).toBe('¥12.50')
    // A code Intl does not know must not break the screen.
    expect(formatMoney('en', 5, 'NOT-A-CODE')).toBe('5 NOT-A-CODE')
  })

  it('keep small shares visible', () => {
    expect(formatPercent('en', 0.27)).toBe('27%')
    expect(formatPercent('en', 0.0004)).toBe('0.04%')
    expect(formatPercent('en', 0)).toBe('0%')
  })

  it('never show a sign on a figure that rounds to zero', () => {
    // A bootstrap bound of -0.004 buyers read "-0.0" on the Results step.
    expect(formatFixed('en', -0.004, 1)).toBe('0.0')
    expect(formatNumber('en', -0.2)).toBe('0')
    expect(formatMoney('en', -0.001, 'USD')).toBe('$0.00')
    expect(formatFixed('en', -0.06, 1)).toBe('-0.1')
    expect(formatMoney('en', -1.5, 'USD')).toBe('-$1.50')
  })

  it('format counts, sizes, months and durations', () => {
    expect(formatNumber('en', 11895)).toBe('11,895')
    expect(formatFileSize('en', 8400)).toBe('8.2 kB')
    expect(formatFileSize('en', 300 * 1024 * 1024)).toBe('300 MB')
    expect(formatMonth('en', '2024-03')).toBe('Mar 2024')
    expect(formatMonth('zh-CN', '2024-03', 'short')).toBe('3月')
    expect(formatDuration('en', 3)).toBe('3 sec')
    expect(formatDuration('en', 3725)).toBe('1 hr 2 min')
  })

  it('show model measures with fixed decimals and day counts in words', () => {
    expect(formatFixed('en', 0.78, 3)).toBe('0.780')
    expect(formatFixed('zh-CN', 0.5, 2)).toBe('0.50')
    expect(formatDays('en', 90)).toBe('90 days')
    expect(formatDays('en', 1)).toBe('1 day')
    expect(formatDays('zh-CN', 30)).toBe('30天')
  })
})

describe('formatChance', () => {
  it('never shows a model chance as certain', () => {
    expect(formatChance('en', 0.995)).toEqual({ text: '99%', bound: 'over' })
    expect(formatChance('en', 0.004)).toEqual({ text: '1%', bound: 'under' })
    expect(formatChance('en', 0.42)).toEqual({ text: '42%', bound: null })
    expect(formatChance('zh-CN', 0.999).bound).toBe('over')
  })
})
