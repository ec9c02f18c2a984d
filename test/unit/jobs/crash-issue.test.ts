/** A job's worker that dies without an outcome is reported as that job (not always "import"), in both languages. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { crashIssue } from '../../../src-main/engine/jobs/job-manager'
import { ROOT } from '../import/test-engine'

const catalogue = (lang: string): Record<string, string> => JSON.parse(readFileSync(join(ROOT, 'src-renderer/lib/i18n', `${lang}.json`), 'utf8')) as Record<string, string>

describe('a crashed job', () => {
  it('names its own kind, in the message and in the catalogue key the faces show', () => {
    const words = { import: 'import', train: 'training', plan: 'planning', export: 'export' } as const
    for (const kind of ['import', 'train', 'plan', 'export'] as const) {
      const issue = crashIssue(kind, 134)
      expect(issue.code).toBe(`job.crashed.${kind}`)
      expect(issue.message).toContain(`The ${words[kind]} stopped unexpectedly (exit 134)`)
      expect(issue.params).toMatchObject({ exitCode: 134, code: `reject.job.crashed.${kind}` })
      for (const lang of ['en', 'zh-CN']) expect(catalogue(lang)[`reject.job.crashed.${kind}`], `${lang} ${kind}`).toContain('{exitCode}')
    }
    expect(crashIssue('export', 1).message).not.toContain('import')
  })
})
