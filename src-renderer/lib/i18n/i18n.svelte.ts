/**
 * The reactive locale. Components call `t(...)` in markup; because `t` reads
 * `i18n.locale` (a $state field), every translated string re-renders when the
 * merchant switches language, without a store subscription per component.
 */
import type { Locale } from '../../../src-main/engine/api'
import { LOCALES, isMessageKey, translate, type MessageKey, type MessageParams } from './catalogue'

class I18n {
  locale = $state<Locale>(initialLocale())

  set(locale: Locale): void {
    this.locale = locale
    document.documentElement.lang = locale
  }
}

/** Before the engine's saved setting arrives, follow the browser so the first paint is in the right language. */
function initialLocale(): Locale {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages
  return preferred.some((lang) => lang.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en'
}

export const i18n = new I18n()

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value)
}

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(i18n.locale, key, params)
}

/**
 * For keys built from engine data (`format.<id>`, `reject.<code>`...). An id the
 * catalogue does not know yet falls back to `fallback` rather than showing a key.
 */
export function tDynamic(key: string, fallback: string, params?: MessageParams): string {
  return isMessageKey(key) ? translate(i18n.locale, key, params) : fallback
}
