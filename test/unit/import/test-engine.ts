import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ImportBatchSummary, ImportRequest, JobOutcome } from '../../../src-main/engine/api'
import { createEngine, type Engine } from '../../../src-main/engine/engine'
import { tempDir } from '../../support/temp-dir'

export const ROOT = resolve(__dirname, '../../..')
export const FORMAT_FIXTURES = join(ROOT, 'test/fixtures/formats')

/** An engine on its own temp database (removed after the test file), running jobs inline (no built worker needed). */
export function testEngine(): { engine: Engine; dbPath: string; dir: string } {
  const dir = tempDir('ow-engine-')
  const dbPath = join(dir, 'offerwise.sqlite')
  return { engine: createEngine({ dbPath, resourcesDir: join(ROOT, 'resources'), shell: 'web-bridge', workerScript: null }), dbPath, dir }
}

export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Inspects like the UI does, applies overrides, imports, and returns the outcome and its batches. */
export async function importPaths(
  engine: Engine,
  paths: string[],
  overrides: Partial<Omit<ImportRequest, 'file'>> = {},
): Promise<{ outcome: JobOutcome; batches: ImportBatchSummary[] }> {
  const requests: ImportRequest[] = []
  for (const path of paths) {
    const file = engine.files.register(path)
    const inspection = await engine.call('import/inspect', { file, presetId: overrides.presetId })
    requests.push({
      file,
      presetId: inspection.presetId,
      mapping: { ...inspection.mapping, ...overrides.mapping },
      dateOrder: overrides.dateOrder ?? 'auto',
      currency: overrides.currency ?? inspection.currency ?? 'USD',
      ...(overrides.keepReadablePart ? { keepReadablePart: true } : {}),
    })
  }
  const { jobId } = await engine.call('import/start', { requests })
  const outcome = await engine.waitForJob(jobId)
  if (!outcome) throw new Error('job vanished')
  const all = await engine.call('import/batches', {})
  const ids = 'batchIds' in outcome ? outcome.batchIds : []
  return { outcome, batches: ids.map((id) => all.find((b) => b.id === id)).filter((b): b is ImportBatchSummary => b !== undefined) }
}

export function expectAccounted(batch: ImportBatchSummary): void {
  if (batch.imported + batch.duplicate + batch.rejected !== batch.rows) {
    throw new Error(`rows ${batch.rows} != ${batch.imported} + ${batch.duplicate} + ${batch.rejected}`)
  }
}
