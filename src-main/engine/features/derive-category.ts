/**
 * A category from a product name, for shops whose exports carry none (UCI
 * Online Retail, most marketplace exports). Deterministic and explainable:
 * the category is the product's head noun, taken as the LAST word of the
 * name that is not a modifier — colour, size, pattern/style/material,
 * occasion, character line, quantity word — then singularised:
 *
 *   "WHITE HANGING HEART T-LIGHT HOLDER" → holder
 *   "JUMBO BAG RED RETROSPOT"            → bag
 *   "SET OF 3 CAKE TINS PANTRY DESIGN"   → tin
 *   "WOODLAND SMALL RED FELT HEART"      → heart (only modifiers: the last word)
 *
 * English shop names put the noun last and pile decoration after it, which
 * is what the modifier list strips. Variant suffixes (" - Large / Red") are
 * cut first. For CJK names the last character of the last word is used:
 * Chinese compound nouns end in their head (保温杯 → 杯, cup).
 */

const MODIFIERS = new Set(
  [
    // colours and finishes
    'red white pink blue green black cream ivory gold golden silver purple yellow brown orange grey gray beige navy',
    'turquoise teal lilac aqua mint peach coral copper bronze multi multicolour multicolor colour color colours colors',
    'coloured colored pastel bright clear natural dark',
    // sizes and shapes
    'small large medium mini jumbo big giant tiny xs xl xxl extra single double triple tall long short wide round square',
    // patterns, styles, materials
    'design designs retrospot polkadot polka dot dots spot spots spotty stripe stripes striped gingham paisley floral',
    'vintage retro antique classic regency baroque edwardian victorian french english london style zinc metal wooden',
    'wood felt enamel ceramic diamante wicker lace bakelike pantry hanging painted decorative love sweetheart assorted',
    // motifs, character lines, occasions
    'heart hearts star stars spaceboy woodland skull skulls dolly girl boy charlie lola christmas xmas easter halloween',
    'birthday wedding',
    // quantity and filler words
    'of and the with in on for a an to by set sets pack packs piece pieces new asst one two three four five six',
    // units ("45x45cm" leaves "cm"; "CAKESTAND 3 TIER")
    'cm mm ml cl kg inch inches pcs tier tiers',
  ]
    .join(' ')
    .split(' '),
)

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/

/** Lower-case word tokens (letters only, so sizes and codes like "50'S" drop out), for categories and product towers. */
export function nameTokens(name: string): string[] {
  return (name.toLowerCase().replace(/['’]/g, '').match(/\p{L}+/gu) ?? []).filter((t) => t.length > 1 || CJK.test(t))
}

export function deriveCategory(name: string | null | undefined): string {
  if (!name) return 'other'
  // "Product - Variant" (Shopify, WooCommerce): the variant names a size or colour, not the product.
  const base = name.split(/\s[-|–]\s/)[0]
  const tokens = nameTokens(base)
  if (tokens.length === 0) return 'other'
  const head = [...tokens].reverse().find((t) => !MODIFIERS.has(t)) ?? tokens[tokens.length - 1]
  if (CJK.test(head)) return head.slice(-1)
  return singular(head)
}

/** English plural to singular, for the common shapes only (candles, boxes, doilies, glasses). */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (/(ches|shes|xes|sses|zzes)$/.test(word)) return word.slice(0, -2)
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1)
  return word
}
