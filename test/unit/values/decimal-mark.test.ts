import { describe, expect, it } from 'vitest'
import { DecimalMarkAnalyzer } from '../../../src-main/engine/ingest/values'

function decide(values: string[]): ',' | '.' | null {
  const analyzer = new DecimalMarkAnalyzer()
  for (const v of values) analyzer.add(v)
  return analyzer.decide()
}

describe('DecimalMarkAnalyzer', () => {
  it('sees decimal commas', () => {
    expect(decide(['12,50', '1.250', '3'])).toBe(',')
    expect(decide(['1.234,56'])).toBe(',')
  })

  it('sees decimal points', () => {
    expect(decide(['12.50', '1,250'])).toBe('.')
    expect(decide(['1,234.56'])).toBe('.')
  })

  it('has no opinion when every separator could be thousands', () => {
    expect(decide(['1,250', '1.250', '12', '1,234,567'])).toBeNull()
    expect(decide([])).toBeNull()
  })
})
