import { ipcMain, type WebContents } from 'electron'
import type { Engine } from './engine/engine'
import type { EventName } from './engine/api'
import { answerCall, FORBIDDEN, stageChosenFile } from './ipc-handlers'

/** IPC channel names on the wire: one for calls, one to stage a chosen file, one per event. */
export const CALL_CHANNEL = 'offerwise:call'
export const STAGE_CHANNEL = 'offerwise:stage-file'
export const EVENT_CHANNEL_PREFIX = 'offerwise:event:'
const EVENTS: readonly EventName[] = ['job/progress', 'job/finished']

/**
 * Registers the engine's API on ipcMain. Only the app's own window may call;
 * the engine validates every argument and reads only files staged through
 * STAGE_CHANNEL (see ipc-handlers.ts). Errors cross as plain payloads, never
 * as stack traces.
 */
export function registerIpc(engine: Engine, isTrustedSender: (sender: WebContents) => boolean): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, channel: unknown, args: unknown) => {
    if (!isTrustedSender(event.sender)) return { error: FORBIDDEN }
    return answerCall(engine, channel, args)
  })
  ipcMain.handle(STAGE_CHANNEL, (event, path: unknown) => {
    if (!isTrustedSender(event.sender)) return { error: FORBIDDEN }
    return stageChosenFile(engine.files, path)
  })
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL)
    ipcMain.removeHandler(STAGE_CHANNEL)
  }
}

/** Forwards engine events to a window for as long as it lives. */
export function forwardEvents(engine: Engine, target: WebContents): void {
  const offs = EVENTS.map((name) => engine.on(name, (payload) => {
    if (!target.isDestroyed()) target.send(`${EVENT_CHANNEL_PREFIX}${name}`, payload)
  }))
  target.once('destroyed', () => offs.forEach((off) => off()))
}
