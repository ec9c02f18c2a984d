import type { CanonicalField, ColumnMapping, RecordKind } from './fields'

/**
 * A known export layout. Detection compares the file's header with `columns`;
 * the mapping it proposes is what the merchant sees first and can edit.
 */
export interface FormatPreset {
  /** Stable id, also the i18n key suffix: `format.<id>`. */
  id: string
  kind: RecordKind
  /**
   * For each canonical field, the header names that mean it in this layout,
   * compared case- and whitespace-insensitively. First match wins.
   */
  columns: Partial<Record<CanonicalField, readonly string[]>>
  /** Headers whose presence makes this layout certain (e.g. Shopify's 'Lineitem sku'). */
  signature: readonly string[]
  /**
   * Order-level fields are blank on continuation rows (Shopify orders): carry
   * them down from the previous row of the same order.
   */
  fillDownOrderFields?: boolean
  /** Identifiers are written as `'123` to stop Excel from mangling them (Shopify customers). */
  stripLeadingApostrophe?: boolean
  /** Currency when the file does not say (e.g. the UCI Online Retail shop sells in GBP). */
  defaultCurrency?: string
  /** Invoices whose id starts with this prefix are cancellations (Online Retail: 'C'). */
  cancellationIdPrefix?: string
  /** SKUs that are not products: postage, fees, manual adjustments (Online Retail: POST, D, M ...). */
  nonProductSkus?: readonly string[]
}

export interface FormatGuess {
  presetId: string
  kind: RecordKind
  /** 0..1: the share of the preset's signature and mapped columns found in the header. */
  confidence: number
  mapping: ColumnMapping
}
