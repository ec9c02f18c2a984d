/**
 * One file the merchant added: handed to the engine, inspected, and the
 * merchant's choices for it (format, column mapping, date order, currency).
 */
import type { ImportInspection, ImportRequest } from '../../../src-main/engine/api'
import type { CanonicalField, ColumnMapping, DateOrder } from '../../../src-main/engine/ingest/formats/fields'
import { missingRequired } from '../../../src-main/engine/ingest/formats/fields'
import type { FileIssue } from '../../../src-main/engine/shared/issue'
import { api } from '../../lib/api'

export type StagedStatus = 'uploading' | 'inspecting' | 'ready' | 'failed'

let lastId = 0

export class StagedFile {
  readonly id = ++lastId
  readonly name: string
  readonly sizeBytes: number
  status = $state<StagedStatus>('uploading')
  uploadProgress = $state(0)
  /** The engine's handle for this file (never its path: see FileRegistry). */
  handle = $state<string | null>(null)
  inspection = $state<ImportInspection | null>(null)
  error = $state<unknown>(null)
  mapping = $state<ColumnMapping>({})
  dateOrder = $state<DateOrder>('auto')
  currency = $state('USD')
  sheet = $state<string | null>(null)
  /** Why the last import of this file failed, shown on the card when the merchant tries again. */
  lastFailure = $state<FileIssue | null>(null)
  /** The merchant chose to import the rows before the point where the file breaks off. */
  keepReadablePart = $state(false)

  /** Confidence of the format in use, when the engine guessed it. */
  readonly confidence = $derived(
    this.inspection?.guesses.find((guess) => guess.presetId === this.inspection?.presetId)?.confidence ?? null,
  )

  /**
   * Required information the merchant's mapping leaves without a column, each
   * as its acceptable alternatives (a SKU or a product name will do). The same
   * rule the engine applies, re-run here as the merchant edits the mapping.
   */
  readonly missing = $derived<(readonly CanonicalField[])[]>(
    this.inspection ? missingRequired(this.inspection.recordKind, this.mapping) : [],
  )

  /**
   * The engine's blockers describe its own proposed mapping. Missing columns are
   * re-checked above against the merchant's mapping, and ambiguous dates are
   * settled once the merchant picks a date order, so those are not repeated.
   */
  readonly blockers = $derived<FileIssue[]>(
    (this.inspection?.blockers ?? []).filter(
      (issue) => issue.code !== 'file.missing-required' && issue.code !== 'file.format-unsure' && !this.settled(issue),
    ),
  )

  /**
   * The engine could not tell what the file holds (orders or customers?): the
   * card shows its best guesses, one per kind, and nothing is imported until
   * the merchant picks one (which re-inspects with that format, so the doubt is gone).
   */
  readonly unsure = $derived(this.inspection?.blockers.some((issue) => issue.code === 'file.format-unsure') ?? false)
  readonly alternatives = $derived(
    this.unsure
      ? (this.inspection?.guesses ?? [])
          .filter((guess, index, all) => guess.confidence > 0 && all.findIndex((other) => other.kind === guess.kind) === index)
          .slice(0, 3)
      : [],
  )

  /** The last failure, until the merchant has done what it asked. */
  readonly failure = $derived(this.lastFailure && !this.settled(this.lastFailure) ? this.lastFailure : null)

  /** The last import failed because the file breaks off part-way: the card offers to keep the readable part. */
  readonly cutShort = $derived(this.lastFailure?.code === 'file.cut-short')

  readonly datesAmbiguous = $derived(
    [...(this.inspection?.blockers ?? []), ...(this.lastFailure ? [this.lastFailure] : [])].some(
      (issue) => issue.code === 'file.dates-ambiguous',
    ),
  )

  readonly ready = $derived(
    this.status === 'ready' && this.blockers.length === 0 && this.missing.length === 0 && !this.unsure,
  )

  constructor(file: File, currency: string) {
    this.name = file.name
    this.sizeBytes = file.size
    this.currency = currency
  }

  async stage(file: File): Promise<void> {
    try {
      this.handle = await api.stageFile(file, (fraction) => {
        this.uploadProgress = fraction
      })
    } catch (error) {
      this.fail(error)
      return
    }
    await this.inspect()
  }

  /** Asks the engine again, e.g. after the merchant picked another format or sheet. */
  async inspect(presetId?: string): Promise<void> {
    if (!this.handle) return
    this.status = 'inspecting'
    this.error = null
    try {
      const inspection = await api.call('import/inspect', {
        file: this.handle,
        ...(presetId ? { presetId } : {}),
        ...(this.sheet ? { sheet: this.sheet } : {}),
      })
      this.inspection = inspection
      this.lastFailure = null
      this.mapping = { ...inspection.mapping }
      this.sheet = inspection.sheet
      if (inspection.currency) this.currency = inspection.currency
      this.status = 'ready'
    } catch (error) {
      this.fail(error)
    }
  }

  selectSheet(sheet: string): void {
    this.sheet = sheet
    void this.inspect(this.inspection?.presetId)
  }

  setColumn(field: CanonicalField, column: string | null): void {
    const next = { ...this.mapping }
    if (column) next[field] = column
    else delete next[field]
    this.mapping = next
  }

  request(): ImportRequest {
    const inspection = this.inspection
    if (!inspection) throw new Error('request() before inspection')
    return {
      file: inspection.file,
      presetId: inspection.presetId,
      mapping: $state.snapshot(this.mapping),
      dateOrder: this.dateOrder,
      currency: this.currency,
      ...(inspection.sheet ? { sheet: inspection.sheet } : {}),
      ...(this.keepReadablePart ? { keepReadablePart: true } : {}),
    }
  }

  /** Ambiguous dates are settled once the merchant picks a date order. */
  private settled(issue: FileIssue): boolean {
    return issue.code === 'file.dates-ambiguous' && this.dateOrder !== 'auto'
  }

  private fail(error: unknown): void {
    this.error = error
    this.status = 'failed'
  }
}
