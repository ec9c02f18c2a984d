/**
 * The export channels behind every face: an approved plan → codes in the
 * store → files. The writers (export-files.ts) stay pure; this is where the
 * store is read and written.
 *
 * Codes are made on the plan's first export (not at approval: the merchant
 * picks the prefix and length on the Export step), in one transaction that
 *   1. creates the campaign's secret if it has none (a preview may already
 *      have: previews show the codes the export will write),
 *   2. issues one code per treated member (codes.ts assignCodes), refusing
 *      every code already in the store (any other campaign's members) and
 *      every discount code seen in imported orders, case-insensitively,
 *   3. writes them to campaign_members.code and marks the campaign exported
 *      (first/last export time, prefix, length).
 * From then on the codes are fixed: a re-export reads them back (same
 * secret → same codes, same files) and refuses a different prefix or length.
 *
 * Writing 100k coupons takes seconds, so `export/write` runs as a job (kind
 * 'export', run-export-job.ts) with progress and cancel: the codes and files
 * are made first, and only then, in one transaction, the codes are stored and
 * the campaign marked sent; a cancel before that leaves the store as it was.
 * The preview renders no file: it counts rows and builds the first few only.
 */
import type Database from 'better-sqlite3'
import { writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Locale } from '../api'
import { EngineError } from '../api-schema'
import { PlanCache, type LoadedPlan } from '../planner/loaded-plan'
import { groupOf, reasonsFor, rowNumbers } from '../planner/plan-views'
import type { Reason } from '../planner/planner-api'
import { assignCodes, codeBits, DEFAULT_CODE_LENGTH, deriveCode, newCampaignSecret } from './codes'
import type {
  ExportablePlan,
  ExportArgs,
  ExportCodes,
  ExportFormat,
  ExportFileContent,
  ExportFileInfo,
  ExportPreview,
  ExportPreviewFile,
  ExportWritten,
} from './export-api'
import { exportParts, renderParts } from './export-files'
import type { ExportPart } from './export-table'
import { ExportError, type ExportFile, type ExportMeta, type ExportRow } from './export-types'

/**
 * How a face lets the merchant pick the folder (the desktop app: a dialog in
 * main). Null = cancelled. A face without one gets the files back instead.
 */
export type ChooseExportFolder = (request: { planId: number; locale: Locale }) => Promise<string | null>

interface CampaignCodes {
  id: number
  name: string
  secret: Buffer | null
  prefix: string | null
  length: number | null
  firstExportedAt: string | null
  lastExportedAt: string | null
}

interface Member {
  customerId: number
  arm: 'treatment' | 'control'
  code: string | null
}

/** What a long export reports: the step, and work done of total in that step. */
export type ExportJobProgress = (step: 'export-codes' | 'export-files', done: number, total: number) => void

/** Thrown from a progress callback to stop an export; nothing is stored. */
export class ExportCancelled extends Error {}

export class ExportService {
  /**
   * Approved plans are frozen, so the preview keeps the last few loaded and the
   * last plan's codes: the Export step previews again at every option change,
   * and a 100k plan's load and codes are most of a preview's cost.
   */
  private readonly loaded = new PlanCache(2)
  private previewCodes: { key: string; codes: Map<string, string> } | null = null

  constructor(
    private readonly db: Database.Database,
    private readonly chooseFolder?: ChooseExportFolder,
  ) {}

  plans(): ExportablePlan[] {
    const rows = this.db
      .prepare(`SELECT p.id AS planId, c.id AS campaignId, p.approved_at AS approvedAt, p.starts_at AS startsAt, p.expires_at AS expiresAt,
          c.first_exported_at AS firstExportedAt, c.last_exported_at AS lastExportedAt, c.code_prefix AS prefix, c.code_length AS length,
          (SELECT COUNT(*) FROM campaign_members m WHERE m.campaign_id = c.id AND m.arm = 'treatment') AS coupons,
          (SELECT COUNT(*) FROM campaign_members m WHERE m.campaign_id = c.id AND m.arm = 'control') AS holdout
        FROM plans p JOIN campaigns c ON c.id = p.campaign_id WHERE p.status = 'approved' ORDER BY p.id DESC`)
      .all() as (Omit<ExportablePlan, 'codes'> & { prefix: string | null; length: number | null })[]
    return rows.map(({ prefix, length, ...rest }) => ({ ...rest, codes: rest.firstExportedAt !== null && length !== null ? { prefix: prefix ?? '', length } : null }))
  }

  preview(args: ExportArgs): ExportPreview {
    const plan = this.approvedPlan(args.planId)
    const campaign = this.campaign(plan)
    const settings = codeSettings(args, campaign)
    // The secret is made now, so the preview shows exactly the codes the first export will write.
    const secret = this.ensureSecret(campaign)
    const members = this.members(campaign.id)
    const codes = settings.fixed ? storedCodes(members) : this.cachedNewCodes(campaign.id, members, secret, settings)
    const rows = exportRows(plan, codes, args)
    const parts = this.parts(plan, campaign, secret, rows, args)
    return {
      planId: args.planId,
      format: args.format,
      codes: { ...settings, bits: codeBits(settings.length), count: codes.size },
      treated: rows.filter((r) => r.group === 'treatment').length,
      holdout: rows.filter((r) => r.group === 'holdout').length,
      scopes: scopesOf(rows),
      files: parts.map((part): ExportPreviewFile => ({
        fileName: part.fileName,
        destination: part.destination,
        kind: part.destination === 'holdout' ? 'holdout' : 'coupons',
        rows: part.rows,
        mediaType: mediaType(part.fileName),
        warnings: part.warnings,
        sample: part.sample(),
      })),
    }
  }

  /**
   * The face's half of `export/write`: the plan and code options checked, then
   * the folder asked for (desktop). Null folder = the files come back; a
   * cancelled dialog = `cancelled`, with nothing made.
   */
  async prepareWrite(args: ExportArgs): Promise<{ folder: string | null } | { cancelled: ExportWritten }> {
    const plan = this.approvedPlan(args.planId)
    const before = this.campaign(plan)
    const settings = codeSettings(args, before)
    // Asked before anything is stored: a cancelled dialog makes no codes.
    if (!this.chooseFolder) return { folder: null }
    const folder = await this.chooseFolder({ planId: args.planId, locale: args.locale })
    if (folder !== null) return { folder }
    return { cancelled: notWritten(args, settings, before) }
  }

  /** A cancelled export job, as the face shows it: nothing written, the store as it was. */
  cancelled(args: ExportArgs): ExportWritten {
    const campaign = this.campaign(this.approvedPlan(args.planId))
    return notWritten(args, codeSettings(args, campaign), campaign)
  }

  /**
   * The job's half (its own connection): codes, files, then the store, then
   * the folder. `progress` may throw ExportCancelled to stop before the store
   * changes.
   */
  async write(args: ExportArgs, folder: string | null, progress: ExportJobProgress = () => {}): Promise<ExportWritten> {
    const plan = this.approvedPlan(args.planId)
    const before = this.campaign(plan)
    const settings = codeSettings(args, before)
    const secret = this.ensureSecret(before)
    const members = this.members(before.id)
    const codes = settings.fixed ? storedCodes(members) : this.newCodes(before.id, members, secret, settings, (done, total) => progress('export-codes', done, total))
    const rows = exportRows(plan, codes, args)
    const files = await exportFiles(() => renderParts(this.parts(plan, before, secret, rows, args, formatsOf(args)), (done, total) => progress('export-files', done, total)), plan, args)
    const campaign = this.storeCodes(plan, args, settings, codes)
    let out: (ExportFileInfo | ExportFileContent)[]
    if (folder !== null) {
      for (const file of files) await writeFile(join(folder, basename(file.fileName)), file.content)
      out = files.map(fileInfo)
    } else {
      out = files.map((file): ExportFileContent => ({
        ...fileInfo(file),
        content: typeof file.content === 'string' ? file.content : file.content.toString('base64'),
        encoding: typeof file.content === 'string' ? 'utf-8' : 'base64',
      }))
    }
    return {
      planId: args.planId,
      format: args.format,
      cancelled: false,
      folder,
      codes: { prefix: settings.prefix, length: settings.length, fixed: true, bits: codeBits(settings.length), count: codes.size },
      firstExportedAt: campaign.firstExportedAt,
      lastExportedAt: campaign.lastExportedAt,
      files: out,
    }
  }

  /**
   * One transaction: the codes stored (first export only) and the campaign
   * marked exported. Read again inside it: another face may have exported
   * this plan while the files were being made.
   */
  private storeCodes(plan: LoadedPlan, args: ExportArgs, settings: CodeSettings, codes: Map<string, string>): CampaignCodes {
    try {
      return this.db.transaction(() => {
        const campaign = this.campaign(plan)
        if (!settings.fixed) {
          if (campaign.firstExportedAt !== null) {
            throw new EngineError('export.exported-meanwhile', `Plan ${args.planId} was exported from another window meanwhile, with its own codes. Export again to write those.`, { planId: args.planId })
          }
          const update = this.db.prepare('UPDATE campaign_members SET code = ? WHERE campaign_id = ? AND customer_id = ?')
          for (const [key, code] of codes) update.run(code, campaign.id, Number(key))
        }
        const now = new Date().toISOString()
        this.db
          .prepare('UPDATE campaigns SET code_prefix = ?, code_length = ?, first_exported_at = COALESCE(first_exported_at, ?), last_exported_at = ? WHERE id = ?')
          .run(settings.prefix, settings.length, now, now, campaign.id)
        return this.campaign(plan)
      })()
    } catch (error) {
      // The store's own check (0007's triggers) caught a code another writer took meanwhile.
      if (error instanceof Error && error.message.includes('export.code-taken')) {
        throw new EngineError('export.code-taken', 'A coupon code was taken by another campaign while exporting. Export again.', { planId: plan.record.id })
      }
      throw error
    }
  }

  /** New codes as the first export will make them, kept while nothing they depend on changes. */
  private cachedNewCodes(campaignId: number, members: Member[], secret: Buffer, settings: CodeSettings): Map<string, string> {
    const taken = takenCodes(this.db, campaignId)
    const key = [campaignId, secret.toString('hex'), settings.prefix, settings.length, members.length, taken.size].join('\u0000')
    if (this.previewCodes?.key !== key) this.previewCodes = { key, codes: this.newCodes(campaignId, members, secret, settings, undefined, taken) }
    return this.previewCodes.codes
  }

  private approvedPlan(planId: number): LoadedPlan {
    const plan = this.loaded.get(this.db, planId)
    if (plan.record.status !== 'approved') this.loaded.forget(planId)
    if (plan.record.status !== 'approved' || plan.record.campaignId === null) {
      throw new EngineError(
        'export.plan-not-approved',
        `Plan ${planId} is a draft: approve it (Review step, or \`offerwise plan approve ${planId}\`) before exporting its codes.`,
        { planId },
      )
    }
    return plan
  }

  private campaign(plan: LoadedPlan): CampaignCodes {
    const row = this.db
      .prepare(`SELECT id, name, code_secret AS secret, code_prefix AS prefix, code_length AS length, first_exported_at AS firstExportedAt,
          last_exported_at AS lastExportedAt FROM campaigns WHERE id = ?`)
      .get(plan.record.campaignId) as CampaignCodes | undefined
    if (!row) throw new EngineError('export.no-campaign', `Plan ${plan.record.id} has no campaign in the store.`, { planId: plan.record.id })
    return row
  }

  private ensureSecret(campaign: CampaignCodes): Buffer {
    if (campaign.secret) return campaign.secret
    const secret = newCampaignSecret()
    // Only if still empty: two faces previewing at once keep one secret.
    this.db.prepare('UPDATE campaigns SET code_secret = ? WHERE id = ? AND code_secret IS NULL').run(secret, campaign.id)
    return this.db.prepare('SELECT code_secret FROM campaigns WHERE id = ?').pluck().get(campaign.id) as Buffer
  }

  private members(campaignId: number): Member[] {
    return this.db
      .prepare('SELECT customer_id AS customerId, arm, code FROM campaign_members WHERE campaign_id = ? ORDER BY customer_id')
      .all(campaignId) as Member[]
  }

  /** One set of every taken code, read in two queries (not one query per code): checking 100k codes is a Set lookup each. */
  private newCodes(
    campaignId: number,
    members: Member[],
    secret: Buffer,
    settings: CodeSettings,
    progress?: (done: number, total: number) => void,
    taken = takenCodes(this.db, campaignId),
  ): Map<string, string> {
    const keys = members.filter((m) => m.arm === 'treatment').map((m) => String(m.customerId))
    return exportCall(() => assignCodes(keys, { secret, prefix: settings.prefix, length: settings.length, isTaken: (code) => taken.has(code) }, progress))
  }

  /** The preview shows `format` alone; a write renders every format of `formatsOf(args)`. */
  private parts(plan: LoadedPlan, campaign: CampaignCodes, secret: Buffer, rows: ExportRow[], args: ExportArgs, formats: readonly ExportFormat[] = [args.format]): ExportPart[] {
    const meta: ExportMeta = {
      planId: plan.record.id,
      campaignName: campaign.name,
      currency: plan.record.currency,
      startsAt: plan.record.startsAt,
      expiresAt: plan.record.expiresAt,
      utcOffsetMinutes: shopUtcOffset(this.db),
      locale: args.locale,
      privacy: args.privacy,
      secret,
      offers: plan.record.offers,
    }
    // Every format over the same rows; the holdout list (the same file in every format) once, last.
    return formats.flatMap((format, i) =>
      exportCall(() => exportParts({ meta, rows }, { format, withHoldout: args.withHoldout && i === formats.length - 1 }), plan.record.id, format),
    )
  }
}

/** Rendering, with a writer's refusal (ExportError) turned into the merchant's message. */
async function exportFiles(render: () => Promise<ExportFile[]>, plan: LoadedPlan, args: ExportArgs): Promise<ExportFile[]> {
  try {
    return await render()
  } catch (error) {
    if (error instanceof ExportError) throw new EngineError('export.invalid', error.message, { planId: plan.record.id, format: args.format })
    throw error
  }
}

/** The formats one write renders: `format`, then any further `formats` (each once, in the order asked). */
export function formatsOf(args: ExportArgs): ExportFormat[] {
  return [...new Set<ExportFormat>([args.format, ...(args.formats ?? [])])]
}

function notWritten(args: ExportArgs, settings: CodeSettings, campaign: CampaignCodes): ExportWritten {
  return {
    planId: args.planId,
    format: args.format,
    cancelled: true,
    folder: null,
    codes: { ...settings, bits: codeBits(settings.length), count: 0 },
    firstExportedAt: campaign.firstExportedAt,
    lastExportedAt: campaign.lastExportedAt,
    files: [],
  }
}

interface CodeSettings {
  prefix: string
  length: number
  fixed: boolean
}

/** The prefix and length: the stored ones after the first export (a different ask is refused), else the asked ones, checked. */
function codeSettings(args: ExportArgs, campaign: CampaignCodes): CodeSettings {
  if (campaign.firstExportedAt !== null && campaign.length !== null) {
    const prefix = campaign.prefix ?? ''
    const length = campaign.length
    if ((args.prefix !== undefined && args.prefix.toUpperCase() !== prefix) || (args.length !== undefined && args.length !== length)) {
      throw new EngineError(
        'export.codes-fixed',
        `Plan ${args.planId}'s codes were exported on ${campaign.firstExportedAt.slice(0, 10)} with prefix "${prefix}" and ${length} symbols; ` +
          'they cannot change now (the shop may already have them). Export without a prefix or length, or copy the plan for new codes.',
        { planId: args.planId, prefix, length },
      )
    }
    return { prefix, length, fixed: true }
  }
  const prefix = (args.prefix ?? '').trim().toUpperCase()
  const length = args.length ?? DEFAULT_CODE_LENGTH
  // Checks the prefix and the bits with codes.ts' own messages.
  exportCall(() => deriveCode({ secret: Buffer.alloc(32), prefix, length }, 'check'))
  return { prefix, length, fixed: false }
}

function exportCall<T>(fn: () => T, planId?: number, format?: string): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof ExportError) throw new EngineError('export.invalid', error.message, planId === undefined ? undefined : { planId, format: format ?? '' })
    throw error
  }
}

function storedCodes(members: Member[]): Map<string, string> {
  const codes = new Map<string, string>()
  for (const m of members) {
    if (m.arm !== 'treatment') continue
    if (!m.code) throw new EngineError('export.code-missing', `A treated customer of this campaign has no code; the store is inconsistent.`, { customerId: m.customerId })
    codes.set(String(m.customerId), m.code)
  }
  return codes
}

/**
 * Every code a new code must not equal, upper-cased: other campaigns' member
 * codes and the discount codes of imported orders (whole, and each part of a
 * list such as "A, B" or WooCommerce's "code:A|amount:10;code:B|…").
 */
export function takenCodes(db: Database.Database, campaignId: number): Set<string> {
  const taken = new Set<string>()
  for (const code of db.prepare('SELECT DISTINCT upper(trim(code)) FROM campaign_members WHERE code IS NOT NULL AND campaign_id <> ?').pluck().iterate(campaignId)) {
    taken.add(code as string)
  }
  for (const value of db.prepare("SELECT DISTINCT upper(trim(discount_code)) FROM orders WHERE discount_code IS NOT NULL AND discount_code <> ''").pluck().iterate()) {
    const text = value as string
    taken.add(text)
    for (const part of text.split(/[\s,;|]+/)) {
      const code = part.replace(/^CODE:/, '')
      if (code !== '') taken.add(code)
    }
  }
  return taken
}

/** The shop's usual UTC offset (most orders'), for the window's times; null when the files gave none. */
function shopUtcOffset(db: Database.Database): number | null {
  const row = db.prepare('SELECT utc_offset_min AS offset FROM orders WHERE utc_offset_min IS NOT NULL GROUP BY utc_offset_min ORDER BY COUNT(*) DESC LIMIT 1').get() as
    | { offset: number }
    | undefined
  return row?.offset ?? null
}

/**
 * Plan rows → export rows: treated ones with their code and scope, holdout ones without a code.
 * Built once per export and shared by every file of it. A row's reasons are
 * worked out only when a file reads them (the generic files' reason column):
 * the other formats never pay for 100k explanations.
 */
function exportRows(plan: LoadedPlan, codes: Map<string, string>, args: ExportArgs): ExportRow[] {
  const rows: ExportRow[] = []
  for (let i = 0; i < plan.customers.length; i++) {
    const c = plan.customers[i]
    const k = plan.choice[i]
    const treated = c.standing !== 'holdout' && k >= 0
    if (!treated && c.standing !== 'holdout') continue
    // The same figures as plan-views.ts planRow, without its eager reasons.
    const n = rowNumbers(plan, i)
    const offer = treated ? plan.matrix.offers[k] : null
    let scope: ExportRow['scope'] = null
    if (offer && offer.scope !== 'all') {
      const name = offer.scope === 'category' ? c.facts.favouriteCategory : (c.facts.favouriteProduct?.name ?? null)
      if (name) scope = { name, ...args.scopeIds?.[name] }
    }
    const code = treated ? (codes.get(String(c.customerId)) ?? null) : null
    if (treated && code === null) throw new EngineError('export.code-missing', `Customer ${c.shopId ?? c.email ?? c.customerId} is in the plan but not in its campaign.`, { customerId: c.customerId })
    rows.push(
      new PlanExportRow(plan, i, {
        shopId: c.shopId,
        email: c.email,
        name: c.name,
        group: groupOf(plan, i),
        offer,
        scope,
        code,
        segment: c.segment,
        pBuyWithout: c.pWithout,
        pBuyWith: treated ? n.pWith : c.pWithout,
        expectedCost: treated ? round2(n.cost) : 0,
        expectedIncrementalProfit: treated ? round2(n.profit) : 0,
      }),
    )
  }
  return rows
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}

/** An export row whose reasons are computed on first read (then kept). */
class PlanExportRow implements ExportRow {
  shopId!: string | null
  email!: string | null
  name!: string | null
  group!: ExportRow['group']
  offer!: ExportRow['offer']
  scope!: ExportRow['scope']
  code!: string | null
  segment!: string
  pBuyWithout!: number
  pBuyWith!: number
  expectedCost!: number
  expectedIncrementalProfit!: number
  private cachedReasons: Reason[] | null = null

  constructor(
    private readonly plan: LoadedPlan,
    private readonly index: number,
    fields: Omit<ExportRow, 'reasons' | 'firstName'>,
  ) {
    Object.assign(this, fields)
  }

  get reasons(): Reason[] {
    this.cachedReasons ??= reasonsFor(this.plan, this.index)
    return this.cachedReasons
  }
}

function scopesOf(rows: ExportRow[]): ExportPreview['scopes'] {
  const counts = new Map<string, ExportPreview['scopes'][number]>()
  for (const row of rows) {
    if (row.group !== 'treatment' || !row.offer || row.offer.scope === 'all' || !row.scope) continue
    const kind = row.offer.scope
    const key = `${kind}\u0000${row.scope.name}`
    const entry = counts.get(key) ?? { kind, name: row.scope.name, coupons: 0 }
    entry.coupons++
    counts.set(key, entry)
  }
  return [...counts.values()]
}

function mediaType(fileName: string): string {
  if (fileName.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  if (fileName.endsWith('.json')) return 'application/json'
  return 'text/csv;charset=utf-8'
}

function fileInfo(file: ExportFile): ExportFileInfo {
  return {
    fileName: file.fileName,
    destination: file.destination,
    kind: file.destination === 'holdout' ? 'holdout' : 'coupons',
    rows: file.rows,
    bytes: typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.length,
    mediaType: mediaType(file.fileName),
    warnings: file.warnings,
  }
}
