import { resolve } from 'node:path'
import type { CliCommand } from '../command'
import { onePath } from '../options'
import { print } from '../output'

export const inspectCommand: CliCommand = {
  name: 'inspect',
  usage: '  inspect FILE                 Show the detected format and column mapping of a file',
  async run(argv, ctx) {
    const { values, positionals } = ctx.parse(argv, { format: { type: 'string' } })
    const path = onePath(positionals)
    const engine = ctx.open(values.db)
    const result = await engine.call('import/inspect', { file: engine.files.register(resolve(path)), presetId: values.format })
    print(values.json, result, () =>
      [
        `${result.fileName}: ${result.presetId} (${Math.round((result.guesses[0]?.confidence ?? 0) * 100)}% sure), ${result.kind}${result.gzip ? ' .gz' : ''}, ${result.encoding}, delimiter ${JSON.stringify(result.delimiter)}`,
        ...Object.entries(result.mapping).map(([field, column]) => `  ${field.padEnd(18)} ← ${column}`),
        ...result.blockers.map((b) => `  ! ${b.message}`),
      ].join('\n'),
    )
    return result.blockers.length > 0 ? 1 : 0
  },
}
