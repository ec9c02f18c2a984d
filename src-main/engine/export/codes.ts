/**
 * Coupon codes: one unique, single-use code per treated customer.
 *
 * A code is HMAC-SHA256(campaign secret, customer key + attempt) turned into
 * symbols, so it is
 * - reproducible: the same secret and customer give the same code, so a
 *   re-export writes the codes the shop already has;
 * - unguessable: without the secret, one code (even many) says nothing about
 *   another customer's, and guessing one is a ≥ 40-bit lottery per try;
 * - collision-free: a code already taken (any campaign's codes, discount codes
 *   seen in imported orders) bumps the attempt counter, which is deterministic
 *   too, so re-running with the same taken set gives the same result.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { ExportError } from './export-types'

/** No 0/O, 1/I/L: codes are read off e-mails and typed by hand. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const MIN_CODE_BITS = 40
const BITS_PER_SYMBOL = Math.log2(CODE_ALPHABET.length)
/** ceil(40 / log2 31) = 9 symbols (44.6 bits). */
export const DEFAULT_CODE_LENGTH = Math.ceil(MIN_CODE_BITS / BITS_PER_SYMBOL)
/** Prefixes are printed on coupons: letters, digits and dashes, starting with a letter or digit. */
const PREFIX = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/
/** Shopify allows 255 characters; WooCommerce and e-mail tools are happier with short codes. */
const MAX_LENGTH = 32
/**
 * Each HMAC byte b < 248 (= 8 × 31) maps to b mod 31 with equal odds; larger
 * bytes are rejected, so no symbol is favoured (plain `b % 31` would favour 8).
 */
const ACCEPT_BELOW = 256 - (256 % CODE_ALPHABET.length)
/** With ≥ 40 bits per code, needing this many attempts means the taken set is broken. */
const MAX_ATTEMPTS = 1000

export interface CodeOptions {
  /** The campaign secret (see newCampaignSecret), kept in the store with the campaign. */
  secret: Buffer
  /** Printed before the random part, e.g. "SPRING-". Upper-cased. Default none. */
  prefix?: string
  /** Random symbols after the prefix (default DEFAULT_CODE_LENGTH). */
  length?: number
  /**
   * True when `code` (upper case) already exists: any campaign's codes and the
   * discount codes in imported orders, compared case-insensitively. It must
   * not count this campaign's own codes, or a re-export would move every code.
   */
  isTaken?: (code: string) => boolean
}

/** 32 random bytes: the campaign's code secret, generated once and kept in the store. */
export function newCampaignSecret(): Buffer {
  return randomBytes(32)
}

/** Bits of randomness in a code with `length` random symbols. */
export function codeBits(length: number): number {
  return length * BITS_PER_SYMBOL
}

interface CheckedOptions {
  secret: Buffer
  prefix: string
  length: number
  isTaken: (code: string) => boolean
}

function checkOptions(options: CodeOptions): CheckedOptions {
  const { secret } = options
  // A short secret would make every code of the campaign guessable from a few of them.
  if (!Buffer.isBuffer(secret) || secret.length < 16) throw new ExportError('The campaign secret must be at least 16 bytes (use newCampaignSecret()).')
  const prefix = options.prefix ?? ''
  if (prefix !== '' && !PREFIX.test(prefix)) {
    throw new ExportError(`The code prefix "${prefix}" may hold only letters, digits and dashes (up to 20, starting with a letter or digit).`)
  }
  const length = options.length ?? DEFAULT_CODE_LENGTH
  if (!Number.isInteger(length) || length > MAX_LENGTH) throw new ExportError(`The code length must be a whole number up to ${MAX_LENGTH}.`)
  if (codeBits(length) < MIN_CODE_BITS) {
    throw new ExportError(
      `Codes of ${length} symbols have ${codeBits(length).toFixed(1)} bits of randomness; at least ${MIN_CODE_BITS} are needed ` +
        `so that guessing one is hopeless: use ${DEFAULT_CODE_LENGTH} symbols or more.`,
    )
  }
  return { secret, prefix: prefix.toUpperCase(), length, isTaken: options.isTaken ?? (() => false) }
}

/** The code for one customer at one attempt, without any collision check. */
export function deriveCode(options: CodeOptions, customerKey: string, attempt = 0): string {
  return derive(checkOptions(options), customerKey, attempt)
}

function derive(options: CheckedOptions, customerKey: string, attempt: number): string {
  let symbols = ''
  // One HMAC gives 32 bytes, ~31 usable: enough for any allowed length almost
  // always; further blocks only when rejection sampling ran short.
  for (let block = 0; symbols.length < options.length; block++) {
    // NUL separators: no customer key can make its (key, attempt) collide with another's.
    const bytes = createHmac('sha256', options.secret).update(`${customerKey}\u0000${attempt}\u0000${block}`).digest()
    for (let i = 0; i < bytes.length && symbols.length < options.length; i++) {
      if (bytes[i] < ACCEPT_BELOW) symbols += CODE_ALPHABET[bytes[i] % CODE_ALPHABET.length]
    }
  }
  return options.prefix + symbols
}

/**
 * Issues codes one customer at a time, never the same code twice and never a
 * taken one. The result depends on the order of calls only when two customers'
 * codes collide (about 1 in 10^13 per pair at the default length); assignCodes
 * fixes the order so the whole export is reproducible.
 */
export function createCodeIssuer(options: CodeOptions): { issue(customerKey: string): string; size(): number } {
  const checked = checkOptions(options)
  const issued = new Set<string>()
  return {
    issue(customerKey: string): string {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const code = derive(checked, customerKey, attempt)
        if (!issued.has(code) && !checked.isTaken(code)) {
          issued.add(code)
          return code
        }
      }
      throw new ExportError(`No free code found for customer ${customerKey} after ${MAX_ATTEMPTS} attempts: the taken-code check answers yes to everything.`)
    },
    size: () => issued.size,
  }
}

/**
 * One code per customer key (the store's stable customer handle), issued in
 * sorted key order so that the same keys, secret and taken set always give the
 * same codes, whatever order the rows came in.
 */
export function assignCodes(customerKeys: readonly string[], options: CodeOptions, progress?: (done: number, total: number) => void): Map<string, string> {
  const sorted = [...customerKeys].sort()
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) throw new ExportError(`Customer ${sorted[i]} appears twice; each treated customer gets one code.`)
  }
  const issuer = createCodeIssuer(options)
  const codes = new Map<string, string>()
  for (let i = 0; i < sorted.length; i++) {
    // Every few thousand codes: progress for a long campaign (and the caller's chance to stop).
    if (progress && i % PROGRESS_EVERY === 0) progress(i, sorted.length)
    codes.set(sorted[i], issuer.issue(sorted[i]))
  }
  progress?.(sorted.length, sorted.length)
  return codes
}

const PROGRESS_EVERY = 2000
