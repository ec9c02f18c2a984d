/** The Shopify products export (2024 layout) with `Cost per item`. */
import { SHOPIFY_PRODUCTS_2024_HEADER } from '../../../src-main/engine/ingest/formats/shopify-headers'
import { OWN, PRODUCTS, TAXONOMY, type Variant } from '../catalogue'
import { csvCell, csvLine, money } from './csv'

export function productsCsv(catalogue: readonly Variant[]): string {
  const lines = [SHOPIFY_PRODUCTS_2024_HEADER.map(csvCell).join(',')]
  for (const product of PRODUCTS) {
    const variants = catalogue.filter((v) => v.product === product)
    variants.forEach((variant, index) => {
      const first = index === 0
      lines.push(
        csvLine(SHOPIFY_PRODUCTS_2024_HEADER, {
          Handle: variant.handle,
          Title: first ? product.title : '',
          'Body (HTML)': first ? `<p>${product.title}. ${product.vendor === OWN ? 'Made in our Brooklyn studio in small batches.' : `From our friends at ${product.vendor}.`}</p>` : '',
          Vendor: first ? product.vendor : '',
          'Product Category': first ? TAXONOMY[product.category] : '',
          Type: first ? product.category : '',
          Tags: first ? product.tags : '',
          Published: first ? 'true' : '',
          'Option1 Name': first ? (product.option ?? 'Title') : '',
          'Option1 Value': variant.optionValue,
          'Variant SKU': variant.sku,
          'Variant Grams': String(variant.grams),
          'Variant Inventory Tracker': 'shopify',
          'Variant Inventory Policy': 'deny',
          'Variant Fulfillment Service': 'manual',
          'Variant Price': money(variant.priceAfter),
          'Variant Requires Shipping': 'true',
          'Variant Taxable': 'true',
          'Image Src': first ? `https://cdn.example.com/juniper-lane/${variant.handle}.jpg` : '',
          'Image Position': first ? '1' : '',
          'Image Alt Text': first ? product.title : '',
          'Gift Card': first ? 'false' : '',
          'SEO Title': first ? `${product.title} | Juniper Lane` : '',
          'Variant Weight Unit': 'g',
          'Cost per item': money(variant.cost),
          Status: first ? 'active' : '',
        }),
      )
    })
  }
  return lines.join('\n') + '\n'
}
