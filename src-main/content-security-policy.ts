/**
 * The renderer's Content-Security-Policy: only the app's own files; no remote
 * code, no eval, no network beyond the app's own origin. Sent as a header by
 * the Electron session and the web bridge; src-renderer/index.html repeats it
 * (minus frame-ancestors, which only works as a header) for file:// loads, and
 * a unit test keeps the two equal.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
] as const

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ')
