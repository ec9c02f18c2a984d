/**
 * The Export step's state: which approved plan, which format and options,
 * the engine's preview of the files, and the export itself. In the desktop
 * app the engine asks for a folder (a dialog in main) and writes there; in
 * the browser the files come back and are downloaded.
 */
import type { Locale } from '../../../src-main/engine/api'
import type { ExportablePlan, ExportArgs, ExportFileContent, ExportFormat, ExportPreview, ExportWritten, Privacy } from '../../../src-main/engine/export/export-api'
import type { JobProgress } from '../../../src-main/engine/api'
import { api } from '../../lib/api'
import { jobs } from '../../lib/stores/jobs.svelte'
import { exportCall } from './export-api'

export const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'shopify', 'woocommerce', 'klaviyo', 'mailchimp']
export const PRIVACY: readonly Privacy[] = ['keep', 'hash', 'drop']
export const DEFAULT_LENGTH = 9

export class ExportFlow {
  plans = $state<ExportablePlan[] | null>(null)
  planId = $state<number | null>(null)
  format = $state<ExportFormat>('csv')
  privacy = $state<Privacy>('keep')
  withHoldout = $state(false)
  prefix = $state('')
  length = $state(DEFAULT_LENGTH)
  preview = $state<ExportPreview | null>(null)
  previewError = $state<unknown>(null)
  previewing = $state(false)
  written = $state<ExportWritten | null>(null)
  writing = $state(false)
  cancelling = $state(false)
  error = $state<unknown>(null)
  private previewSeq = 0

  plan = $derived(this.plans?.find((p) => p.planId === this.planId) ?? null)
  /** After the first export the codes cannot change: prefix and length come from the store. */
  codesFixed = $derived(this.plan?.codes != null)
  /**
   * The running export's progress: `export/write` answers when the job ends,
   * so its id comes from the job's own progress events.
   */
  progress = $derived<JobProgress | null>(this.writing ? jobs.running('export') : null)

  async cancel(): Promise<void> {
    const jobId = this.progress?.jobId
    if (!jobId || this.cancelling) return
    this.cancelling = true
    try {
      await api.call('jobs/cancel', { jobId })
    } catch (error) {
      this.error = error
      this.cancelling = false
    }
  }

  async load(): Promise<void> {
    this.error = null
    try {
      this.plans = await exportCall('export/plans', {})
      if (this.planId === null || !this.plans.some((p) => p.planId === this.planId)) this.choose(this.plans[0]?.planId ?? null)
    } catch (error) {
      this.error = error
    }
  }

  choose(planId: number | null): void {
    this.planId = planId
    this.written = null
    const plan = this.plans?.find((p) => p.planId === planId)
    if (plan?.codes) {
      this.prefix = plan.codes.prefix
      this.length = plan.codes.length
    }
  }

  args(locale: Locale): ExportArgs | null {
    if (this.planId === null) return null
    const base: ExportArgs = { planId: this.planId, format: this.format, withHoldout: this.withHoldout, privacy: this.privacy, locale }
    return this.codesFixed ? base : { ...base, prefix: this.prefix.trim(), length: this.length }
  }

  async refreshPreview(locale: Locale): Promise<void> {
    const args = this.args(locale)
    const seq = ++this.previewSeq
    if (!args) {
      this.preview = null
      return
    }
    this.previewing = true
    try {
      const preview = await exportCall('export/preview', args)
      if (seq !== this.previewSeq) return
      this.preview = preview
      this.previewError = null
    } catch (error) {
      if (seq !== this.previewSeq) return
      this.preview = null
      this.previewError = error
    } finally {
      if (seq === this.previewSeq) this.previewing = false
    }
  }

  async write(locale: Locale): Promise<void> {
    const args = this.args(locale)
    if (!args) return
    this.writing = true
    this.error = null
    try {
      const written = await exportCall('export/write', args)
      if (!written.cancelled && written.folder === null) for (const file of written.files) download(file as ExportFileContent)
      this.written = written
      if (!written.cancelled) await this.load()
    } catch (error) {
      this.error = error
    } finally {
      this.writing = false
      this.cancelling = false
    }
  }
}

/** One file as a browser download (the web bridge: the engine cannot choose a folder there). */
function download(file: ExportFileContent): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content
  const url = URL.createObjectURL(new Blob([body], { type: file.mediaType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const exportFlow = new ExportFlow()
