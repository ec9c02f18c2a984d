import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { EngineError } from '../engine/api-schema'

/**
 * An explicit `--db FILE` must be in a folder that exists: a typo would
 * otherwise create folders and an empty store, and the command would answer
 * from it as if the shop had no data. (The default data folder is still
 * created on first use, by the store.)
 */
export function requireFolderOf(dbPath: string): void {
  const folder = dirname(resolve(dbPath))
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new EngineError('cli.db-folder-missing', `--db ${dbPath}: the folder ${folder} does not exist. Create it first, or give a file in an existing folder.`, { path: dbPath, folder })
  }
}
