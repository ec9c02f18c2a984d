/**
 * The message catalogues and the plain (non-reactive) lookup.
 *
 * Kept free of Svelte runes so unit tests and the engine's reject-CSV writer
 * can use the same interpolation rules as the UI.
 */
import en from './en.json'
import zhCN from './zh-CN.json'
import type { Locale } from '../../../src-main/engine/api'

export type MessageKey = keyof typeof en
export type MessageParams = Record<string, string | number | null | undefined>

export const LOCALES: readonly Locale[] = ['en', 'zh-CN']

// zh-CN is typed against en's keys so a key missing from it is a compile error.
const zh: Record<MessageKey, string> = zhCN
export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zh }

/**
 * Shown where a sentence names a value the engine did not send: a visible gap
 * reads better than a raw `{placeholder}`.
 */
const MISSING = '—'

export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    return value === undefined || value === null || value === '' ? MISSING : String(value)
  })
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key)
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(catalogues[locale][key] ?? en[key], params)
}

/** The {placeholder} names a template uses, for tests and for checking engine params. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort()
}
