/**
 * No network at run time, proven: a whole merchant session through the
 * engine — the sample shop imported, models trained (tiny epochs), a plan
 * made and approved, its coupons exported in every format, what happened
 * imported, and the lift measured — with every outbound connection refused
 * at the socket level in this process (the engine runs its jobs inline here:
 * workerScript null). Anything but 127.0.0.1 / ::1 is refused and recorded:
 * TCP (net.Socket#connect, net.connect, tls.connect — http, https and fetch
 * all end there), UDP (dgram send/connect) and name lookups (dns.lookup,
 * dns.resolve*, and their promise forms). The test fails on any attempt,
 * even one the engine caught and swallowed. About 100 s, nearly all of it the
 * learn run's feature building and evaluation (the epochs are already at their
 * smallest through trainDefaults).
 */
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../../../src-main/engine/engine'
import type { ExportFileContent } from '../../../src-main/engine/export/export-api'
import { EXPORT_FORMATS } from '../../../src-main/engine/export/export-files'
import { csvRecords } from '../export/export-fixtures'
import { importPaths, ROOT, writeTemp } from '../import/test-engine'
import { DEFAULT_SETTINGS } from '../plan/sample-shop-plan'
import { tempDir } from '../../support/temp-dir'

const require = createRequire(import.meta.url)
// The modules' own export objects (what `require('node:net')` inside any library returns), so patches reach every caller.
const net = require('node:net') as typeof import('node:net')
const tls = require('node:tls') as typeof import('node:tls')
const dgram = require('node:dgram') as typeof import('node:dgram')
const dns = require('node:dns') as typeof import('node:dns')

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])
const attempts: string[] = []
const restore: (() => void)[] = []

class NetworkRefused extends Error {}

function refuse(what: string): never {
  attempts.push(what)
  throw new NetworkRefused(`network refused in this test: ${what}`)
}

/** Host and port of a connect call, in any of its forms; null for a local pipe (no network). */
function target(args: unknown[]): { host: string; port: unknown } | null {
  const first = args[0]
  if (Array.isArray(first)) return target(first) // the internal normalized form
  if (first !== null && typeof first === 'object') {
    const o = first as { path?: unknown; host?: unknown; hostname?: unknown; port?: unknown }
    if (typeof o.path === 'string' && o.host === undefined && o.port === undefined) return null
    return { host: String(o.host ?? o.hostname ?? 'localhost'), port: o.port }
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null // a pipe path
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first }
}

function patch<T extends object, K extends keyof T>(owner: T, key: K, make: (original: T[K]) => T[K]): void {
  const original = owner[key]
  owner[key] = make(original)
  restore.push(() => {
    owner[key] = original
  })
}

function guardConnect<T extends object, K extends keyof T>(owner: T, key: K, label: string): void {
  patch(owner, key, (original) =>
    function (this: unknown, ...args: unknown[]) {
      const to = target(args)
      if (to !== null && !LOOPBACK.has(to.host)) refuse(`${label} ${to.host}:${String(to.port)}`)
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    } as T[K],
  )
}

function guardLookup<T extends object>(owner: T, key: keyof T, label: string): void {
  if (typeof owner[key] !== 'function') return
  patch(owner, key, (original) =>
    function (this: unknown, host: unknown, ...rest: unknown[]) {
      if (!LOOPBACK.has(String(host))) refuse(`${label} ${String(host)}`)
      return (original as (...a: unknown[]) => unknown).call(this, host, ...rest)
    } as T[typeof key],
  )
}

function installGuard(): void {
  guardConnect(net.Socket.prototype, 'connect', 'net.Socket#connect')
  guardConnect(net, 'connect', 'net.connect')
  guardConnect(net, 'createConnection', 'net.createConnection')
  guardConnect(tls, 'connect', 'tls.connect')
  patch(dgram.Socket.prototype, 'send', (original) =>
    function (this: unknown, ...args: unknown[]) {
      // send(msg, [offset, length,] port, address, cb): the address is the first string after the message.
      const address = args.slice(1).find((a) => typeof a === 'string')
      if (address === undefined || !LOOPBACK.has(address as string)) refuse(`dgram send ${String(address)}`)
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    } as typeof original,
  )
  patch(dgram.Socket.prototype, 'connect', (original) =>
    function (this: unknown, port: unknown, address?: unknown, ...rest: unknown[]) {
      if (typeof address !== 'string' || !LOOPBACK.has(address)) refuse(`dgram connect ${String(address)}:${String(port)}`)
      return (original as (...a: unknown[]) => unknown).call(this, port, address, ...rest)
    } as typeof original,
  )
  for (const key of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'resolveSrv', 'resolveNs', 'reverse'] as const) {
    guardLookup(dns, key, `dns.${key}`)
    guardLookup(dns.promises, key as keyof typeof dns.promises, `dns.promises.${key}`)
  }
  // `import { connect } from 'node:net'` in ESM reads the builtin's ESM facade: bring it in line with the patched exports.
  syncBuiltinESMExports()
}

let engine: Engine | null = null

beforeAll(() => installGuard())
afterAll(async () => {
  await engine?.close()
  for (const undo of restore.reverse()) undo()
  syncBuiltinESMExports()
})

describe('no network at run time', () => {
  it('the guard refuses and records outbound attempts, and lets loopback through', async () => {
    expect(() => net.connect({ host: '203.0.113.7', port: 443 })).toThrow(NetworkRefused)
    expect(() => tls.connect({ host: 'example.com', port: 443 })).toThrow(NetworkRefused)
    expect(() => new net.Socket().connect(80, '198.51.100.1')).toThrow(NetworkRefused)
    expect(() => dns.lookup('example.com', () => {})).toThrow(NetworkRefused)
    await expect(fetch('http://example.com/')).rejects.toThrow()
    const udp = dgram.createSocket('udp4')
    expect(() => udp.send('x', 53, '8.8.8.8')).toThrow(NetworkRefused)
    udp.close()
    expect(attempts.length).toBeGreaterThanOrEqual(6)
    expect(attempts.some((a) => a.includes('example.com'))).toBe(true)
    // Loopback is allowed: a local server can be reached.
    const server = net.createServer((s) => s.end('ok'))
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const port = (server.address() as { port: number }).port
    const reply = await new Promise<string>((done, fail) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {})
      let text = ''
      socket.on('data', (d) => (text += String(d)))
      socket.on('end', () => done(text))
      socket.on('error', fail)
    })
    await new Promise((done) => server.close(done))
    expect(reply).toBe('ok')
    attempts.length = 0
  })

  it('runs a whole merchant session — sample, train, plan, approve, export, results — without a single attempt', async () => {
    const dir = tempDir('ow-offline-')
    engine = createEngine({
      dbPath: join(dir, 'offerwise.sqlite'),
      resourcesDir: join(ROOT, 'resources'),
      shell: 'web-bridge',
      workerScript: null,
      trainDefaults: { epochs: { purchase: 2, sequence: 1, affinity: 1 } },
    })
    const sample = await engine.waitForJob((await engine.call('import/sample', {})).jobId)
    expect(sample?.status).toBe('done')
    const trained = await engine.waitForJob((await engine.call('model/train', { horizonDays: 90 })).jobId)
    expect(trained?.status).toBe('trained')
    const planned = await engine.waitForJob((await engine.call('plan/create', { ...DEFAULT_SETTINGS, budget: 150 })).jobId)
    if (planned?.status !== 'planned') throw new Error(`plan: ${JSON.stringify(planned)}`)
    const planId = planned.planId
    await engine.call('plan/approve', { planId })
    const plan = await engine.call('plan/get', { planId })

    // Every format, in both languages' offer sentences, with the holdout list and hashed e-mails once.
    let coupons: Record<string, string>[] = []
    let holdout: Record<string, string>[] = []
    for (const format of EXPORT_FORMATS) {
      const written = await engine.call('export/write', { planId, format, withHoldout: format === 'csv', privacy: 'keep', locale: format === 'klaviyo' ? 'zh-CN' : 'en' })
      const files = written.files as ExportFileContent[]
      expect(files.length).toBeGreaterThan(0)
      if (format === 'csv') {
        coupons = csvRecords(files.find((f) => f.kind === 'coupons')!.content).records
        holdout = csvRecords(files.find((f) => f.kind === 'holdout')!.content).records
      }
    }
    await engine.call('export/write', { planId, format: 'mailchimp', withHoldout: false, privacy: 'hash', locale: 'en' })
    expect(coupons).toHaveLength(plan.summary.coupons)
    expect(holdout.length).toBeGreaterThan(0)

    // What happened: a few treated customers used their codes, one held-out customer bought anyway; the export covers the window.
    const email = (r: Record<string, string>): string => r[Object.keys(r).find((k) => /e-?mail/i.test(k))!]!
    const day = (offset: number): string => {
      const d = new Date(`${plan.startsAt}T00:00:00Z`)
      d.setUTCDate(d.getUTCDate() + offset)
      return d.toISOString().slice(0, 10)
    }
    const buyers = coupons.filter((r) => email(r)).slice(0, 5)
    const held = holdout.filter((r) => email(r))
    const rows = ['order_id,order_date,email,sku,product,category,qty,price,discount_code,order discount']
    buyers.forEach((r, i) => rows.push(`${800_000 + i},${day(1 + i)} 10:00,${email(r)},CANDLE,Candle,Candles,1,40.00,${r.code},4.00`))
    rows.push(`800100,${day(2)} 11:00,${email(held[0]!)},CANDLE,Candle,Candles,1,40.00,,0`)
    rows.push(`800101,${day(40)} 09:00,${email(held[0]!)},CANDLE,Candle,Candles,1,40.00,,0`)
    const [batch] = (await importPaths(engine, [writeTemp(dir, 'orders-after.csv', `${rows.join('\n')}\n`)])).batches
    expect(batch).toMatchObject({ rejected: 0, imported: rows.length - 1 })

    const result = await engine.call('results/plan', { planId })
    expect(result.status).toBe('measured')
    expect(result.overall?.treatment.discount).toBeCloseTo(4 * buyers.length, 6)
    expect(result.overall?.level).toBe(0.95)
    expect(result.segmentSource).toBe('plan')
    expect(result.verdict.message.length).toBeGreaterThan(0)

    // The proof: nothing anywhere in the session tried to leave the machine.
    expect(attempts).toEqual([])
  }, 600_000)
})
