/**
 * Files for e-mail tools: a Klaviyo-style profile CSV (custom properties per
 * profile), a one-column coupon upload, and a Mailchimp-style merge CSV. The
 * merchant mails each customer their own code with these.
 */
import { toCsv } from '../csv-text'
import { ExportError, type ExportFile, type ExportInput, type ExportMeta } from '../export-types'
import { fileStem, personal, sentences, treatedRows, type TreatedRow } from '../export-rows'
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
export function writeKlaviyoProfilesCsv({ meta, rows }: ExportInput): ExportFile {
  const warnings = mailable(meta, 'Klaviyo profile')
  const kept = withEmail(meta, treatedRows(rows), warnings)
  const sentence = sentences(meta)
  const body = kept.map((row) => {
    const who = personal(meta, row)
    return [who.email, who.firstName, row.code, sentence(row), meta.expiresAt.slice(0, 10)]
  })
  return { fileName: `${fileStem(meta)}-klaviyo-profiles.csv`, content: toCsv(KLAVIYO_COLUMNS, body), rows: body.length, warnings }
}

/** The codes alone, for an e-mail tool's coupon pool (Klaviyo "Upload coupon codes"). */
export function writeCouponUploadCsv({ meta, rows }: ExportInput): ExportFile {
  const treated = treatedRows(rows)
  return { fileName: `${fileStem(meta)}-coupon-codes.csv`, content: toCsv(COUPON_UPLOAD_COLUMNS, treated.map((row) => [row.code])), rows: treated.length, warnings: [] }
}

/** Mailchimp-style: merge fields COUPON, OFFER and EXPIRES (the expiry as words, ready to print in a mail). */
export function writeMailchimpCsv({ meta, rows }: ExportInput): ExportFile {
  const warnings = mailable(meta, 'Mailchimp')
  const kept = withEmail(meta, treatedRows(rows), warnings)
  const sentence = sentences(meta)
  const expires = formatDay(meta.expiresAt, meta.locale)
  const body = kept.map((row) => {
    const who = personal(meta, row)
    return [who.email, who.firstName, row.code, sentence(row), expires]
  })
  return { fileName: `${fileStem(meta)}-mailchimp.csv`, content: toCsv(MAILCHIMP_COLUMNS, body), rows: body.length, warnings }
}
