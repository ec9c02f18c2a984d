import { REQUIRED_BY_KIND, missingRequired, type CanonicalField, type ColumnMapping, type RecordKind } from './fields'
import { GENERIC_ORDER_LINES, GENERIC_ORDERS } from './generic'
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
  const want = synonymKey(name)
  let annotated: Column | undefined
  let plain: Column | undefined
  for (const column of columns) {
    if (used.has(column.index)) continue
    if (column.key.full === want.full) return column
    if (annotated === undefined && column.key.bare === want.full) annotated = column
    if (plain === undefined && want.bare !== want.full && column.key.full === want.bare) plain = column
  }
  return annotated ?? plain
}

/** Presets' names, keyed once: there are thousands of them (header-words.ts) and detection runs per file. */
const SYNONYM_KEYS = new Map<string, HeaderKey>()

function synonymKey(name: string): HeaderKey {
  let key = SYNONYM_KEYS.get(name)
  if (key === undefined) SYNONYM_KEYS.set(name, (key = headerKey(name)))
  return key
}

/** Signatures must be named in full: a bare "商品总价" says nothing about Pinduoduo. */
function hasSignature(columns: readonly Column[], name: string): boolean {
  const want = synonymKey(name).full
  return columns.some((column) => column.key.full === want || column.key.bare === want)
}

function mapColumns(preset: FormatPreset, columns: readonly Column[], sample?: readonly (readonly string[])[]): ColumnMapping {
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
  if (preset.kind === 'orders' && isGenericPreset(preset) && sample) resolveBareId(mapping, columns, used, sample)
  return mapping
}

/** Headers that say "an id" without saying whose. */
const BARE_ID = new Set(['id', 'no', 'nr', 'number', 'nummer', 'numero', 'code'])

/**
 * An order sheet with a bare "ID" column and no other order or customer
 * column: in a transaction log (CDNOW's `ID,date,...`) it is the customer,
 * whose id repeats from purchase to purchase; in a merchant's order list it is
 * the order, unique per row. The sample decides; without one it stays unmapped.
 */
function resolveBareId(mapping: ColumnMapping, columns: readonly Column[], used: Set<number>, sample: readonly (readonly string[])[]): void {
  if (mapping.order_id || mapping.customer_id || mapping.customer_email || mapping.customer_name) return
  const column = columns.find((c) => !used.has(c.index) && BARE_ID.has(c.key.full))
  if (!column) return
  const values = sample.map((cells) => (cells[column.index] ?? '').trim()).filter((value) => value !== '')
  if (values.length === 0) return
  mapping[new Set(values).size < values.length ? 'customer_id' : 'order_id'] = column.raw
  used.add(column.index)
}

/**
 * Proposed mapping of `preset` for this header; values are header cells exactly as given.
 * The sample (first rows' cells), when given, settles a bare "ID" column (resolveBareId).
 */
export function mappingFor(preset: FormatPreset, header: string[], sample?: readonly (readonly string[])[]): ColumnMapping {
  return mapColumns(preset, columnsOf(header), sample)
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

/** How the generic line and order layouts read the header: what genericConfidence weighs every kind against. */
interface GenericReadings {
  lines: ColumnMapping
  orders: ColumnMapping
}

function genericConfidence(
  preset: FormatPreset,
  columns: readonly Column[],
  mapping: ColumnMapping,
  { lines, orders }: GenericReadings,
): number {
  const mapped = mappedCount(mapping)
  if (mapped === 0 || columns.length === 0) return 0
  let quality = 0.5 * requiredShare(preset.kind, mapping) + 0.5 * Math.min(1, mapped / columns.length)
  const namesProducts = lines.sku !== undefined || lines.product_name !== undefined
  if (preset.kind === 'orders' && namesProducts) {
    // A sheet that names products has a row per line, not per order, however
    // well its order columns match. A quantity alone does not say so: a
    // transaction log gives the items bought per purchase.
    quality *= 0.5
  }
  if (preset.kind === 'order-lines' && !namesProducts) {
    // Lines are lines of something: without a product or SKU column the rows are orders (or purchases).
    quality *= 0.5
  }
  if (preset.kind === 'customers' || preset.kind === 'products') {
    // A date and an amount on every row that the list does not explain are purchases:
    // such a file is not a customer list or a catalogue, whatever its id column says.
    const explained = new Set(Object.values(mapping))
    if (orders.order_date && orders.order_total && !explained.has(orders.order_date) && !explained.has(orders.order_total)) quality *= 0.5
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
export function detectFormats(header: string[], sample?: readonly (readonly string[])[]): FormatGuess[] {
  const columns = columnsOf(header)
  const readings: GenericReadings = { lines: mapColumns(GENERIC_ORDER_LINES, columns), orders: mapColumns(GENERIC_ORDERS, columns) }
  const guesses = PRESETS.map((preset, order) => {
    const mapping = mapColumns(preset, columns, sample)
    const generic = isGenericPreset(preset)
    const confidence = round(
      generic ? genericConfidence(preset, columns, mapping, readings) : specificConfidence(preset, columns, mapping),
    )
    return { guess: { presetId: preset.id, kind: preset.kind, confidence, mapping }, generic, order }
  })
  return guesses
    .filter(({ guess, generic }) => generic || guess.confidence > 0)
    .sort((a, b) => b.guess.confidence - a.guess.confidence || a.order - b.order)
    .map(({ guess }) => guess)
}

/**
 * Below this the best guess is a guess: the merchant is asked to confirm the
 * kind of file before anything is imported. Generic layouts reach at most
 * GENERIC_CEILING, so this is well under what a merchant's sheet with clear
 * headers gets (about 0.45–0.55).
 */
export const SURE_CONFIDENCE = 0.3
/** A guess of another kind this close behind the best one makes the best one doubtful. */
export const SURE_MARGIN = 0.1

/**
 * Whether the best guess is too doubtful to import without the merchant's
 * word, and the guesses they should choose from (best first, at most three,
 * one per kind: the doubt is about what the file holds, not which preset).
 * A customer list taken for orders, or orders for a customer list, is the
 * mistake this guards against.
 */
export function formatDoubt(guesses: readonly FormatGuess[]): { unsure: boolean; alternatives: FormatGuess[] } {
  const best = guesses[0]
  if (!best) return { unsure: true, alternatives: [] }
  const perKind = guesses.filter((guess, index) => guesses.findIndex((other) => other.kind === guess.kind) === index)
  const rival = perKind.find((guess) => guess.kind !== best.kind && guess.confidence > 0 && guess.confidence >= best.confidence - SURE_MARGIN)
  const unsure = best.confidence < SURE_CONFIDENCE || rival !== undefined
  return { unsure, alternatives: unsure ? perKind.filter((guess) => guess.confidence > 0).slice(0, 3) : [] }
}
