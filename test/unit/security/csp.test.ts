import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { CSP_DIRECTIVES } from '../../../src-main/content-security-policy'

it('the renderer page carries the same CSP as the headers (frame-ancestors is header-only)', () => {
  const html = readFileSync(join(__dirname, '../../../src-renderer/index.html'), 'utf8')
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
  expect(meta?.split(';').map((d) => d.trim())).toEqual(CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')))
})

it('allows no remote origins, inline scripts or eval', () => {
  const all = CSP_DIRECTIVES.join(' ')
  expect(all).not.toMatch(/https?:|\*|unsafe-eval/)
  expect(CSP_DIRECTIVES.find((d) => d.startsWith('script-src'))).toBe("script-src 'self'")
})
