import { join, resolve } from 'node:path'
import { requireFolderOf } from './db-path'
import { createEngine, type Engine } from '../engine/engine'
import { defaultDbPath } from '../engine/paths'
import { parseCommand, UsageError } from './args'
import type { CliCommand, CliContext } from './command'
import { batchesCommand, rejectsCommand, undoCommand } from './commands/batches'
import { campaignsCommand } from './commands/campaigns'
import { customersCommand } from './commands/customers'
import { importCommand, sampleCommand } from './commands/import'
import { inspectCommand } from './commands/inspect'
import { evaluateCommand, trainCommand } from './commands/learn'
import { overviewCommand } from './commands/overview'
import { planCommand } from './commands/plan'
import { exportCommand } from './commands/export'
import { resultsCommand } from './commands/results'
import { serveCommand } from './commands/serve'
import { fail } from './output'

/** Every command, in the order the help text lists them. A new command is a new file in commands/ and one entry here. */
const COMMANDS: readonly CliCommand[] = [
  inspectCommand,
  importCommand,
  sampleCommand,
  batchesCommand,
  rejectsCommand,
  undoCommand,
  overviewCommand,
  trainCommand,
  evaluateCommand,
  customersCommand,
  campaignsCommand,
  planCommand,
  exportCommand,
  resultsCommand,
  serveCommand,
]

const USAGE = `Usage: offerwise <command> [options]

Commands:
${COMMANDS.map((c) => c.usage).join('\n')}

Every command takes --db FILE (default: the app's data folder) and --json.`

/** Paths of the built app, relative to out/main/cli.js. */
const paths = {
  resourcesDir: resolve(__dirname, '../../resources'),
  rendererDir: resolve(__dirname, '../renderer'),
  workerScript: join(__dirname, 'job-worker.js'),
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return name ? 0 : 2
  }
  let engine: Engine | null = null
  let json = false
  const ctx: CliContext = {
    open: (db, trainDefaults) => {
      if (db !== undefined) requireFolderOf(db)
      return (engine = createEngine({ dbPath: resolve(db ?? defaultDbPath()), resourcesDir: paths.resourcesDir, shell: 'web-bridge', workerScript: paths.workerScript, trainDefaults }))
    },
    parse: (args, options) => {
      const parsed = parseCommand(args, options)
      json = (parsed.values as { json?: boolean }).json === true
      return parsed
    },
    paths,
  }
  try {
    const command = COMMANDS.find((c) => c.name === name)
    if (!command) throw new UsageError(`Unknown command "${name}".`)
    return await command.run(rest, ctx)
  } catch (error) {
    return fail(error, json, USAGE)
  } finally {
    await (engine as Engine | null)?.close()
  }
}
