/**
 * The renderer's i18n catalogue, read by the engine too, so a reject reason
 * reads the same in the rejects CSV as on screen, in either language.
 */
import en from '../../../src-renderer/lib/i18n/en.json'
import zhCN from '../../../src-renderer/lib/i18n/zh-CN.json'
import type { Locale } from '../api'

type Catalogue = Record<string, unknown>

const CATALOGUES: Record<Locale, Catalogue> = { en: en as Catalogue, 'zh-CN': zhCN as Catalogue }

function lookup(catalogue: Catalogue, key: string): string | undefined {
  if (typeof catalogue[key] === 'string') return catalogue[key] as string
  let node: unknown = catalogue
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** The catalogue sentence for `key` with {params} filled in, or `fallback` when the key is missing. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}, fallback = key): string {
  const template = lookup(CATALOGUES[locale], key) ?? lookup(CATALOGUES.en, key)
  if (template === undefined) return fallback
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])))
}
