import { REQUIRED_BY_KIND, missingRequired, type CanonicalField, type ColumnMapping, type RecordKind } from './fields'
import { GENERIC_ORDER_LINES } from './generic'
import { headerKey, type HeaderKey } from './normalize-header'
import type { FormatGuess, FormatPreset } from './preset'
import { PRESETS, isGenericPreset } from './presets'

/**
 * Which known layout a file's header looks like, and how its columns map onto
 * the canonical fields.
 *
 * Scoring, 0..1:
 *  - a specific preset earns 0.6 from its signature (full marks once
 *    SIGNATURE_HITS_FOR_CERTAINTY of its signature headers are present, or
 *    all of them when it has fewer) and 0.4 from how well the header maps:
 *    half for the kind's required fields, half for the share of the preset's
 *    fields found. A real export therefore lands in 0.6..1, and two presets
 *    sharing a signature header (the two Online Retail releases) are told
 *    apart by the columns only one of them names.
 *  - a generic preset earns at most GENERIC_CEILING, from the share of its
 *    kind's required fields it found and the share of the header it explains.
 *    The ceiling is below what a fully signed specific preset gets, so a
 *    generic layout can never outrank a matching specific one.
 */
const SIGNATURE_HITS_FOR_CERTAINTY = 3
const SIGNATURE_WEIGHT = 0.6
const GENERIC_CEILING = 0.55

interface Column {
  raw: string
  key: HeaderKey
  index: number
}

function columnsOf(header: readonly string[]): Column[] {
  return header.map((raw, index) => ({ raw, key: headerKey(raw), index })).filter((column) => column.key.full !== '')
}

/**
 * The first unused column that a name means. Exact key first; then a column
 * that only adds a bracketed note to the name ("Unit Price (EUR)" for
 * "Unit Price"); then, when the name itself carries a note the file left out,
 * the plain column ("商品总价" for "商品总价(元)").
 */
function findColumn(columns: readonly Column[], name: string, used: ReadonlySet<number>): Column | undefined {
  const want = headerKey(name)
  const free = columns.filter((column) => !used.has(column.index))
  return (
    free.find((column) => column.key.full === want.full) ??
    free.find((column) => column.key.bare === want.full) ??
    (want.bare !== want.full ? free.find((column) => column.key.full === want.bare) : undefined)
  )
}

/** Signatures must be named in full: a bare "商品总价" says nothing about Pinduoduo. */
function hasSignature(columns: readonly Column[], name: string): boolean {
  const want = headerKey(name).full
  return columns.some((column) => column.key.full === want || column.key.bare === want)
}

function mapColumns(preset: FormatPreset, columns: readonly Column[]): ColumnMapping {
  const mapping: ColumnMapping = {}
  const used = new Set<number>()
  // Fields in the preset's order, synonyms in their order: the preset author
  // decides precedence, and a column is given to one field only.
  for (const [field, names] of Object.entries(preset.columns) as [CanonicalField, readonly string[]][]) {
    for (const name of names) {
      const column = findColumn(columns, name, used)
      if (column) {
        mapping[field] = column.raw
        used.add(column.index)
        break
      }
    }
  }
  return mapping
}

/** Proposed mapping of `preset` for this header; values are header cells exactly as given. */
export function mappingFor(preset: FormatPreset, header: string[]): ColumnMapping {
  return mapColumns(preset, columnsOf(header))
}

function mappedCount(mapping: ColumnMapping): number {
  return Object.keys(mapping).length
}

/** Share of the kind's required fields (each a set of alternatives) the mapping covers. */
function requiredShare(kind: RecordKind, mapping: ColumnMapping): number {
  const required = REQUIRED_BY_KIND[kind]
  if (required.length === 0) return 1
  return (required.length - missingRequired(kind, mapping).length) / required.length
}

function specificConfidence(preset: FormatPreset, columns: readonly Column[], mapping: ColumnMapping): number {
  const hits = preset.signature.filter((name) => hasSignature(columns, name)).length
  const need = Math.min(preset.signature.length, SIGNATURE_HITS_FOR_CERTAINTY)
  const signature = Math.min(1, hits / need)
  // Presets list every column name a layout has been seen with, and no single
  // file has them all; what the file must have is what an import needs.
  const coverage = 0.5 * requiredShare(preset.kind, mapping) + 0.5 * (mappedCount(mapping) / Object.keys(preset.columns).length)
  // Without a single signature header, matching names are mostly the common
  // ones ("Email", "Quantity"): they count for half.
  const trust = hits > 0 ? 1 : 0.5
  return SIGNATURE_WEIGHT * signature + (1 - SIGNATURE_WEIGHT) * coverage * trust
}

function genericConfidence(
  preset: FormatPreset,
  columns: readonly Column[],
  mapping: ColumnMapping,
): number {
  const mapped = mappedCount(mapping)
  if (mapped === 0 || columns.length === 0) return 0
  let quality = 0.5 * requiredShare(preset.kind, mapping) + 0.5 * Math.min(1, mapped / columns.length)
  if (preset.kind === 'orders') {
    // A sheet that names products or quantities has a row per line, not per
    // order, however well its order columns match.
    const lines = mapColumns(GENERIC_ORDER_LINES, columns)
    if (lines.sku !== undefined || lines.product_name !== undefined || lines.quantity !== undefined) quality *= 0.5
  }
  return GENERIC_CEILING * quality
}

function round(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000
}

/**
 * Every preset that fits the header at all, best first. Generic presets are
 * always included (possibly at 0) so the merchant can fall back to them.
 */
export function detectFormats(header: string[]): FormatGuess[] {
  const columns = columnsOf(header)
  const guesses = PRESETS.map((preset, order) => {
    const mapping = mapColumns(preset, columns)
    const generic = isGenericPreset(preset)
    const confidence = round(
      generic ? genericConfidence(preset, columns, mapping) : specificConfidence(preset, columns, mapping),
    )
    return { guess: { presetId: preset.id, kind: preset.kind, confidence, mapping }, generic, order }
  })
  return guesses
    .filter(({ guess, generic }) => generic || guess.confidence > 0)
    .sort((a, b) => b.guess.confidence - a.guess.confidence || a.order - b.order)
    .map(({ guess }) => guess)
}
