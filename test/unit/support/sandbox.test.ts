import { mkdirSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultDbPath } from '../../../src-main/engine/paths'
import { createSandbox, removeSandbox, sandboxProblems, type Sandbox } from '../../support/sandbox'
import { tempDir } from '../../support/temp-dir'

describe('test run sandbox', () => {
  let sandbox: Sandbox | null = null
  afterEach(() => {
    if (sandbox) removeSandbox(sandbox)
    sandbox = null
  })

  /** A sandbox whose "real" database is a path in a folder of its own, so the test can create it. */
  function fresh(): Sandbox {
    const parent = tempDir('ow-sandbox-test-')
    return createSandbox(parent, join(parent, 'real', 'offerwise.sqlite'))
  }

  it('finds nothing wrong when the run cleaned up', () => {
    sandbox = fresh()
    expect(sandboxProblems(sandbox)).toEqual([])
  })

  it('names what a run left in the temp folder', () => {
    sandbox = fresh()
    mkdirSync(join(sandbox.tmp, 'ow-engine-abc123'))
    expect(sandboxProblems(sandbox)).toEqual([expect.stringContaining('ow-engine-abc123')])
  })

  it('reports a test that used the default data folder', () => {
    sandbox = fresh()
    writeFileSync(join(sandbox.dataDir, 'offerwise.sqlite'), '')
    expect(sandboxProblems(sandbox)).toEqual([expect.stringContaining('default data folder')])
  })

  it('reports the real database being created', () => {
    sandbox = fresh()
    mkdirSync(join(sandbox.realDb, '..'))
    writeFileSync(sandbox.realDb, '')
    expect(sandboxProblems(sandbox)).toEqual([expect.stringContaining(`created the real data folder's database`)])
  })

  it('is in force for this run: temp files and the default store live in the sandbox', () => {
    const root = join(process.env.OFFERWISE_DATA_DIR ?? '', '..')
    expect(relative(root, tmpdir()).startsWith('..')).toBe(false)
    expect(relative(root, defaultDbPath()).startsWith('..')).toBe(false)
    expect(defaultDbPath().startsWith(homedir())).toBe(false)
  })
})
