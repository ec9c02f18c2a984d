/**
 * Files for e-mail tools: a Klaviyo-style profile CSV (custom properties per
 * profile), a one-column coupon upload, and a Mailchimp-style merge CSV. The
 * merchant mails each customer their own code with these.
 */
import { ExportError, type ExportFile, type ExportInput, type ExportMeta } from '../export-types'
import { fileStem, personal, sentences, treatedRows, type TreatedRow } from '../export-rows'
import { csvPart, textFile, type ExportPart } from '../export-table'
import { exportNote, formatDay } from '../offer-text'

export const KLAVIYO_COLUMNS = ['Email', 'First Name', 'Offerwise Code', 'Offerwise Offer', 'Offerwise Expires'] as const
export const COUPON_UPLOAD_COLUMNS = ['Coupon Code'] as const
export const MAILCHIMP_COLUMNS = ['Email Address', 'First Name', 'COUPON', 'OFFER', 'EXPIRES'] as const

/** A mailing list without addresses is no list: 'drop' is refused here rather than writing a useless file. */
function mailable(meta: ExportMeta, format: string): string[] {
  if (meta.privacy === 'drop') throw new ExportError(`The ${format} file needs e-mail addresses; choose "keep" or "hash" for personal columns.`)
  return meta.privacy === 'hash' ? [exportNote(meta.locale, 'hashedEmail')] : []
}

/** Rows without an e-mail address cannot be imported as profiles; they are counted in a warning, not written. */
function withEmail(meta: ExportMeta, rows: TreatedRow[], warnings: string[]): TreatedRow[] {
  const kept = rows.filter((row) => row.email !== null && row.email.trim() !== '')
  const missing = rows.length - kept.length
  if (missing > 0) {
    warnings.push(exportNote(meta.locale, 'noEmail', { count: String(missing) }))
  }
  return kept
}

/**
 * One row per treated customer with an address: e-mail, first name, code,
 * the offer in a sentence and the expiry; the tools differ in their column
 * names and in how they want the expiry.
 */
function mailingListPart({ meta, rows }: ExportInput, list: { tool: string; suffix: string; destination: ExportPart['destination']; header: readonly string[]; expires: string }): ExportPart {
  const warnings = mailable(meta, list.tool)
  const kept = withEmail(meta, treatedRows(rows), warnings)
  const sentence = sentences(meta)
  return csvPart({
    fileName: `${fileStem(meta)}-${list.suffix}.csv`,
    destination: list.destination,
    header: list.header,
    rows: kept.length,
    cells: (i) => {
      const row = kept[i]
      const who = personal(meta, row)
      return [who.email, who.firstName, row.code, sentence(row), list.expires]
    },
    warnings,
  })
}

/** Klaviyo-style: Email first (the profile key), then first name and the custom properties; the expiry as a date Klaviyo can type. */
export function klaviyoProfilesPart(input: ExportInput): ExportPart {
  return mailingListPart(input, { tool: 'Klaviyo profile', suffix: 'klaviyo-profiles', destination: 'klaviyo-profiles', header: KLAVIYO_COLUMNS, expires: input.meta.expiresAt.slice(0, 10) })
}

/** The codes alone, for an e-mail tool's coupon pool (Klaviyo "Upload coupon codes"). */
export function couponUploadPart({ meta, rows }: ExportInput): ExportPart {
  const treated = treatedRows(rows)
  return csvPart({
    fileName: `${fileStem(meta)}-coupon-codes.csv`,
    destination: 'klaviyo-coupons',
    header: COUPON_UPLOAD_COLUMNS,
    rows: treated.length,
    cells: (i) => [treated[i].code],
    warnings: [],
  })
}

/** Mailchimp-style: merge fields COUPON, OFFER and EXPIRES (the expiry as words, ready to print in a mail). */
export function mailchimpPart(input: ExportInput): ExportPart {
  return mailingListPart(input, { tool: 'Mailchimp', suffix: 'mailchimp', destination: 'mailchimp', header: MAILCHIMP_COLUMNS, expires: formatDay(input.meta.expiresAt, input.meta.locale) })
}

export const writeKlaviyoProfilesCsv = (input: ExportInput): ExportFile => textFile(klaviyoProfilesPart(input))
export const writeCouponUploadCsv = (input: ExportInput): ExportFile => textFile(couponUploadPart(input))
export const writeMailchimpCsv = (input: ExportInput): ExportFile => textFile(mailchimpPart(input))
