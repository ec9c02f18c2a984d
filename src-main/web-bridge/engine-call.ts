/** POST /api/call/<channel>: one engine call, its result or error as JSON. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Channel, EngineApi, EngineErrorPayload } from '../engine/api'
import { isChannel } from '../engine/api-schema'
import { errorMessage, HttpError, readJson, sendError, sendJson } from './http'

/**
 * Told of a call as it begins (e.g. to follow the jobs that read uploads); the
 * function it may return is told the result once the call has answered, or
 * null if it failed.
 */
export type CallObserver = (channel: Channel, args: unknown) => ((result: unknown) => void) | null

export async function handleCall(engine: EngineApi, req: IncomingMessage, res: ServerResponse, channel: string, observe: CallObserver): Promise<void> {
  // The schema map in api-schema.ts is the one list of channels (checked against the contract there).
  if (!isChannel(channel)) throw new HttpError(404, 'bridge.unknown-channel', `Unknown channel: ${channel}`)
  const args = await readJson(req)
  let result: unknown
  const answered = observe(channel as Channel, args)
  try {
    // The engine validates args itself; the bridge only checks the channel exists.
    result = await engine.call(channel as Channel, args as never)
  } catch (error) {
    answered?.(null)
    const payload = toPayload(error)
    sendError(res, payload ? 400 : 500, payload ?? { code: 'internal', message: errorMessage(error) })
    return
  }
  answered?.(result)
  sendJson(res, 200, result ?? null)
}

/**
 * The engine signals a caller mistake (invalid arguments, unknown batch...) by
 * throwing an object with a catalogue `code` and a `message`. Node's own system
 * errors also carry `code`, but those are internal failures.
 */
function toPayload(error: unknown): EngineErrorPayload | null {
  if (typeof error !== 'object' || error === null) return null
  const { code, message, params } = error as { code?: unknown; message?: unknown; params?: unknown }
  if (typeof code !== 'string' || typeof message !== 'string') return null
  // Engine codes are lower-case and dotted (`args.invalid`); upper-case ones come
  // from Node or SQLite (ENOENT, ERR_..., SQLITE_BUSY) and mean something broke.
  if (/^[A-Z0-9_]+$/.test(code)) return null
  const payload: EngineErrorPayload = { code, message }
  if (typeof params === 'object' && params !== null) {
    const clean: Record<string, string | number> = {}
    for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number') clean[key] = value
    }
    payload.params = clean
  }
  return payload
}
