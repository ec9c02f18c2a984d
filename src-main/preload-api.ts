/**
 * The one object the preload exposes to the renderer as `window.offerwise`.
 * Type-only, shared by src-main/preload.ts and src-renderer/lib/api.ts.
 */
import type { EngineApi } from './engine/api'

export interface OfferwiseBridge {
  call: EngineApi['call']
  on: EngineApi['on']
  /**
   * Hands main a file the merchant chose or dropped and resolves with its opaque
   * handle for `import/*` (the path itself never reaches the page).
   */
  stageFile(file: File): Promise<string>
}
