/**
 * Runtime validation of the plan channels' arguments (joined into
 * ARG_SCHEMAS in ../api-schema.ts). Bounds are what a merchant could mean:
 * a budget in the shop's currency, up to 50 % held out, at most 24 offers.
 */
import { z } from 'zod'
import type { PlanCalls } from './planner-api'

const planId = z.number().int().positive()
const money = z.number().finite().min(0).max(1e9)
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const budgetMode = z.enum(['expected', 'face-value'])

const offerMenu = z
  .object({
    percent: z.array(z.number().gt(0).max(90)).max(12),
    fixed: z.array(money.gt(0)).max(6),
    freeShipping: z.boolean(),
    spendSave: z.array(z.object({ minSpend: money.gt(0), save: money.gt(0) }).strict()).max(6),
    scopes: z.array(z.enum(['all', 'category', 'product'])).max(3),
  })
  .strict()

const settings = z
  .object({
    budget: money,
    budgetMode,
    offers: offerMenu,
    startsAt: isoDay.optional(),
    days: z.number().int().min(1).max(90),
    holdoutShare: z.number().min(0).max(0.5),
    defaultMargin: z.number().gt(0).max(1),
    maxDepth: z.number().gt(0).max(0.9),
    exclusions: z
      .object({
        boughtWithinDays: z.number().int().min(0).max(365),
        maxReturnShare: z.number().min(0).max(1),
        couponOnly: z.boolean(),
        requireConsent: z.boolean(),
        openCoupon: z.boolean(),
        manual: z.array(z.string().max(320)).max(100_000),
      })
      .strict(),
    prior: z.object({ maxRateMultiplier: z.number().min(1).max(5), halfDepth: z.number().min(0.01).max(0.5) }).strict(),
    seed: z.number().int().min(0).max(2 ** 31 - 1),
  })
  .strict()

const filter = z
  .object({
    group: z.enum(['treatment', 'holdout', 'none']).optional(),
    offerId: z.string().max(100).optional(),
    segment: z.string().max(40).optional(),
    scope: z.enum(['all', 'category', 'product']).optional(),
    profitPositive: z.boolean().optional(),
    search: z.string().max(200).optional(),
  })
  .strict()

const lock = z.union([z.object({ kind: z.literal('offer'), offerId: z.string().min(1).max(100) }).strict(), z.object({ kind: z.literal('exclude') }).strict(), z.null()])

export const PLAN_SCHEMAS = {
  'plan/create': settings,
  'plan/resolve': z.object({ planId, budget: money, budgetMode: budgetMode.optional() }).strict(),
  'plan/get': z.object({ planId }).strict(),
  'plan/list': z.object({}).strict(),
  'plan/rows': z
    .object({ planId, filter, sort: z.enum(['profit', 'p-buy', 'cost', 'name']), offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) })
    .strict(),
  'plan/lock': z.object({ planId, customerId: z.number().int().positive(), lock }).strict(),
  'plan/approve': z.object({ planId }).strict(),
} satisfies { [C in keyof PlanCalls]: z.ZodType<PlanCalls[C]['args']> }
