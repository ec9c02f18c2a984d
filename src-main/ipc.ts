import { ipcMain, type WebContents } from 'electron'
import type { Engine } from './engine/engine'
import type { EngineErrorPayload, EventName } from './engine/api'
import { EngineError, isChannel } from './engine/api-schema'

/** IPC channel names on the wire: one for calls, one per event. */
export const CALL_CHANNEL = 'offerwise:call'
export const EVENT_CHANNEL_PREFIX = 'offerwise:event:'
const EVENTS: readonly EventName[] = ['job/progress', 'job/finished']

/**
 * Registers the engine's API on ipcMain. Only the app's own window may call;
 * the engine validates every argument. Errors cross as plain payloads, never
 * as stack traces.
 */
export function registerIpc(engine: Engine, isTrustedSender: (sender: WebContents) => boolean): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, channel: unknown, args: unknown) => {
    if (!isTrustedSender(event.sender)) return { error: { code: 'api.forbidden', message: 'Not allowed.' } satisfies EngineErrorPayload }
    if (typeof channel !== 'string' || !isChannel(channel)) return { error: { code: 'api.unknown-channel', message: 'Unknown call.' } }
    try {
      // The engine validates `args` against the channel's schema before use.
      return { result: await engine.call(channel, args as never) }
    } catch (error) {
      const payload: EngineErrorPayload =
        error instanceof EngineError
          ? { code: error.code, message: error.message, params: error.params }
          : { code: 'api.failed', message: error instanceof Error ? error.message : String(error) }
      return { error: payload }
    }
  })
  return () => ipcMain.removeHandler(CALL_CHANNEL)
}

/** Forwards engine events to a window for as long as it lives. */
export function forwardEvents(engine: Engine, target: WebContents): void {
  const offs = EVENTS.map((name) => engine.on(name, (payload) => {
    if (!target.isDestroyed()) target.send(`${EVENT_CHANNEL_PREFIX}${name}`, payload)
  }))
  target.once('destroyed', () => offs.forEach((off) => off()))
}
