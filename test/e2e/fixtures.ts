/**
 * Each test gets its own data folder and its own engine process behind the
 * web bridge (`offerwise serve --json`), so tests never share a database.
 *
 * OFFERWISE_E2E_ENGINE=fake swaps in the in-memory fake engine (for working
 * on the UI while the real engine is being changed).
 */
import { test as base, expect, type ConsoleMessage, type Page, type Response } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

export const REPO = resolve(__dirname, '../..')
export const SCREENSHOTS = join(REPO, 'test/e2e/screenshots')

export interface Served {
  url: string
  token: string
  port: number
  dataDir: string
  dbPath: string
}

interface Fixtures {
  served: Served
  /** A page already open on the app, with the app shell loaded. */
  app: Page
}

function startServer(dbPath: string): { child: ChildProcess; ready: Promise<Omit<Served, 'dataDir' | 'dbPath'>> } {
  const fake = process.env.OFFERWISE_E2E_ENGINE === 'fake'
  const command = fake
    ? [join(REPO, 'node_modules/.bin/tsx'), join(REPO, 'test/e2e/serve-fake.ts')]
    : [process.execPath, join(REPO, 'out/main/cli.js')]
  if (!fake && !existsSync(command[1] ?? '')) {
    throw new Error('out/main/cli.js is missing: run `npx electron-vite build` before the e2e tests.')
  }
  const [program, ...args] = command
  const child = spawn(program ?? process.execPath, [...args, ...(fake ? [] : ['serve']), '--db', dbPath, '--port', '0', '--json'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const ready = new Promise<Omit<Served, 'dataDir' | 'dbPath'>>((resolveReady, rejectReady) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(() => rejectReady(new Error(`serve did not start in time.\n${stderr}`)), 60_000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      try {
        resolveReady(JSON.parse(line) as Omit<Served, 'dataDir' | 'dbPath'>)
      } catch {
        rejectReady(new Error(`serve printed something other than JSON: ${line}\n${stderr}`))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      rejectReady(new Error(`serve exited with ${code}.\n${stderr}`))
    })
  })
  return { child, ready }
}

export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from this destructuring: none here, so the pattern is empty.
  served: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'offerwise-e2e-'))
    const dbPath = join(dataDir, 'offerwise.sqlite')
    const { child, ready } = startServer(dbPath)
    try {
      const info = await ready
      await use({ ...info, dataDir, dbPath })
    } finally {
      const exited = new Promise<void>((done) => {
        if (child.exitCode !== null) done()
        else child.once('exit', () => done())
      })
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
      await rm(dataDir, { recursive: true, force: true })
    }
  },
  app: async ({ page, served }, use) => {
    const problems = watchLoadProblems(page)
    await page.goto(served.url)
    await expect(page.getByText('Offerwise', { exact: true }).first()).toBeVisible()
    // The footer appears once app/info has answered: the engine is ready.
    await expect(page.getByTestId('db-path')).toContainText(served.dbPath)
    // Every test starts from a page that loaded cleanly (no 404s such as /favicon.ico, no script errors).
    expect(problems.stop(), 'errors while the app loaded').toEqual([])
    await use(page)
  },
})

export { expect }

/**
 * Collects what the console and the network report as wrong while a page
 * loads: console errors, uncaught exceptions and HTTP errors (path only, so
 * the token never reaches a log). `stop()` detaches and returns them.
 */
export function watchLoadProblems(page: Page): { stop(): string[] } {
  const problems: string[] = []
  const onConsole = (message: ConsoleMessage): void => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  }
  const onPageError = (error: Error): void => {
    problems.push(`uncaught: ${error.message}`)
  }
  const onResponse = (response: Response): void => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${new URL(response.url()).pathname}`)
  }
  page.on('console', onConsole)
  page.on('pageerror', onPageError)
  page.on('response', onResponse)
  return {
    stop() {
      page.off('console', onConsole)
      page.off('pageerror', onPageError)
      page.off('response', onResponse)
      return problems
    },
  }
}

/** Screenshots for people to look at, named by step and language. */
export async function snap(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  // A viewport as tall as the page, rather than a full-page capture: sticky
  // header and action bar then sit where they belong instead of mid-page.
  const original = page.viewportSize() ?? { width: 1280, height: 900 }
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: original.width, height: Math.max(original.height, height) })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
  await page.setViewportSize(original)
}

export async function switchLanguage(page: Page, label: 'English' | '简体中文'): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', label === 'English' ? 'en' : 'zh-CN')
}

/** Asks the engine directly (through the bridge), to compare the UI with the truth. */
export async function engineCall<T>(served: Served, channel: string, args: object = {}): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${served.port}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Offerwise-Token': served.token },
    body: JSON.stringify(args),
  })
  if (!response.ok) throw new Error(`${channel} failed: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** Reads a number the UI formatted for its locale ("1,234" / "1,234"). */
export function parseCount(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.-]/g, ''))
}
