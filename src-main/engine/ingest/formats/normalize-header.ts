/**
 * Header names as detection compares them. Exports of the same layout differ
 * in case, spacing and punctuation ("Lineitem sku" / "lineitem_sku" /
 * "LINEITEM SKU"), Excel adds quotes and a BOM, and Chinese exports mix
 * full-width and half-width brackets ("商品总价（元）" / "商品总价(元)"), so
 * two keys are compared instead of the raw text.
 */
export interface HeaderKey {
  /** Letters and digits only, lower case, Latin accents dropped: "Lineitem sku" → "lineitemsku", "Währung" → "wahrung". */
  full: string
  /**
   * The same without bracketed annotations, which usually carry a unit or a
   * side: "Unit Price (EUR)" → "unitprice", "商品总价(元)" → "商品总价",
   * "Email (Billing)" → "email". Equal to `full` when there is no bracket.
   */
  bare: string
}

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】/g

function squash(text: string): string {
  return (
    text
      // '#' and '%' carry meaning ("Order #" is an order number, "Discount %" is not an amount).
      .replace(/#/g, ' no ')
      .replace(/%/g, ' percent ')
      .toLowerCase()
      // Accents and ß are spelt either way in exports ("Währung" / "Wahrung", "Straße" / "Strasse"):
      // Latin diacritics are dropped (only U+0300–036F, so kana and hangul keep their marks).
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[^\p{L}\p{N}]+/gu, '')
  )
}

export function headerKey(raw: string): HeaderKey {
  // NFKC folds full-width letters, digits and brackets to their ASCII forms.
  const text = raw.normalize('NFKC').replace(/^\uFEFF/, '').replace(/\uFEFF/g, '').trim().replace(/^["']+|["']+$/g, '')
  const full = squash(text)
  const bare = squash(text.replace(BRACKETED, ' '))
  return { full, bare: bare === '' ? full : bare }
}
