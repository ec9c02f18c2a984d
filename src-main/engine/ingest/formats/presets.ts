import { CAMPAIGN_PRESETS } from './campaigns'
import { CHINESE_PLATFORM_PRESETS } from './chinese-platforms'
import { GENERIC_PRESETS } from './generic'
import { ONLINE_RETAIL_PRESETS } from './online-retail'
import type { FormatPreset } from './preset'
import { REDEMPTION_PRESETS } from './redemptions'
import { SHOPIFY_PRESETS } from './shopify'
import { WOOCOMMERCE_PRESETS } from './woocommerce'

/**
 * Every known layout, specific ones first. The order breaks ties in detection
 * and is the order the Import step lists them in; the generic fallbacks come
 * last so a specific layout always wins a tie.
 */
export const PRESETS: readonly FormatPreset[] = [
  ...SHOPIFY_PRESETS,
  ...WOOCOMMERCE_PRESETS,
  ...ONLINE_RETAIL_PRESETS,
  ...CHINESE_PLATFORM_PRESETS,
  ...CAMPAIGN_PRESETS,
  ...REDEMPTION_PRESETS,
  ...GENERIC_PRESETS,
]

const BY_ID = new Map(PRESETS.map((preset) => [preset.id, preset]))

export function presetById(id: string): FormatPreset | undefined {
  return BY_ID.get(id)
}

/** A generic preset has no signature: it matches by synonyms alone. */
export function isGenericPreset(preset: FormatPreset): boolean {
  return preset.signature.length === 0
}
