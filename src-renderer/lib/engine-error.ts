import type { EngineErrorPayload } from '../../src-main/engine/api'

/** An engine or transport failure with a catalogue code (`error.<code>` or `reject.<code>`). */
export class EngineError extends Error {
  readonly code: string
  readonly params: Record<string, string | number>
  /** HTTP status on the web bridge; null under Electron or without a response. */
  readonly status: number | null

  constructor(payload: EngineErrorPayload, status: number | null = null) {
    super(payload.message)
    this.name = 'EngineError'
    this.code = payload.code
    this.params = payload.params ?? {}
    this.status = status
  }
}
