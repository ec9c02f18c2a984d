/** The first rejected rows of one batch, and the full list as a CSV download. */
import type { Locale, RejectRow } from '../../../src-main/engine/api'
import { api } from '../../lib/api'

/** Enough to see the pattern; the CSV has them all. */
const FIRST_PAGE = 20

export class BatchRejects {
  readonly batchId: number
  rows = $state<RejectRow[]>([])
  total = $state(0)
  loading = $state(false)
  downloading = $state(false)
  error = $state<unknown>(null)

  constructor(batchId: number) {
    this.batchId = batchId
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    try {
      const page = await api.call('import/rejects', { batchId: this.batchId, offset: 0, limit: FIRST_PAGE })
      this.rows = page.rows
      this.total = page.total
    } catch (error) {
      this.error = error
    } finally {
      this.loading = false
    }
  }

  async download(locale: Locale): Promise<void> {
    this.downloading = true
    this.error = null
    try {
      const { fileName, csv } = await api.call('import/rejects-csv', { batchId: this.batchId, locale })
      // A BOM makes Excel open UTF-8 (and so Chinese reasons) correctly.
      const text = csv.startsWith('\ufeff') ? csv : `\ufeff${csv}`
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
      const link = document.createElement('a')
      link.href = url
      link.download = fileName
      document.body.append(link)
      link.click()
      link.remove()
      // Give the browser a moment to start the download before the URL goes away.
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (error) {
      this.error = error
    } finally {
      this.downloading = false
    }
  }
}
