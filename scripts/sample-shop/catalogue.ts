/** What Juniper Lane sells: products, variants, prices (with the 2024 rise) and costs. */

import { dayOf } from './calendar'
import type { Random } from './random'

export const CATEGORIES = ['Candles', 'Tea', 'Drinkware', 'Kitchen Textiles', 'Stationery', 'Bath & Body', 'Home Decor', 'Gift Sets'] as const
export type Category = (typeof CATEGORIES)[number]

/** Month-by-month appetite per category (Jan..Dec). */
export const CATEGORY_SEASON: Record<Category, readonly number[]> = {
  Candles: [0.9, 1.0, 0.8, 0.7, 0.8, 0.6, 0.5, 0.6, 0.9, 1.3, 1.6, 1.8],
  Tea: [1.4, 1.3, 1.1, 0.9, 0.8, 0.6, 0.5, 0.6, 0.9, 1.2, 1.3, 1.3],
  Drinkware: [1.0, 0.9, 0.9, 0.9, 1.0, 0.9, 0.8, 0.9, 1.0, 1.0, 1.2, 1.4],
  'Kitchen Textiles': [0.9, 0.9, 1.1, 1.2, 1.1, 1.0, 0.9, 0.9, 1.0, 1.0, 1.2, 1.1],
  Stationery: [1.4, 1.1, 0.8, 0.8, 0.9, 0.8, 0.8, 1.2, 1.3, 0.9, 1.0, 1.5],
  'Bath & Body': [0.9, 1.5, 1.0, 1.0, 1.5, 0.9, 0.9, 0.9, 0.9, 0.9, 1.1, 1.3],
  'Home Decor': [0.8, 0.9, 1.2, 1.3, 1.2, 0.9, 0.8, 0.9, 1.2, 1.2, 1.1, 1.0],
  'Gift Sets': [0.4, 0.9, 0.5, 0.6, 1.2, 0.6, 0.5, 0.5, 0.6, 0.9, 1.8, 2.6],
}

/** Shopify's product taxonomy path per category, as the export writes it. */
export const TAXONOMY: Record<Category, string> = {
  Candles: 'Home & Garden > Decor > Home Fragrances > Candles',
  Tea: 'Food, Beverages & Tobacco > Beverages > Tea & Infusions',
  Drinkware: 'Home & Garden > Kitchen & Dining > Tableware > Drinkware',
  'Kitchen Textiles': 'Home & Garden > Linens & Bedding > Table Linens',
  Stationery: 'Office Supplies > General Office Supplies > Paper Products',
  'Bath & Body': 'Health & Beauty > Personal Care > Cosmetics > Bath & Body',
  'Home Decor': 'Home & Garden > Decor',
  'Gift Sets': 'Arts & Entertainment > Party & Celebration > Gift Giving',
}

export interface ProductDef {
  title: string
  category: Category
  vendor: string
  /** [option value, price, cost]; no option name means a single default variant. */
  variants: readonly (readonly [string, number, number])[]
  option?: string
  popularity: number
  /** Sells almost only in November and December. */
  holiday?: boolean
  tags: string
}

export const OWN = 'Juniper Lane'
export const PRODUCTS: readonly ProductDef[] = [
  { title: 'Fig & Cedar Candle', category: 'Candles', vendor: OWN, option: 'Size', variants: [['Small', 18, 6.1], ['Large', 34, 11.4]], popularity: 10, tags: 'bestseller, candles' },
  { title: 'Sea Salt Candle', category: 'Candles', vendor: OWN, option: 'Size', variants: [['Small', 18, 6.1], ['Large', 34, 11.4]], popularity: 8, tags: 'candles' },
  { title: 'Amber & Smoke Candle', category: 'Candles', vendor: OWN, option: 'Size', variants: [['Small', 19, 6.4], ['Large', 36, 12.1]], popularity: 6, tags: 'candles' },
  { title: 'Winter Pine Candle', category: 'Candles', vendor: OWN, variants: [['', 36, 12.3]], popularity: 6, holiday: true, tags: 'candles, holiday' },
  { title: 'Lavender Field Candle', category: 'Candles', vendor: OWN, variants: [['', 28, 9.2]], popularity: 4, tags: 'candles' },
  { title: 'Tea Light Set of 12', category: 'Candles', vendor: 'Northwick Wax Co.', variants: [['', 12, 4.6]], popularity: 5, tags: 'candles' },
  { title: 'Bergamot Reed Diffuser', category: 'Candles', vendor: OWN, variants: [['', 32, 11.8]], popularity: 4, tags: 'home fragrance' },
  { title: 'Brass Candle Snuffer', category: 'Candles', vendor: 'Foundry & Fern', variants: [['', 24, 10.5]], popularity: 2, tags: 'accessories' },
  { title: 'Earl Grey Loose Leaf', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['100 g', 14, 4.2]], popularity: 9, tags: 'tea, black tea' },
  { title: 'Sencha Green Tea', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['50 g', 12, 3.9]], popularity: 6, tags: 'tea, green tea' },
  { title: 'Masala Chai', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['100 g', 15, 4.5]], popularity: 7, tags: 'tea, spiced' },
  { title: 'Chamomile Blossom', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['50 g', 11, 3.3]], popularity: 5, tags: 'tea, herbal' },
  { title: 'Aged Pu-erh', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['100 g', 19, 6.8]], popularity: 2, tags: 'tea' },
  { title: 'Jasmine Pearls', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['50 g', 18, 6.2]], popularity: 4, tags: 'tea, green tea' },
  { title: 'Peppermint Leaf', category: 'Tea', vendor: 'Hillside Tea Co.', option: 'Weight', variants: [['50 g', 10, 2.9]], popularity: 4, tags: 'tea, herbal' },
  { title: 'Winter Spice Blend', category: 'Tea', vendor: OWN, option: 'Weight', variants: [['100 g', 16, 4.9]], popularity: 5, holiday: true, tags: 'tea, holiday' },
  { title: 'Stoneware Mug', category: 'Drinkware', vendor: 'Clayworks Studio', option: 'Glaze', variants: [['Speckled', 22, 8.75], ['Midnight', 22, 8.75], ['Sage', 22, 8.75]], popularity: 9, tags: 'mugs, handmade' },
  { title: 'Glass Teapot 600 ml', category: 'Drinkware', vendor: 'Clearbrook Glass', variants: [['', 38, 15.5]], popularity: 4, tags: 'teaware' },
  { title: 'Steel Tea Infuser', category: 'Drinkware', vendor: 'Clearbrook Glass', variants: [['', 9, 2.7]], popularity: 6, tags: 'teaware' },
  { title: 'Double-Wall Glass Cups, Set of 2', category: 'Drinkware', vendor: 'Clearbrook Glass', variants: [['', 26, 10.2]], popularity: 4, tags: 'glassware' },
  { title: 'Insulated Travel Tumbler', category: 'Drinkware', vendor: 'Clearbrook Glass', variants: [['', 30, 12.0]], popularity: 3, tags: 'travel' },
  { title: 'Porcelain Tea Cups, Set of 4', category: 'Drinkware', vendor: 'Clayworks Studio', variants: [['', 34, 13.9]], popularity: 3, tags: 'teaware' },
  { title: 'Matcha Bowl & Whisk Set', category: 'Drinkware', vendor: 'Clayworks Studio', variants: [['', 42, 17.5]], popularity: 3, tags: 'teaware, matcha' },
  { title: 'Linen Napkins, Set of 4', category: 'Kitchen Textiles', vendor: OWN, option: 'Colour', variants: [['Sage', 26, 9.8], ['Oat', 26, 9.8]], popularity: 6, tags: 'linen, table' },
  { title: 'Linen Tea Towel', category: 'Kitchen Textiles', vendor: OWN, variants: [['', 14, 4.9]], popularity: 6, tags: 'linen' },
  { title: 'Waffle Dish Cloths, Set of 3', category: 'Kitchen Textiles', vendor: 'Fold & Weave', variants: [['', 12, 4.1]], popularity: 4, tags: 'kitchen' },
  { title: 'Linen Apron', category: 'Kitchen Textiles', vendor: OWN, variants: [['', 38, 14.5]], popularity: 3, tags: 'linen' },
  { title: 'Cotton Table Runner', category: 'Kitchen Textiles', vendor: 'Fold & Weave', variants: [['', 32, 12.6]], popularity: 2, tags: 'table' },
  { title: 'Quilted Pot Holders, Pair', category: 'Kitchen Textiles', vendor: 'Fold & Weave', variants: [['', 16, 5.6]], popularity: 3, tags: 'kitchen' },
  { title: 'Letterpress Thank You Cards', category: 'Stationery', vendor: 'Paper Moth Press', option: 'Pack', variants: [['Pack of 6', 16, 5.2]], popularity: 5, tags: 'cards' },
  { title: 'Botanical Greeting Card', category: 'Stationery', vendor: 'Paper Moth Press', variants: [['', 6, 1.6]], popularity: 7, tags: 'cards' },
  { title: 'Linen Notebook A5', category: 'Stationery', vendor: 'Paper Moth Press', variants: [['', 22, 7.9]], popularity: 4, tags: 'notebooks' },
  { title: 'Recycled Gift Wrap, 3 Sheets', category: 'Stationery', vendor: 'Paper Moth Press', variants: [['', 10, 3.1]], popularity: 4, holiday: true, tags: 'gift wrap, holiday' },
  { title: 'Brass Bookmark', category: 'Stationery', vendor: 'Foundry & Fern', variants: [['', 14, 5.3]], popularity: 3, tags: 'gifts' },
  { title: 'Weekly Desk Planner', category: 'Stationery', vendor: 'Paper Moth Press', variants: [['', 24, 8.2]], popularity: 3, tags: 'planners' },
  { title: 'Wax Seal Kit', category: 'Stationery', vendor: 'Foundry & Fern', variants: [['', 28, 11.0]], popularity: 2, tags: 'gifts' },
  { title: 'Washi Tape Set', category: 'Stationery', vendor: 'Paper Moth Press', variants: [['', 9, 2.8]], popularity: 4, tags: 'crafts' },
  { title: 'Oat Milk Soap Bar', category: 'Bath & Body', vendor: 'Meadow Apothecary', variants: [['', 9, 2.9]], popularity: 8, tags: 'soap' },
  { title: 'Lavender Bath Salts', category: 'Bath & Body', vendor: 'Meadow Apothecary', variants: [['', 18, 5.7]], popularity: 5, tags: 'bath' },
  { title: 'Rose Hand Cream', category: 'Bath & Body', vendor: 'Meadow Apothecary', variants: [['', 16, 5.1]], popularity: 6, tags: 'skin care' },
  { title: 'Bamboo Bath Tray', category: 'Bath & Body', vendor: 'Fold & Weave', variants: [['', 48, 21.0]], popularity: 2, tags: 'bath' },
  { title: 'Konjac Sponge', category: 'Bath & Body', vendor: 'Meadow Apothecary', variants: [['', 8, 2.2]], popularity: 4, tags: 'skin care' },
  { title: 'Neroli Body Oil', category: 'Bath & Body', vendor: 'Meadow Apothecary', variants: [['', 26, 8.9]], popularity: 3, tags: 'skin care' },
  { title: 'Linen Bath Towel', category: 'Bath & Body', vendor: OWN, option: 'Colour', variants: [['Natural', 44, 18.5], ['Charcoal', 44, 18.5]], popularity: 3, tags: 'linen, bath' },
  { title: 'Merino Throw', category: 'Home Decor', vendor: 'Fold & Weave', option: 'Colour', variants: [['Grey', 68, 31.5], ['Rust', 68, 31.5]], popularity: 4, tags: 'throws, wool' },
  { title: 'Wool Cushion Cover', category: 'Home Decor', vendor: 'Fold & Weave', variants: [['', 36, 14.8]], popularity: 4, tags: 'cushions' },
  { title: 'Ceramic Bud Vase', category: 'Home Decor', vendor: 'Clayworks Studio', variants: [['', 24, 8.9]], popularity: 6, tags: 'vases' },
  { title: 'Dried Flower Bouquet', category: 'Home Decor', vendor: OWN, variants: [['', 32, 12.4]], popularity: 5, tags: 'flowers' },
  { title: 'Woven Storage Basket', category: 'Home Decor', vendor: 'Fold & Weave', variants: [['', 40, 17.2]], popularity: 3, tags: 'storage' },
  { title: 'Brass Candle Holder', category: 'Home Decor', vendor: 'Foundry & Fern', variants: [['', 28, 11.6]], popularity: 4, tags: 'candle holders' },
  { title: 'Winter Wreath Kit', category: 'Home Decor', vendor: OWN, variants: [['', 39, 17.25]], popularity: 4, holiday: true, tags: 'holiday, diy' },
  { title: 'Linen Lampshade', category: 'Home Decor', vendor: OWN, variants: [['', 58, 24.0]], popularity: 2, tags: 'lighting' },
  { title: "Tea Lover's Gift Box", category: 'Gift Sets', vendor: OWN, variants: [['', 45, 19.0]], popularity: 6, tags: 'gifts, tea' },
  { title: 'Cozy Night In Box', category: 'Gift Sets', vendor: OWN, variants: [['', 75, 33.0]], popularity: 4, tags: 'gifts' },
  { title: 'Spa Day Gift Set', category: 'Gift Sets', vendor: OWN, variants: [['', 58, 24.5]], popularity: 4, tags: 'gifts, bath' },
  { title: 'Thank You Box', category: 'Gift Sets', vendor: OWN, variants: [['', 35, 14.2]], popularity: 3, tags: 'gifts' },
  { title: 'Advent Tea Calendar', category: 'Gift Sets', vendor: OWN, variants: [['', 48, 19.8]], popularity: 5, holiday: true, tags: 'gifts, tea, holiday' },
]

/** On 2024-03-01 tea and candle prices rose (wax and tea costs went up): real price variation over time. */
export const PRICE_RISE_DAY = dayOf('2024-03-01')
export const PRICE_RISE: Partial<Record<Category, number>> = { Tea: 1.08, Candles: 1.06 }

export interface Variant {
  product: ProductDef
  handle: string
  sku: string
  /** Lineitem name as Shopify writes it: "Title - Option" or just "Title". */
  lineName: string
  optionValue: string
  priceBefore: number // cents
  priceAfter: number // cents
  cost: number // cents
  grams: number
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

export function skuStem(product: ProductDef): string {
  const prefix: Record<Category, string> = {
    Candles: 'CND', Tea: 'TEA', Drinkware: 'DRK', 'Kitchen Textiles': 'KTX', Stationery: 'STN', 'Bath & Body': 'BTH', 'Home Decor': 'DEC', 'Gift Sets': 'GFT',
  }
  const words = product.title.replace(/[^A-Za-z ]/g, '').split(' ').filter((w) => w.length > 2 && !['Set', 'The', 'And'].includes(w))
  return `${prefix[product.category]}-${words.slice(0, 2).map((w) => w.slice(0, 4).toUpperCase()).join('')}`
}

/** Rounds a raised price to a shop-like figure: whole dollars, or .50 below $10. */
export function shopPrice(dollars: number): number {
  return dollars < 10 ? Math.round(dollars * 2) * 50 : Math.round(dollars) * 100
}

export function buildCatalogue(random: Random): Variant[] {
  const variants: Variant[] = []
  for (const product of PRODUCTS) {
    const handle = slug(product.title)
    const stem = skuStem(product)
    product.variants.forEach(([value, price, cost], index) => {
      const rise = PRICE_RISE[product.category] ?? 1
      variants.push({
        product,
        handle,
        sku: product.variants.length > 1 ? `${stem}-${slug(value).slice(0, 4).toUpperCase()}` : stem,
        lineName: value === '' ? product.title : `${product.title} - ${value}`,
        optionValue: value === '' ? 'Default Title' : value,
        priceBefore: price * 100,
        priceAfter: rise === 1 ? price * 100 : shopPrice(price * rise),
        cost: Math.round(cost * 100),
        grams: 80 + random.int(0, 12) * 50 + index * 10,
      })
    })
  }
  return variants
}

export function unitPrice(variant: Variant, day: number): number {
  return day >= PRICE_RISE_DAY ? variant.priceAfter : variant.priceBefore
}
