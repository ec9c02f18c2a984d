import { writeFileSync } from 'node:fs'
import type { CliCommand } from '../command'
import { describeBatch } from '../format-output'
import { onePath, parseBatchId } from '../options'
import { print } from '../output'

export const batchesCommand: CliCommand = {
  name: 'batches',
  usage: '  batches                      List imports',
  async run(argv, ctx) {
    const { values } = ctx.parse(argv, {})
    const batches = await ctx.open(values.db).call('import/batches', {})
    print(values.json, batches, () => batches.map((b) => `#${b.id} ${b.status.padEnd(9)} ${describeBatch(b)}`).join('\n') || 'No imports yet.')
    return 0
  },
}

export const rejectsCommand: CliCommand = {
  name: 'rejects',
  usage: ['  rejects BATCH [--out FILE] [--locale en|zh-CN]', '                               Rows an import could not use, with reasons (CSV)'].join('\n'),
  async run(argv, ctx) {
    const { values, positionals } = ctx.parse(argv, { out: { type: 'string' }, locale: { type: 'string', default: 'en' } })
    const batchId = parseBatchId(onePath(positionals))
    const locale = values.locale === 'zh-CN' ? 'zh-CN' : 'en'
    const eng = ctx.open(values.db)
    if (values.json) {
      print(true, await eng.call('import/rejects', { batchId, offset: 0, limit: 1000 }), () => '')
      return 0
    }
    const { csv } = await eng.call('import/rejects-csv', { batchId, locale })
    if (values.out) writeFileSync(values.out, csv)
    else process.stdout.write(csv)
    return 0
  },
}

export const undoCommand: CliCommand = {
  name: 'undo',
  usage: '  undo BATCH                   Take an import back out (a backup is made first)',
  async run(argv, ctx) {
    const { values, positionals } = ctx.parse(argv, {})
    const result = await ctx.open(values.db).call('import/undo', { batchId: parseBatchId(onePath(positionals)) })
    print(values.json, result, () => `Import #${result.batchId} undone: removed ${result.removed.orders} orders, ${result.removed.lines} lines, ${result.removed.customers} customers, ${result.removed.products} products.\nBackup: ${result.backupPath}`)
    return 0
  },
}
