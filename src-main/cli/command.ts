import type { ParseArgsConfig } from 'node:util'
import type { Engine, EngineOptions } from '../engine/engine'
import type { parseCommand } from './args'

/** What every command gets from the table in run-cli.ts. */
export interface CliContext {
  /** Opens the store at `db` (default: the app's data folder); the table closes it when the command ends. */
  open(db: string | undefined, trainDefaults?: EngineOptions['trainDefaults']): Engine
  /** parseCommand, remembering --json so errors are reported the way the command's output is. */
  parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O): ReturnType<typeof parseCommand<O>>
  /** Paths of the built app (resources, renderer, job worker). */
  readonly paths: { resourcesDir: string; rendererDir: string; workerScript: string }
}

/** One `offerwise <name>` command: its usage lines go into the shared help text. */
export interface CliCommand {
  name: string
  /** Lines for the help text, starting with the command's own synopsis (indented two spaces). */
  usage: string
  /** Returns the process exit code. */
  run(argv: string[], ctx: CliContext): Promise<number>
}
