/** Argument schemas of the results channels, spread into ARG_SCHEMAS (api-schema.ts). */
import { z } from 'zod'

export const RESULTS_SCHEMAS = {
  'results/campaign': z.object({ campaignId: z.number().int().positive() }).strict(),
  'results/plan': z.object({ planId: z.number().int().positive() }).strict(),
  'results/import-accounting': z.object({ campaignId: z.number().int().positive(), batchId: z.number().int().positive() }).strict(),
}
