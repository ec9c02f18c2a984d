import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import type { Locale } from '../../engine/api'
import type { ExportArgs, ExportFileContent, ExportFormat, Privacy } from '../../engine/export/export-api'
import { EXPORT_FORMATS } from '../../engine/export/export-files'
import { UsageError } from '../args'
import type { CliCommand } from '../command'
import { parseWholeNumber } from '../options'
import { print } from '../output'
import { progressPrinter, progressStyle } from '../progress'

const OPTIONS = {
  plan: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', default: '.' },
  'with-holdout': { type: 'boolean', default: false },
  privacy: { type: 'string', default: 'keep' },
  'hash-pii': { type: 'boolean', default: false },
  prefix: { type: 'string' },
  length: { type: 'string' },
  locale: { type: 'string', default: 'en' },
  progress: { type: 'boolean', default: false },
} as const

/**
 * `offerwise export PLAN_ID --format F`: an approved plan's coupon files in a
 * folder. The first export makes the codes (and fixes them); later exports
 * write the same codes again.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: [
    `  export PLAN_ID --format ${EXPORT_FORMATS.join('|')}`,
    '       [--out DIR] [--with-holdout] [--privacy keep|hash|drop] [--prefix P] [--length N] [--locale en|zh-CN]',
    "                               Coupon files of an approved plan (codes made on the first export, the same after);",
    '                               --with-holdout adds the separate HOLDOUT-DO-NOT-MAIL list; --hash-pii = --privacy hash;',
    '                               progress on stderr (with --json only if --progress); Ctrl+C cancels before anything is stored',
  ].join('\n'),
  async run(argv, ctx) {
    const { values, positionals } = ctx.parse(argv, OPTIONS)
    if (positionals.length > 1 || (positionals.length === 1 && values.plan !== undefined)) throw new UsageError(`export takes one PLAN_ID, got "${[...positionals, values.plan].filter(Boolean).join(' ')}"`)
    const idText = positionals[0] ?? values.plan
    if (idText === undefined) throw new UsageError('export needs the PLAN_ID of an approved plan (see `offerwise plan list`)')
    const planId = parseWholeNumber('PLAN_ID', idText, { min: 1, max: 2 ** 31 - 1 })
    if (values.format === undefined || !(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
      throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`)
    }
    if (!['keep', 'hash', 'drop'].includes(values.privacy)) throw new UsageError('--privacy must be keep, hash or drop')
    if (values['hash-pii'] && values.privacy !== 'keep' && values.privacy !== 'hash') throw new UsageError('--hash-pii and --privacy drop contradict each other')
    if (values.locale !== 'en' && values.locale !== 'zh-CN') throw new UsageError('--locale must be en or zh-CN')
    const args: ExportArgs = {
      planId,
      format: values.format as ExportFormat,
      withHoldout: values['with-holdout'],
      privacy: (values['hash-pii'] ? 'hash' : values.privacy) as Privacy,
      locale: values.locale as Locale,
      ...(values.prefix !== undefined ? { prefix: values.prefix } : {}),
      ...(values.length !== undefined ? { length: parseWholeNumber('--length', values.length, { min: 1, max: 32 }) } : {}),
    }
    const engine = ctx.open(values.db)
    // The CLI's engine has no folder dialog, so the files come back and are written here. The export
    // is a job: its progress goes to stderr, and Ctrl+C cancels it (nothing stored, no file written).
    const printer = progressPrinter(progressStyle({ json: values.json, progress: values.progress, isTTY: process.stderr.isTTY === true }), (text) => process.stderr.write(text))
    let jobId: string | null = null
    const off = engine.on('job/progress', (p) => {
      if (p.kind !== 'export') return
      jobId = p.jobId
      printer.update(p)
    })
    const cancel = (): void => void (jobId && engine.call('jobs/cancel', { jobId }))
    process.once('SIGINT', cancel)
    let written
    try {
      written = await engine.call('export/write', args)
    } finally {
      off()
      process.off('SIGINT', cancel)
      printer.end()
    }
    if (written.cancelled) {
      process.stderr.write('Export cancelled: no code was stored and no file written.\n')
      return 130
    }
    const folder = resolve(values.out)
    mkdirSync(folder, { recursive: true })
    const files = (written.files as ExportFileContent[]).map(({ content, encoding, ...file }) => {
      const path = join(folder, basename(file.fileName))
      writeFileSync(path, encoding === 'base64' ? Buffer.from(content, 'base64') : content)
      return { ...file, path }
    })
    const result = { planId, format: written.format, folder, codes: written.codes, firstExportedAt: written.firstExportedAt, lastExportedAt: written.lastExportedAt, files }
    print(values.json, result, () =>
      [
        `Plan ${planId}: ${written.codes.count} codes (${written.codes.prefix ? `prefix ${written.codes.prefix}, ` : ''}${written.codes.length} symbols, ${written.codes.bits.toFixed(1)} bits), first exported ${written.firstExportedAt?.slice(0, 10) ?? '—'}`,
        ...files.map((f) => [`  ${f.path}: ${f.rows} rows${f.kind === 'holdout' ? ' — HOLDOUT, DO NOT MAIL' : ''}`, ...f.warnings.map((w) => `    ! ${w}`)].join('\n')),
      ].join('\n'),
    )
    return 0
  },
}
