/**
 * Runtime validation of the export channels' arguments (joined into
 * ARG_SCHEMAS in ../api-schema.ts). Code options are checked again, with a
 * merchant's message, by codes.ts.
 */
import { z } from 'zod'
import type { ExportCalls } from './export-api'
import { EXPORT_FORMATS } from './export-files'

const args = z
  .object({
    planId: z.number().int().positive(),
    format: z.enum(EXPORT_FORMATS),
    withHoldout: z.boolean(),
    privacy: z.enum(['keep', 'hash', 'drop']),
    locale: z.enum(['en', 'zh-CN']),
    prefix: z.string().max(20).optional(),
    length: z.number().int().min(1).max(32).optional(),
    scopeIds: z
      .record(z.string().min(1).max(200), z.object({ shopifyId: z.string().min(1).max(200).optional(), wooId: z.number().int().positive().optional() }).strict())
      .optional(),
    formats: z.array(z.enum(EXPORT_FORMATS)).max(EXPORT_FORMATS.length).optional(),
  })
  .strict()

export const EXPORT_SCHEMAS = {
  'export/plans': z.object({}).strict(),
  'export/preview': args,
  'export/write': args,
} satisfies { [C in keyof ExportCalls]: z.ZodType<ExportCalls[C]['args']> }
