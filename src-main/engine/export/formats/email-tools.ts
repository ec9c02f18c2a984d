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

/** Klaviyo-style: Email first (the profile key), then first name and the custom properties; the expiry as a date Klaviyo can type. */
export function klaviyoProfilesPart({ meta, rows }: ExportInput): ExportPart {
  const warnings = mailable(meta, 'Klaviyo profile')
  const kept = withEmail(meta, treatedRows(rows), warnings)
  const sentence = sentences(meta)
  const expires = meta.expiresAt.slice(0, 10)
  return csvPart({
    fileName: `${fileStem(meta)}-klaviyo-profiles.csv`,
    destination: 'klaviyo-profiles',
    header: KLAVIYO_COLUMNS,
    rows: kept.length,
    cells: (i) => {
      const row = kept[i]
      const who = personal(meta, row)
      return [who.email, who.firstName, row.code, sentence(row), expires]
    },
    warnings,
  })
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
export function mailchimpPart({ meta, rows }: ExportInput): ExportPart {
  const warnings = mailable(meta, 'Mailchimp')
  const kept = withEmail(meta, treatedRows(rows), warnings)
  const sentence = sentences(meta)
  const expires = formatDay(meta.expiresAt, meta.locale)
  return csvPart({
    fileName: `${fileStem(meta)}-mailchimp.csv`,
    destination: 'mailchimp',
    header: MAILCHIMP_COLUMNS,
    rows: kept.length,
    cells: (i) => {
      const row = kept[i]
      const who = personal(meta, row)
      return [who.email, who.firstName, row.code, sentence(row), expires]
    },
    warnings,
  })
}

export const writeKlaviyoProfilesCsv = (input: ExportInput): ExportFile => textFile(klaviyoProfilesPart(input))
export const writeCouponUploadCsv = (input: ExportInput): ExportFile => textFile(couponUploadPart(input))
export const writeMailchimpCsv = (input: ExportInput): ExportFile => textFile(mailchimpPart(input))
