/**
 * Which files the engine may read for an import: only files the merchant
 * chose. The renderer (and anything reaching the web bridge) is untrusted, so
 * `import/inspect` and `import/start` never take a path; they take an opaque
 * handle that a face handed out when the merchant chose a file:
 *  - Electron main: for a file picked in the open dialog or dropped on the window;
 *  - the web bridge: for an upload;
 *  - the CLI (a trusted local user): for each FILE on its command line.
 * The path stays here, in the face's process, and never reaches the renderer.
 */
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import type { ImportRequest } from '../api'
import { EngineError } from '../api-schema'

/** An import request once its handle is resolved: what the job reads. */
export type ImportJobRequest = Omit<ImportRequest, 'file'> & { path: string }

export const FILE_NOT_CHOSEN = 'import.file-not-chosen'

export class FileRegistry {
  private readonly paths = new Map<string, string>()

  /** A fresh random handle for a file the merchant chose (the same file chosen twice gets two). */
  register(path: string): string {
    const handle = `file-${randomBytes(16).toString('hex')}`
    this.paths.set(handle, resolve(path))
    return handle
  }

  /** The path behind a handle; anything else (a raw path, a made-up or forgotten handle) is refused. */
  resolve(handle: unknown): string {
    const path = typeof handle === 'string' ? this.paths.get(handle) : undefined
    if (path === undefined) {
      throw new EngineError(FILE_NOT_CHOSEN, 'Offerwise reads only files you chose or dropped in this window. Add the file again.')
    }
    return path
  }

  has(handle: string): boolean {
    return this.paths.has(handle)
  }

  forget(handle: string): void {
    this.paths.delete(handle)
  }
}
