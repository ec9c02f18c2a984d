/**
 * POST /api/upload and the folder that holds the uploads. A browser cannot
 * hand the engine a file path, so the bridge writes each upload to the data
 * folder's `uploads/`; copies are temporary (see upload-cleanup.ts), so the
 * folder is emptied when the bridge starts and when it closes.
 *
 * The page gets an opaque handle for its upload, never the copy's path: the
 * engine reads only files registered with the face's FileRegistry, and here
 * that means only what was uploaded.
 */
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { FileRegistry } from '../engine/ingest/file-registry'
import { sanitiseFileName } from './file-name'
import { errorMessage, HttpError, sendJson } from './http'
import { isInside } from './static-files'

export class Uploads {
  readonly dir: string
  /** Handle → the upload's path, for the uploads this bridge made. */
  private readonly mine = new Map<string, string>()

  constructor(dir: string, private readonly files: FileRegistry) {
    this.dir = resolve(dir)
  }

  /** Creates the folder, removing what an earlier run that did not close cleanly left there. */
  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    await this.clear()
  }

  async handle(req: IncomingMessage, res: ServerResponse, rawName: string): Promise<void> {
    // One fresh folder per upload keeps the merchant's own file name (the importer
    // reads format hints from it and the batch history shows it) without collisions.
    const folder = join(this.dir, `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}`)
    await mkdir(folder, { recursive: true })
    const target = join(folder, sanitiseFileName(rawName))
    try {
      await pipeline(req, createWriteStream(target, { flags: 'wx' }))
    } catch (error) {
      await rm(folder, { recursive: true, force: true })
      throw new HttpError(500, 'bridge.upload-failed', `The upload failed: ${errorMessage(error)}`)
    }
    const file = this.files.register(target)
    this.mine.set(file, target)
    sendJson(res, 200, { file })
  }

  /** True for a handle this bridge handed out for an upload still on disk. */
  owns(handle: string): boolean {
    const path = this.mine.get(handle)
    if (path === undefined) return false
    const folder = dirname(resolve(path))
    return folder !== this.dir && isInside(this.dir, folder) && dirname(folder) === this.dir
  }

  /** Removes one upload with its folder, and its handle; handles the bridge did not hand out are left alone. */
  async remove(handle: string): Promise<void> {
    if (!this.owns(handle)) return
    const path = this.mine.get(handle) as string
    this.mine.delete(handle)
    this.files.forget(handle)
    await rm(dirname(resolve(path)), { recursive: true, force: true })
  }

  async clear(): Promise<void> {
    for (const handle of this.mine.keys()) this.files.forget(handle)
    this.mine.clear()
    const entries = await readdir(this.dir).catch(() => [])
    await Promise.all(entries.map((name) => rm(join(this.dir, name), { recursive: true, force: true })))
  }
}
