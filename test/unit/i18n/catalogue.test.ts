import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import en from '../../../src-renderer/lib/i18n/en.json'
import zhCN from '../../../src-renderer/lib/i18n/zh-CN.json'
import { interpolate, placeholders, translate } from '../../../src-renderer/lib/i18n/catalogue'
import { CANONICAL_FIELD_LIST, FIELDS_BY_KIND, RECORD_KINDS } from '../../../src-main/engine/ingest/formats/fields'
import { PRESETS } from '../../../src-main/engine/ingest/formats/presets'

const ROOT = join(__dirname, '../../..')
const catalogues: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN }

/** The members of a string-literal union type, read from the source (types do not exist at runtime). */
function unionMembers(file: string, start: RegExp): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const at = text.search(start)
  expect(at, `${start} in ${file}`).toBeGreaterThanOrEqual(0)
  const rest = text.slice(at).replace(start, '')
  // The union ends at the first line that is neither a member, a comment nor blank.
  const body: string[] = []
  for (const line of rest.split('\n')) {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('//') || trimmed.startsWith('|') || /^'[^']+'/.test(trimmed)) body.push(trimmed)
    else break
  }
  return [...body.join(' ').replace(/\/\/[^|']*/g, '').matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '')
}

const ISSUE_CODES = unionMembers('src-main/engine/shared/issue.ts', /export type IssueCode =/)
const JOB_STEPS = unionMembers('src-main/engine/api.ts', /export type JobStep =/)
const BACKENDS = [...(readFileSync(join(ROOT, 'src-main/engine/api.ts'), 'utf8').match(/^\s*name: ('[^\n]+)$/m)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
  (match) => match[1] ?? '',
)
const CUSTOMER_SORTS = unionMembers('src-main/engine/api.ts', /export type CustomerSort =/)
const PRESET_IDS = [
  'shopify-orders',
  'shopify-customers',
  'shopify-products',
  'woocommerce-orders',
  'woocommerce-products',
  'online-retail',
  'online-retail-ii',
  'taobao-orders',
  'jd-orders',
  'pinduoduo-orders',
  'generic-order-lines',
  'generic-orders',
  'generic-customers',
  'generic-products',
]
/** Params the engine sends with issues (plus the row and column every FileIssue carries). */
const ISSUE_PARAMS = new Set(['value', 'column', 'expected', 'found', 'lines', 'field', 'example', 'row', 'reason', 'missing', 'exitCode'])

describe('i18n catalogues', () => {
  it('have identical keys in both languages', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
  })

  it('use the same {placeholders} per key in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]))
    }
  })

  it('have no empty sentences', () => {
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const [key, value] of Object.entries(catalogue)) expect(value.trim(), `${locale} ${key}`).not.toBe('')
    }
  })

  it('are flat string maps the engine can read as plain JSON', () => {
    for (const catalogue of Object.values(catalogues)) {
      for (const value of Object.values(catalogue)) expect(typeof value).toBe('string')
    }
  })

  it('explain every IssueCode, using only params the engine sends', () => {
    expect(ISSUE_CODES.length).toBeGreaterThan(10)
    expect(ISSUE_CODES).toContain('value.date')
    for (const code of ISSUE_CODES) {
      const key = `reject.${code}`
      for (const catalogue of Object.values(catalogues)) {
        expect(catalogue[key], key).toBeTypeOf('string')
        for (const name of placeholders(catalogue[key] ?? '')) expect(ISSUE_PARAMS.has(name), `${key} uses {${name}}`).toBe(true)
      }
    }
  })

  it('name every canonical field, record kind, format preset and job step', () => {
    const fields = new Set([...CANONICAL_FIELD_LIST, ...Object.values(FIELDS_BY_KIND).flat()])
    const presetIds = new Set([...PRESET_IDS, ...PRESETS.map((preset) => preset.id)])
    expect(JOB_STEPS).toEqual(expect.arrayContaining(['reading', 'scanning-dates', 'writing', 'finishing', 'features', 'training-purchase', 'scoring']))
    const keys = [
      ...[...fields].map((field) => `field.${field}`),
      ...RECORD_KINDS.map((kind) => `kind.${kind}`),
      ...[...presetIds].map((id) => `format.${id}`),
      ...JOB_STEPS.map((step) => `job.step.${step}`),
      ...['running', 'done', 'failed', 'cancelled', 'undone'].map((status) => `status.${status}`),
      // The Learn step: the learning backends and the customer list's sort orders.
      ...BACKENDS.map((name) => `learn.backend.${name}`),
      ...CUSTOMER_SORTS.map((sort) => `customers.sort.${sort}`),
      // The engine's rejects CSV header.
      ...['row', 'column', 'reason', 'original_row'].map((name) => `rejects.csv.${name}`),
    ]
    for (const key of keys) {
      for (const [locale, catalogue] of Object.entries(catalogues)) expect(catalogue[key], `${locale} ${key}`).toBeTypeOf('string')
    }
  })
})

describe('interpolate', () => {
  it('fills placeholders and shows a dash for missing ones', () => {
    expect(interpolate('“{value}” in column “{column}”', { value: '31/02', column: 'Date' })).toBe('“31/02” in column “Date”')
    expect(interpolate('“{value}” in column “{column}”', { value: 7 })).toBe('“7” in column “—”')
  })

  it('translates with the locale’s sentence', () => {
    expect(translate('zh-CN', 'reject.row.ragged', { found: 3, expected: 5 })).toContain('3')
    expect(translate('en', 'reject.value.number', { value: 'abc', column: 'Qty' })).toBe('“abc” in column “Qty” is not a number.')
  })
})
