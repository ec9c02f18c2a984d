/** Who may talk to the bridge: the per-run token and the Host header. */
import { timingSafeEqual } from 'node:crypto'

export const TOKEN_HEADER = 'x-offerwise-token'

export function tokenChecker(token: string): (candidate: string | null | undefined) => boolean {
  const tokenBytes = Buffer.from(token, 'utf8')
  return (candidate) => {
    if (typeof candidate !== 'string') return false
    const given = Buffer.from(candidate, 'utf8')
    // timingSafeEqual needs equal lengths; the length itself is not secret (always 64 hex chars).
    if (given.length !== tokenBytes.length) return false
    return timingSafeEqual(given, tokenBytes)
  }
}

/** The Host header must name this very origin, which defeats DNS rebinding. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}
