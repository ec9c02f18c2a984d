/**
 * The only bridge between the sandboxed renderer and the app: named methods,
 * no raw ipcRenderer, no Node APIs.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { EngineErrorPayload, EngineEvents, EventName } from './engine/api'
import type { OfferwiseBridge } from './preload-api'

// Kept literal here: a sandboxed preload cannot import app modules at runtime.
const CALL_CHANNEL = 'offerwise:call'
const STAGE_CHANNEL = 'offerwise:stage-file'
const EVENT_CHANNEL_PREFIX = 'offerwise:event:'

const bridge = {
  async call(channel, args) {
    const reply = (await ipcRenderer.invoke(CALL_CHANNEL, channel, args)) as { result?: unknown; error?: EngineErrorPayload }
    // contextBridge keeps only the message of a thrown Error; a plain object
    // crosses intact, so the renderer gets the code and params to translate.
    if (reply.error) throw reply.error
    return reply.result as never
  },
  on<E extends EventName>(event: E, listener: (payload: EngineEvents[E]) => void) {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: EngineEvents[E]): void => listener(payload)
    ipcRenderer.on(`${EVENT_CHANNEL_PREFIX}${event}`, wrapped)
    return () => {
      ipcRenderer.off(`${EVENT_CHANNEL_PREFIX}${event}`, wrapped)
    }
  },
  async stageFile(file: File) {
    // The path is looked up here, in the isolated world, and goes only to main:
    // the page gets an opaque handle, and cannot make main read a path of its choosing.
    const reply = (await ipcRenderer.invoke(STAGE_CHANNEL, webUtils.getPathForFile(file))) as { result?: string; error?: EngineErrorPayload }
    if (reply.error) throw reply.error
    return reply.result as string
  },
} satisfies OfferwiseBridge

contextBridge.exposeInMainWorld('offerwise', bridge)
