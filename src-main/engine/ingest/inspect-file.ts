import { basename } from 'node:path'
import type { ImportInspection, InspectArgs } from '../api'
import { EngineError } from '../api-schema'
import { issue, type FileIssue } from '../shared/issue'
import { currencyHint } from './formats/currency-hint'
import { detectFormats, formatDoubt, mappingFor } from './formats/detect'
import { FIELDS_BY_KIND, missingRequired, REQUIRED_BY_KIND } from './formats/fields'
import { presetById } from './formats/presets'
import { sniffFile } from './read'

/**
 * First look at a file: how it is encoded and laid out, which export it most
 * likely is, and the column mapping Offerwise proposes. Nothing is written.
 */
export async function inspectFile(path: string, args: Omit<InspectArgs, 'file'>): Promise<Omit<ImportInspection, 'file'>> {
  const sniffed = await sniffFile(path, { encoding: args.encoding, delimiter: args.delimiter, sheet: args.sheet })
  if (!sniffed.ok) throw new EngineError(`reject.${sniffed.issue.code}`, sniffed.issue.message, sniffed.issue.params)
  const layout = sniffed.layout

  const sample = layout.sample.map((row) => row.cells)
  const guesses = detectFormats(layout.header, sample)
  const chosen = args.presetId ? presetById(args.presetId) : presetById(guesses[0]?.presetId ?? 'generic-order-lines')
  if (!chosen) throw new EngineError('reject.file.unknown-format', `Offerwise does not know the format "${args.presetId}".`, { value: args.presetId ?? '' })
  const mapping = mappingFor(chosen, layout.header, sample)
  const required = new Set(REQUIRED_BY_KIND[chosen.kind].filter((alternatives) => alternatives.length === 1).map((alternatives) => alternatives[0]))

  const blockers: FileIssue[] = missingRequired(chosen.kind, mapping).map((alternatives) =>
    issue(0, 'file.missing-required', `Choose a column for: ${alternatives.join(' / ')}.`, { field: alternatives.join(' / ') }),
  )
  // A guess too close to call is never imported as is: the merchant confirms the kind (or picks another).
  const doubt = formatDoubt(guesses)
  if (!args.presetId && doubt.unsure) {
    const alternatives = doubt.alternatives.map((guess) => `${guess.presetId} (${Math.round(guess.confidence * 100)}%)`).join(', ')
    blockers.unshift(
      issue(0, 'file.format-unsure', `Offerwise is not sure what this file holds; it could be: ${alternatives}. Confirm the format or choose another.`, {
        format: chosen.id, value: alternatives,
      }),
    )
  }

  return {
    fileName: basename(path),
    sizeBytes: layout.sizeBytes,
    kind: layout.kind,
    gzip: layout.gzip,
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    sheets: layout.sheets,
    sheet: layout.sheet,
    header: layout.header,
    sample: sample.slice(0, 20),
    guesses: guesses.map((guess) => ({ presetId: guess.presetId, kind: guess.kind, confidence: guess.confidence })),
    presetId: chosen.id,
    recordKind: chosen.kind,
    mapping,
    fields: FIELDS_BY_KIND[chosen.kind].map((field) => ({ field, required: required.has(field) })),
    currency: currencyHint(layout.header, sample, mapping, chosen),
    blockers,
  }
}
