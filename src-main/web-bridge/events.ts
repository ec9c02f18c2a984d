/** GET /api/events: engine events as Server-Sent Events. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EngineApi, EngineEvents, EventName } from '../engine/api'

const EVENT_LIST = ['job/progress', 'job/finished'] as const satisfies readonly EventName[]
type MissingEvent = Exclude<EventName, (typeof EVENT_LIST)[number]>
const eventsComplete: [MissingEvent] extends [never] ? true : MissingEvent = true
void eventsComplete

const KEEP_ALIVE_MS = 15_000

/** Streams events to one client; `streams` holds the open ones so close() can end them. */
export function handleEvents(engine: EngineApi, req: IncomingMessage, res: ServerResponse, streams: Set<ServerResponse>): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  // A first comment flushes the headers so EventSource reports "open" at once.
  res.write(': connected\n\n')
  streams.add(res)
  const unsubscribe = EVENT_LIST.map((name) =>
    engine.on(name, (payload: EngineEvents[typeof name]) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)
    }),
  )
  // Proxies and the browser drop silent connections; a comment keeps it alive.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS)
  const stop = (): void => {
    clearInterval(keepAlive)
    for (const off of unsubscribe) off()
    streams.delete(res)
  }
  req.on('close', stop)
  res.on('close', stop)
}
