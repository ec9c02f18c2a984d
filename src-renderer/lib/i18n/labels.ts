/**
 * Names and sentences for things the engine sends as ids and codes. Each
 * reads the reactive locale through `t`/`tDynamic`, so markup that calls them
 * follows a language switch.
 */
import type { BackendInfo, BatchStatus, Locale } from '../../../src-main/engine/api'
import type { FileIssue } from '../../../src-main/engine/shared/issue'
import type { CanonicalField, DateOrder, RecordKind } from '../../../src-main/engine/ingest/formats/fields'
import type { Delimiter, FileKind, TextEncoding } from '../../../src-main/engine/ingest/read/types'
import { EngineError } from '../engine-error'
import { isMessageKey, type MessageParams } from './catalogue'
import { i18n, t, tDynamic } from './i18n.svelte'
import * as format from './format'

export const formatName = (presetId: string): string => tDynamic(`format.${presetId}`, presetId)
export const kindName = (kind: RecordKind): string => tDynamic(`kind.${kind}`, kind)
export const fieldName = (field: CanonicalField): string => tDynamic(`field.${field}`, field)
export const statusName = (status: BatchStatus): string => tDynamic(`status.${status}`, status)
export const encodingName = (encoding: TextEncoding): string => tDynamic(`encoding.${encoding}`, encoding)
export const fileTypeName = (kind: FileKind): string => tDynamic(`fileType.${kind}`, kind)
export const dateOrderName = (order: DateOrder): string => tDynamic(`dateOrder.${order}`, order)
export const stepName = (step: string): string => tDynamic(`job.step.${step}`, step)
/** Models and baselines are named by id in reports (`rfm-logistic`); a new id shows as sent. */
export const modelName = (name: string): string => tDynamic(`learn.model.${name}`, name)
export const backendName = (name: BackendInfo['name']): string => tDynamic(`learn.backend.${name}`, name)

const DELIMITER_KEYS = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', whitespace: 'whitespace' } as const
export const delimiterName = (delimiter: Delimiter): string =>
  tDynamic(`delimiter.${DELIMITER_KEYS[delimiter]}`, delimiter)

export const localeName = (locale: Locale): string => tDynamic(`lang.${locale}`, locale)

/**
 * Engine params name canonical fields by id (`unit_price`, or alternatives as
 * `sku / product_name`); show them by their translated names.
 */
function translateFieldParam(value: string | number | undefined): string | number | undefined {
  if (typeof value !== 'string') return value
  return value
    .split(' / ')
    .map((part) => tDynamic(`field.${part}`, part))
    .join(' / ')
}

/**
 * A FileIssue in the merchant's language. The column travels beside the params
 * in a FileIssue, so it is merged in for sentences that name it.
 */
export function issueText(issue: FileIssue): string {
  const params: MessageParams = { column: issue.column, row: issue.row, ...issue.params }
  return tDynamic(`reject.${issue.code}`, issue.message, { ...params, field: translateFieldParam(issue.params?.field) })
}

/**
 * Any thrown thing → one sentence for an error notice. Engine codes are either
 * catalogue keys already (`reject.file.binary`) or live under `error.`.
 */
export function errorText(error: unknown): string {
  if (error instanceof EngineError) {
    const params = { message: error.message, ...error.params, field: translateFieldParam(error.params.field) }
    for (const key of [error.code, `error.${error.code}`]) {
      if (isMessageKey(key) && (key.startsWith('reject.') || key.startsWith('error.'))) return t(key, params)
    }
    // An unknown code still has the engine's English sentence, which beats a generic one.
    return error.message || t('error.generic', params)
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) })
}

/** The Intl formatters bound to the current locale. */
export const fmt = {
  number: (value: number, digits = 0) => format.formatNumber(i18n.locale, value, digits),
  fixed: (value: number, digits: number) => format.formatFixed(i18n.locale, value, digits),
  days: (days: number) => format.formatDays(i18n.locale, days),
  money: (value: number, currency: string, style: format.MoneyStyle = 'exact') =>
    format.formatMoney(i18n.locale, value, currency, style),
  percent: (ratio: number) => format.formatPercent(i18n.locale, ratio),
  /** A model's chance: "over 99%" / "under 1%" at the ends, never "100%". */
  chance: (p: number) => {
    const { text, bound } = format.formatChance(i18n.locale, p)
    return bound === null ? text : t(`common.chance.${bound}`, { value: text })
  },
  fileSize: (bytes: number) => format.formatFileSize(i18n.locale, bytes),
  date: (iso: string) => format.formatDate(i18n.locale, iso),
  dateTime: (iso: string) => format.formatDateTime(i18n.locale, iso),
  month: (month: string, style: 'long' | 'short' = 'long') => format.formatMonth(i18n.locale, month, style),
  duration: (seconds: number) => format.formatDuration(i18n.locale, seconds),
}
