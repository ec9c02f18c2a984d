import { describe, expect, it } from 'vitest'
import {
  CODE_ALPHABET,
  DEFAULT_CODE_LENGTH,
  MIN_CODE_BITS,
  assignCodes,
  codeBits,
  createCodeIssuer,
  deriveCode,
  newCampaignSecret,
} from '../../../src-main/engine/export/codes'
import { ExportError } from '../../../src-main/engine/export/export-types'

const SECRET = Buffer.alloc(32, 1)

describe('coupon codes', () => {
  it('uses 31 unambiguous symbols and a default length of ceil(40 / log2 31) = 9', () => {
    expect(CODE_ALPHABET).toHaveLength(31)
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/)
    expect(new Set(CODE_ALPHABET).size).toBe(31)
    expect(DEFAULT_CODE_LENGTH).toBe(9)
    expect(codeBits(9)).toBeGreaterThanOrEqual(MIN_CODE_BITS)
    expect(codeBits(8)).toBeLessThan(MIN_CODE_BITS)
  })

  it('is reproducible for a secret and differs between secrets and customers', () => {
    const a = deriveCode({ secret: SECRET }, 'customer-1')
    expect(deriveCode({ secret: Buffer.from(SECRET) }, 'customer-1')).toBe(a)
    expect(deriveCode({ secret: Buffer.alloc(32, 2) }, 'customer-1')).not.toBe(a)
    expect(deriveCode({ secret: SECRET }, 'customer-2')).not.toBe(a)
    expect(deriveCode({ secret: SECRET }, 'customer-1', 1)).not.toBe(a)
  })

  it('gives codes of the prefix plus `length` alphabet symbols', () => {
    const codes = assignCodes(['1', '2', '3'], { secret: SECRET, prefix: 'win-24-', length: 12 })
    for (const code of codes.values()) expect(code).toMatch(/^WIN-24-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/)
    for (const code of assignCodes(['1', '2'], { secret: SECRET }).values()) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{9}$/)
  })

  it('refuses codes with fewer than 40 bits, bad prefixes and short secrets', () => {
    expect(() => assignCodes(['1'], { secret: SECRET, length: 8 })).toThrow(/39\.6 bits.*at least 40.*9 symbols/)
    expect(() => assignCodes(['1'], { secret: SECRET, length: 8 })).toThrow(ExportError)
    expect(() => assignCodes(['1'], { secret: SECRET, prefix: 'WIN TER' })).toThrow(/prefix/)
    expect(() => assignCodes(['1'], { secret: SECRET, prefix: '=SUM' })).toThrow(/prefix/)
    expect(() => assignCodes(['1'], { secret: SECRET, prefix: '-X' })).toThrow(/prefix/)
    expect(() => assignCodes(['1'], { secret: Buffer.alloc(8) })).toThrow(/secret/)
  })

  it('spreads symbols evenly (rejection sampling, no modulo bias)', () => {
    const counts = new Map<string, number>()
    const codes = assignCodes(Array.from({ length: 20_000 }, (_, i) => String(i)), { secret: SECRET })
    for (const code of codes.values()) for (const s of code) counts.set(s, (counts.get(s) ?? 0) + 1)
    const expected = (20_000 * 9) / 31
    expect(counts.size).toBe(31)
    // ~5.8k per symbol: ±5 % is over 6 standard deviations; plain `byte % 31` would give the first 8 symbols +12 %.
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.05)
  })

  it('steps past taken codes (case-insensitively given) deterministically', () => {
    const first = deriveCode({ secret: SECRET }, 'c1')
    const taken = new Set([first.toLowerCase()])
    const isTaken = (code: string) => taken.has(code.toLowerCase())
    const code = assignCodes(['c1'], { secret: SECRET, isTaken }).get('c1')
    expect(code).not.toBe(first)
    expect(code).toBe(deriveCode({ secret: SECRET }, 'c1', 1))
    expect(assignCodes(['c1'], { secret: SECRET, isTaken }).get('c1')).toBe(code)
  })

  it('never issues a code twice, even when attempts collide', () => {
    // A 9-symbol collision is not findable in a test, so force one: the issuer must still give a fresh code.
    const issuer = createCodeIssuer({ secret: SECRET })
    const a = issuer.issue('same')
    const b = issuer.issue('same')
    expect(b).not.toBe(a)
    expect(b).toBe(deriveCode({ secret: SECRET }, 'same', 1))
  })

  it('stops with a clear error when every code is taken', () => {
    expect(() => assignCodes(['1'], { secret: SECRET, isTaken: () => true })).toThrow(/No free code/)
  })

  it('does not depend on the order of the customers', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `k${i}`)
    const forward = assignCodes(keys, { secret: SECRET })
    const backward = assignCodes([...keys].reverse(), { secret: SECRET })
    expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort())
    expect(() => assignCodes(['a', 'a'], { secret: SECRET })).toThrow(/twice/)
  })

  it('gives 100k customers 100k distinct codes, fast', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => String(i + 1))
    const started = performance.now()
    const codes = assignCodes(keys, { secret: newCampaignSecret() })
    const ms = performance.now() - started
    expect(codes.size).toBe(100_000)
    expect(new Set(codes.values()).size).toBe(100_000)
    // Seconds, not minutes, even on a loaded CI machine (the figure itself is in docs/export-formats.md).
    expect(ms).toBeLessThan(30_000)
  })

  it('makes new secrets of 32 random bytes', () => {
    const a = newCampaignSecret()
    expect(a).toHaveLength(32)
    expect(newCampaignSecret().equals(a)).toBe(false)
  })
})
