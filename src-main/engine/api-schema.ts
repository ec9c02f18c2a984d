/**
 * Runtime validation of every call's arguments. The renderer (and anything that
 * reaches the web bridge) is untrusted: each face passes arguments through
 * `validateArgs` before a handler sees them. The `satisfies` clause keeps these
 * schemas and the type-only contract in api.ts from drifting apart.
 */
import { z } from 'zod'
import type { ArgsOf, Channel } from './api'
import { CANONICAL_FIELD_LIST } from './ingest/formats/fields'
import { PLAN_SCHEMAS } from './planner/plan-schema'
import { EXPORT_SCHEMAS } from './export/export-schema'
import { RESULTS_SCHEMAS } from './results/results-schema'

const none = z.object({}).strict()
/** A handle from a face's FileRegistry; anything else (a raw path...) is refused when it is resolved, with `import.file-not-chosen`. */
const file = z.string().min(1).max(4096)
const encoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'windows-1252'])
const delimiter = z.enum([',', ';', '\t', '|', 'whitespace'])
const presetId = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/)
const batchId = z.number().int().positive()
const locale = z.enum(['en', 'zh-CN'])
const currency = z.string().regex(/^[A-Z]{3}$/)
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const mapping = z.partialRecord(z.enum(CANONICAL_FIELD_LIST), z.string().max(512))

const importRequest = z
  .object({
    file,
    presetId,
    mapping,
    dateOrder: z.enum(['auto', 'dmy', 'mdy', 'ymd']),
    currency,
    sheet: z.string().max(256).optional(),
    encoding: encoding.optional(),
    delimiter: delimiter.optional(),
    keepReadablePart: z.boolean().optional(),
  })
  .strict()

type Schemas = { [C in Channel]: z.ZodType<ArgsOf<C>> }

export const ARG_SCHEMAS = {
  'app/info': none,
  'settings/get': none,
  'settings/set': z.object({ locale: locale.optional(), currency: currency.nullable().optional() }).strict(),
  'formats/list': none,
  'import/inspect': z
    .object({ file, presetId: presetId.optional(), sheet: z.string().max(256).optional(), encoding: encoding.optional(), delimiter: delimiter.optional() })
    .strict(),
  'import/start': z.object({ requests: z.array(importRequest).min(1).max(100) }).strict(),
  'import/sample': none,
  'import/batches': none,
  'import/rejects': z.object({ batchId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }).strict(),
  'import/rejects-csv': z.object({ batchId, locale }).strict(),
  'import/undo': z.object({ batchId }).strict(),
  'jobs/cancel': z.object({ jobId: z.string().uuid() }).strict(),
  'data/overview': none,
  'model/train': z.object({ cutoff: isoDay.optional(), horizonDays: z.number().int().min(7).max(365) }).strict(),
  'model/evaluate': z.object({ cutoff: isoDay, horizonDays: z.number().int().min(7).max(365) }).strict(),
  'model/report': z.object({ runId: z.number().int().positive().optional() }).strict(),
  'customers/list': z
    .object({ search: z.string().max(200), sort: z.enum(['p-buy', 'spend', 'recent', 'discount-sensitivity']), offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) })
    .strict(),
  'customers/detail': z.object({ customerId: z.number().int().positive() }).strict(),
  'campaigns/list': none,
  'campaigns/evaluate': z.object({ campaignId: z.number().int().positive().optional(), seed: z.number().int().min(0).max(2 ** 31 - 1).optional() }).strict(),
  ...PLAN_SCHEMAS,
  ...EXPORT_SCHEMAS,
  ...RESULTS_SCHEMAS,
} satisfies Schemas

/** An error whose code and message are safe to show across a face boundary. */
export class EngineError extends Error {
  constructor(readonly code: string, message: string, readonly params?: Record<string, string | number>) {
    super(message)
  }
}

export function isChannel(value: string): value is Channel {
  return Object.hasOwn(ARG_SCHEMAS, value)
}

export function validateArgs<C extends Channel>(channel: C, args: unknown): ArgsOf<C> {
  const schema = ARG_SCHEMAS[channel] as z.ZodType<ArgsOf<C>>
  const parsed = schema.safeParse(args ?? {})
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first?.path.join('.') || 'arguments'
    throw new EngineError('api.invalid-arguments', `Invalid arguments for ${channel}: ${where}: ${first?.message ?? 'invalid'}`, { channel, field: where })
  }
  return parsed.data
}
