/**
 * The renderer's only door to the engine, typed by the contract in
 * src-main/engine/api.ts: a wrong channel or argument shape fails to compile.
 *
 * Two transports, picked once at start:
 *  - Electron: the preload exposes `window.offerwise` (IPC underneath);
 *  - web bridge: same-origin HTTP with a per-run token, events over SSE.
 */
import type {
  ArgsOf,
  Channel,
  EngineErrorPayload,
  EngineEvents,
  EventName,
  ResultOf,
} from '../../src-main/engine/api'
import type { OfferwiseBridge } from '../../src-main/preload-api'
import { EngineError } from './engine-error'

export { EngineError }

declare global {
  interface Window {
    offerwise?: OfferwiseBridge
  }
}

export type Listener<E extends EventName> = (payload: EngineEvents[E]) => void

export interface ApiClient {
  readonly transport: 'electron' | 'web-bridge'
  call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>>
  on<E extends EventName>(event: E, listener: Listener<E>): () => void
  /**
   * Resolves once events can arrive. Start a job only after this: a job on a
   * small file can finish before an event stream opened later would see it.
   */
  eventsReady(): Promise<void>
  /**
   * Hands a file the merchant chose or dropped to the engine and resolves with
   * its opaque handle for `import/inspect` and `import/start` (never a path).
   * `onProgress` gets 0..1 while a web-bridge upload is under way.
   */
  stageFile(file: File, onProgress?: (fraction: number) => void): Promise<string>
}

const TOKEN_KEY = 'offerwise.token'
const TOKEN_HEADER = 'X-Offerwise-Token'
const EVENTS_WAIT_MS = 5_000

/**
 * The bridge prints a URL with `?token=`. Keep it for this tab only and take
 * it out of the address bar, so it does not end up in history or screenshots.
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

/**
 * Electron's contextBridge copies a thrown Error with its message only, so the
 * preload's payload may arrive as a plain object, on `.payload`, or be lost.
 */
function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error
  if (typeof error === 'object' && error !== null) {
    for (const candidate of [error, (error as { payload?: unknown }).payload]) {
      if (typeof candidate !== 'object' || candidate === null) continue
      const { code, message, params } = candidate as Partial<EngineErrorPayload>
      if (typeof code === 'string' && typeof message === 'string') return new EngineError({ code, message, params })
    }
  }
  return new EngineError({ code: 'internal', message: error instanceof Error ? error.message : String(error) })
}

function electronClient(bridge: OfferwiseBridge): ApiClient {
  return {
    transport: 'electron',
    async call(channel, args) {
      try {
        return await bridge.call(channel, args)
      } catch (error) {
        throw toEngineError(error)
      }
    },
    on: (event, listener) => bridge.on(event, listener),
    eventsReady: () => Promise.resolve(),
    async stageFile(file) {
      try {
        return await bridge.stageFile(file)
      } catch (error) {
        throw toEngineError(error)
      }
    },
  }
}

function webClient(token: string | null): ApiClient {
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  let source: EventSource | null = null

  const requireToken = (): string => {
    if (!token) throw new EngineError({ code: 'bridge.no-token', message: 'The access token is missing.' })
    return token
  }

  let open: Promise<void> | null = null

  /** One EventSource for every listener; it reconnects by itself if the stream drops. */
  const connect = (): EventSource => {
    if (source) return source
    source = new EventSource(`/api/events?token=${encodeURIComponent(requireToken())}`)
    const created = source
    open = new Promise((resolve, reject) => {
      created.addEventListener('open', () => resolve(), { once: true })
      // CLOSED after an error means the bridge refused the stream (a bad token);
      // EventSource retries other failures by itself.
      created.addEventListener('error', () => {
        if (created.readyState === EventSource.CLOSED) {
          reject(new EngineError({ code: 'network', message: 'The event stream was refused.' }))
        }
      })
    })
    // Only eventsReady() cares about a refusal; without a waiter it is not an error to report.
    open.catch(() => undefined)
    return source
  }

  const subscribe = (event: EventName): void => {
    // Without a token every call fails with a clear message already; events simply never come.
    if (!token) return
    connect().addEventListener(event, (message) => {
      const payload = JSON.parse((message as MessageEvent<string>).data) as never
      for (const listener of listeners.get(event) ?? []) listener(payload)
    })
  }

  return {
    transport: 'web-bridge',
    async call(channel, args) {
      let response: Response
      try {
        response = await fetch(`/api/call/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: requireToken() },
          body: JSON.stringify(args),
        })
      } catch (error) {
        if (error instanceof EngineError) throw error
        throw new EngineError({ code: 'network', message: String(error) })
      }
      const body = (await response.json().catch(() => null)) as { error?: EngineErrorPayload } | null
      if (!response.ok) {
        throw new EngineError(body?.error ?? { code: 'internal', message: `HTTP ${response.status}` }, response.status)
      }
      return body as ResultOf<typeof channel>
    },
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
        subscribe(event)
      }
      const entry = listener as (payload: never) => void
      set.add(entry)
      return () => set.delete(entry)
    },
    async eventsReady() {
      connect()
      // Never hang an import on a slow stream: after a few seconds go ahead
      // anyway (the finished job still shows up in the history).
      await Promise.race([open, new Promise<void>((resolve) => setTimeout(resolve, EVENTS_WAIT_MS))])
    },
    stageFile(file, onProgress) {
      // XMLHttpRequest rather than fetch: exports can be hundreds of MB and the
      // merchant deserves upload progress, which fetch cannot report.
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest()
        xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`)
        xhr.setRequestHeader(TOKEN_HEADER, requireToken())
        xhr.setRequestHeader('Content-Type', 'application/octet-stream')
        xhr.responseType = 'json'
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total)
        }
        xhr.onload = () => {
          const body = xhr.response as { file?: string; error?: EngineErrorPayload } | null
          if (xhr.status === 200 && typeof body?.file === 'string') resolve(body.file)
          else reject(new EngineError(body?.error ?? { code: 'bridge.upload-failed', message: `HTTP ${xhr.status}` }, xhr.status))
        }
        xhr.onerror = () => reject(new EngineError({ code: 'network', message: 'Upload failed.' }))
        xhr.send(file)
      })
    },
  }
}

function createClient(): ApiClient {
  return window.offerwise ? electronClient(window.offerwise) : webClient(takeToken())
}

export const api: ApiClient = createClient()
