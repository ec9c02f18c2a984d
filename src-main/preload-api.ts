/**
 * The one object the preload exposes to the renderer as `window.offerwise`.
 * Type-only, shared by src-main/preload.ts and src-renderer/lib/api.ts.
 */
import type { EngineApi } from './engine/api'

export interface OfferwiseBridge {
  call: EngineApi['call']
  on: EngineApi['on']
  /** Absolute path of a file the merchant chose or dropped (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string
}
