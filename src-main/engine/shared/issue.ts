/**
 * A problem found in a merchant's file, phrased so the merchant can act on it.
 *
 * `code` selects a sentence from the i18n catalogue (`reject.<code>` in
 * src-renderer/lib/i18n/*.json); `params` fills its {placeholders}. `message`
 * is the same sentence in English, kept so logs and the CLI read well without
 * the catalogue.
 */
export interface FileIssue {
  /** 1-based line (CSV/text) or sheet row (XLSX) where the row starts; 0 for the whole file. */
  row: number
  /** Column name as written in the file's header, when the problem is in one cell. */
  column?: string
  code: IssueCode
  params?: Record<string, string | number>
  message: string
  /** The offending row as written in the file, when the reader had it. */
  raw?: string
}

export type IssueCode =
  // whole-file problems
  | 'file.not-found'
  | 'file.empty'
  | 'file.header-only'
  | 'file.binary'
  | 'file.old-excel'
  | 'file.unreadable'
  // the worker of a background job died (out of memory, a native crash): named by the kind of job
  | 'job.crashed.import'
  | 'job.crashed.train'
  | 'job.crashed.plan'
  | 'job.crashed.export'
  | 'file.no-sheet'
  | 'file.dates-ambiguous'
  | 'file.missing-required'
  | 'file.format-unsure'
  | 'file.unknown-format'
  // reading broke off part-way: the import failed (-kept: the reject standing for the rest when the merchant kept the readable part)
  | 'file.cut-short'
  | 'file.cut-short-kept'
  // row-level problems from the readers
  | 'row.ragged'
  | 'row.short'
  | 'row.unclosed-quote'
  | 'row.too-long'
  | 'row.blank'
  // value problems from normalisation
  | 'value.required'
  | 'value.date'
  | 'value.number'
  | 'value.money'
  | 'value.quantity-zero'
  | 'value.conflict'
  // campaign-member rows (src-main/engine/campaigns/)
  | 'campaign.unknown-customer'
  | 'campaign.group'
  | 'campaign.discount-type'
  | 'campaign.percent-range'
  | 'campaign.value-required'
  | 'campaign.value-negative'
  | 'campaign.none-with-value'
  | 'campaign.scope'
  | 'campaign.window'
  | 'campaign.flag'
  | 'campaign.member-twice'
  | 'campaign.member-conflict'
  // redemption rows (src-main/engine/results/)
  | 'redemption.unknown-code'
  | 'redemption.shared-code'
  | 'redemption.other-customer'
  | 'redemption.outside-window'
  | 'redemption.conflict'

export function issue(
  row: number,
  code: IssueCode,
  message: string,
  params?: Record<string, string | number>,
  column?: string,
): FileIssue {
  return column === undefined ? { row, code, message, params } : { row, column, code, message, params }
}
