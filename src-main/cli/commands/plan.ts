import { readFileSync, writeFileSync } from 'node:fs'
import type { Locale } from '../../engine/api'
import { EngineError } from '../../engine/api-schema'
import type { Engine } from '../../engine/engine'
import { DEFAULT_PLAN_SETTINGS } from '../../engine/planner/default-settings'
import { parseOfferSpec } from '../../engine/planner/offer-terms'
import { planCsv } from '../../engine/planner/plan-csv'
import type { Plan, PlanRow, PlanSettings } from '../../engine/planner/planner-api'
import { UsageError } from '../args'
import type { CliCommand } from '../command'
import { describePlan, describePlanList } from '../format-plan'
import { parseWholeNumber } from '../options'
import { print } from '../output'
import { runJob } from '../run-job'

const OPTIONS = {
  budget: { type: 'string' },
  'budget-mode': { type: 'string', default: 'expected' },
  offers: { type: 'string' },
  holdout: { type: 'string', default: '10%' },
  days: { type: 'string', default: '14' },
  start: { type: 'string' },
  margin: { type: 'string', default: `${DEFAULT_PLAN_SETTINGS.defaultMargin * 100}%` },
  'max-depth': { type: 'string', default: `${DEFAULT_PLAN_SETTINGS.maxDepth * 100}%` },
  'exclude-recent': { type: 'string', default: '0' },
  'exclude-returners': { type: 'string' },
  'exclude-coupon-only': { type: 'boolean', default: false },
  'include-without-consent': { type: 'boolean', default: false },
  'exclude-list': { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  locale: { type: 'string', default: 'en' },
  progress: { type: 'boolean', default: false },
} as const

export const planCommand: CliCommand = {
  name: 'plan',
  usage: [
    '  plan --budget AMOUNT [--offers percent:5,10,15,20;fixed:5;free_shipping;spend_x_save_y:50/10]',
    '       [--holdout 10%] [--days 14] [--start DATE] [--margin 40%] [--max-depth 30%] [--budget-mode expected|face-value]',
    '       [--exclude-recent DAYS] [--exclude-returners 30%] [--exclude-coupon-only] [--include-without-consent]',
    '       [--exclude-list FILE] [--seed N] [--out plan.csv]',
    '                               Plan coupons that earn the most extra profit within the budget (expected discount cost)',
    '  plan show ID [--budget AMOUNT] [--out plan.csv]   A stored plan (re-solved at AMOUNT if given), optionally as CSV',
    '  plan list                    Stored plans',
    '  plan approve ID              Approve a draft plan: it becomes a campaign, its holdout the control group',
  ].join('\n'),
  async run(argv, ctx) {
    const { values, positionals } = ctx.parse(argv, OPTIONS)
    const [sub, idText, ...extra] = positionals
    if (extra.length > 0) throw new UsageError(`plan: unexpected "${extra.join(' ')}"`)
    const locale: Locale = values.locale === 'zh-CN' ? 'zh-CN' : 'en'
    const engine = ctx.open(values.db)
    switch (sub) {
      case undefined: {
        if (values.budget === undefined) throw new UsageError('plan needs --budget AMOUNT (the expected discount cost the plan may spend)')
        const settings = settingsFrom(values)
        const outcome = await runJob(engine, (await engine.call('plan/create', settings)).jobId, values)
        if (outcome.status === 'failed') throw new EngineError(String(outcome.issue.params?.code ?? 'plan.failed'), outcome.issue.message, outcome.issue.params)
        if (outcome.status === 'cancelled') {
          process.stderr.write('Cancelled: no plan was saved.\n')
          return 130
        }
        if (outcome.status !== 'planned') throw new Error('A planning job ended without a plan.')
        return show(engine, await engine.call('plan/get', { planId: outcome.planId }), values.out, locale, values.json)
      }
      case 'show': {
        const planId = parseWholeNumber('plan ID', idText ?? '', { min: 1, max: 2 ** 31 - 1 })
        const plan =
          values.budget === undefined
            ? await engine.call('plan/get', { planId })
            : await engine.call('plan/resolve', { planId, budget: parseMoney('--budget', values.budget) })
        return show(engine, plan, values.out, locale, values.json)
      }
      case 'list': {
        const plans = await engine.call('plan/list', {})
        const { currency } = await engine.call('settings/get', {})
        print(values.json, plans, () => describePlanList(plans, currency))
        return 0
      }
      case 'approve': {
        const planId = parseWholeNumber('plan ID', idText ?? '', { min: 1, max: 2 ** 31 - 1 })
        const plan = await engine.call('plan/approve', { planId })
        print(values.json, plan, () => `Plan #${plan.id} approved: ${plan.summary.coupons} coupons, ${plan.summary.holdout} customers held out as the control group.`)
        return 0
      }
      default:
        throw new UsageError(`plan: unknown subcommand "${sub}" (show, list or approve; or no subcommand with --budget to make a plan)`)
    }
  },
}

async function show(engine: Engine, plan: Plan, out: string | undefined, locale: Locale, json: boolean): Promise<number> {
  if (out !== undefined) writeFileSync(out, planCsv(plan, await allRows(engine, plan.id), locale))
  print(json, plan, () => describePlan(plan) + (out ? `\nWritten: ${out} (one row per customer planned for, holdout included)` : ''))
  return 0
}

async function allRows(engine: Engine, planId: number): Promise<PlanRow[]> {
  const rows: PlanRow[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await engine.call('plan/rows', { planId, filter: {}, sort: 'profit', offset, limit: 1000 })
    // Treated first, then the holdout, then the rest: the order a merchant reads the file in.
    rows.push(...page.rows)
    if (offset + 1000 >= page.total) break
  }
  const rank = { treatment: 0, holdout: 1, none: 2 } as const
  return rows.sort((a, b) => rank[a.group] - rank[b.group])
}

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { type: 'boolean' } ? boolean : string }

function settingsFrom(values: Values): PlanSettings {
  const d = DEFAULT_PLAN_SETTINGS
  const mode = values['budget-mode']
  if (mode !== 'expected' && mode !== 'face-value') throw new UsageError('--budget-mode must be expected or face-value')
  let offers = d.offers
  if (values.offers !== undefined) {
    try {
      offers = parseOfferSpec(values.offers)
    } catch (error) {
      throw new UsageError(`--offers: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  if (values.start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.start)) throw new UsageError(`--start expects a date as YYYY-MM-DD, got "${values.start}"`)
  const manual = values['exclude-list'] === undefined ? [] : readList(values['exclude-list'])
  return {
    ...d,
    budget: parseMoney('--budget', values.budget ?? ''),
    budgetMode: mode,
    offers,
    startsAt: values.start,
    days: parseWholeNumber('--days', values.days as string, { min: 1, max: 90 }),
    holdoutShare: parseShare('--holdout', values.holdout as string, 0, 0.5),
    defaultMargin: parseShare('--margin', values.margin as string, 0.01, 1),
    maxDepth: parseShare('--max-depth', values['max-depth'] as string, 0.01, 0.9),
    exclusions: {
      ...d.exclusions,
      boughtWithinDays: parseWholeNumber('--exclude-recent', values['exclude-recent'] as string, { min: 0, max: 365 }),
      maxReturnShare: values['exclude-returners'] === undefined ? 1 : parseShare('--exclude-returners', values['exclude-returners'], 0, 1),
      couponOnly: Boolean(values['exclude-coupon-only']),
      requireConsent: !values['include-without-consent'],
      manual,
    },
    seed: values.seed === undefined ? d.seed : parseWholeNumber('--seed', values.seed, { min: 0, max: 2 ** 31 - 1 }),
  }
}

/** "10%" or "0.1" → 0.1, within [min, max]. */
function parseShare(what: string, text: string, min: number, max: number): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text)
  const value = match ? Number(match[1]) / (match[2] === '%' ? 100 : 1) : Number.NaN
  if (!(value >= min && value <= max)) throw new UsageError(`${what} expects a share from ${min * 100}% to ${max * 100}% (e.g. 10%), got "${text}"`)
  return value
}

function parseMoney(what: string, text: string): number {
  const value = /^\s*\d+(\.\d{1,2})?\s*$/.test(text) ? Number(text) : Number.NaN
  if (!(value >= 0 && value <= 1e9)) throw new UsageError(`${what} expects an amount of money like 3000 or 250.50, got "${text}"`)
  return value
}

/** One customer id or e-mail per line (a header line such as "customer_id" or "email" is skipped). */
function readList(path: string): string[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new UsageError(`--exclude-list: cannot read "${path}"`)
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.split(',')[0].trim())
    .filter((line, index) => line !== '' && !(index === 0 && /^(customer[_ ]?id|email|e-mail)$/i.test(line)))
}
