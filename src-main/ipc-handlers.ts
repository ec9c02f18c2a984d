/**
 * What the IPC handlers in ipc.ts do, without Electron, so it can be unit-tested.
 *
 * The renderer is untrusted. It never hands main a path to read: a file the
 * merchant chose (the open dialog of `<input type=file>`) or dropped reaches
 * the preload as a File, the preload asks Electron for its path
 * (webUtils.getPathForFile, in the isolated world the page cannot reach) and
 * sends that to `offerwise:stage-file`, which registers it and answers with an
 * opaque handle. `import/*` calls take handles only; a path, or a handle main
 * never gave out, is refused with `import.file-not-chosen`.
 */
import { statSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import type { EngineErrorPayload } from './engine/api'
import { EngineError, isChannel } from './engine/api-schema'
import type { Engine } from './engine/engine'
import { FILE_NOT_CHOSEN, type FileRegistry } from './engine/ingest/file-registry'

export type IpcReply<T = unknown> = { result: T } | { error: EngineErrorPayload }

export const FORBIDDEN: EngineErrorPayload = { code: 'api.forbidden', message: 'Not allowed.' }

/** One engine call from the renderer; errors cross as plain payloads, never as stack traces. */
export async function answerCall(engine: Pick<Engine, 'call'>, channel: unknown, args: unknown): Promise<IpcReply> {
  if (typeof channel !== 'string' || !isChannel(channel)) return { error: { code: 'api.unknown-channel', message: 'Unknown call.' } }
  try {
    // The engine validates `args` against the channel's schema, and resolves file handles, before use.
    return { result: await engine.call(channel, args as never) }
  } catch (error) {
    return {
      error:
        error instanceof EngineError
          ? { code: error.code, message: error.message, params: error.params }
          : { code: 'api.failed', message: error instanceof Error ? error.message : String(error) },
    }
  }
}

/**
 * Registers a file the preload says the merchant chose or dropped, and answers
 * with its handle. Only an absolute path to an existing regular file is taken
 * (a File the page made itself has no path: getPathForFile gives '').
 */
export function stageChosenFile(files: FileRegistry, path: unknown): IpcReply<string> {
  const refuse = (message: string): IpcReply<string> => ({ error: { code: FILE_NOT_CHOSEN, message } })
  if (typeof path !== 'string' || path === '' || path.length > 4096 || !isAbsolute(path)) {
    return refuse('This file cannot be read: drop it on the window or choose it with "Choose files".')
  }
  try {
    if (!statSync(path).isFile()) return refuse('Only files can be imported, not folders.')
  } catch {
    return refuse('The file was not found. It may have been moved, renamed or deleted.')
  }
  return { result: files.register(path) }
}
