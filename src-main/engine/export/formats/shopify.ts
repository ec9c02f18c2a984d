/**
 * Shopify. Its admin cannot import discount codes from CSV, so merchants use
 * either a Matrixify-style "Discounts" sheet or the Admin GraphQL API; both are
 * written here, one discount per offer carrying one single-use code per
 * treated customer. Field meanings: docs/export-formats.md.
 */
import { toCsv } from '../csv-text'
import { ExportError, type ExportFile, type ExportInput, type ExportMeta } from '../export-types'
import { amountText, fileStem, treatedRows, windowTimes } from '../export-rows'
import { exportNote } from '../offer-text'
import { toXlsx, type XlsxCell } from '../xlsx-text'
import { chunks, groupByOffer, type OfferGroup } from './offer-groups'

export const MATRIXIFY_COLUMNS = [
  'Title',
  'Command',
  'Code',
  'Type',
  'Value Type',
  'Value',
  'Minimum Requirement',
  'Minimum Value',
  'Limit Total Times',
  'Limit One Use Per Customer',
  'Starts At',
  'Ends At',
] as const

/** Shopify accepts at most 250 codes per discountRedeemCodeBulkAdd call. */
export const SHOPIFY_BULK_CODES = 250

/**
 * Matrixify follows Shopify's price rules: amounts off are negative values
 * ("-15" = 15 % off, "-5" = 5 off), and free shipping is a -100 % rule.
 */
function matrixifyValue(group: OfferGroup): { type: string; valueType: string; value: number } {
  const { offer } = group
  switch (offer.type) {
    case 'percent':
      return { type: 'Percentage', valueType: 'percentage', value: -offer.value }
    case 'fixed':
    case 'spend_x_save_y':
      return { type: 'Fixed Amount', valueType: 'fixed_amount', value: -offer.value }
    case 'free_shipping':
      return { type: 'Free Shipping', valueType: 'percentage', value: -100 }
  }
}

function matrixifyRows(meta: ExportMeta, groups: OfferGroup[]): XlsxCell[][] {
  const { startsAt, endsAt } = windowTimes(meta)
  const rows: XlsxCell[][] = []
  for (const group of groups) {
    const v = matrixifyValue(group)
    const min = group.offer.minSpend > 0
    for (const row of group.rows) {
      rows.push([
        group.title,
        'NEW',
        row.code,
        v.type,
        v.valueType,
        v.value,
        min ? 'Minimum Purchase Amount' : 'None',
        min ? group.offer.minSpend : null,
        1,
        'TRUE',
        startsAt,
        endsAt,
      ])
    }
  }
  return rows
}

/** Scoped offers cannot be restricted in this layout: each gets a note to set "Applies to" after the import. */
function matrixifyNotes(meta: ExportMeta, groups: OfferGroup[]): string[] {
  return groups.filter((g) => g.scope !== null).map((g) => exportNote(meta.locale, 'scopedMatrixify', { title: g.title, name: g.scope?.name ?? '' }))
}

/** Matrixify CSV: the file name must contain "discount" for Matrixify to read it as Discounts. */
export function writeShopifyMatrixifyCsv({ meta, rows }: ExportInput): ExportFile {
  const groups = groupByOffer(meta, treatedRows(rows))
  const body = matrixifyRows(meta, groups)
  return { fileName: `${fileStem(meta)}-shopify-discounts.csv`, content: toCsv(MATRIXIFY_COLUMNS, body), rows: body.length, warnings: matrixifyNotes(meta, groups) }
}

/** The same sheet as XLSX; Matrixify finds it by the sheet name "Discounts". */
export async function writeShopifyMatrixifyXlsx({ meta, rows }: ExportInput): Promise<ExportFile> {
  const groups = groupByOffer(meta, treatedRows(rows))
  const body = matrixifyRows(meta, groups)
  return { fileName: `${fileStem(meta)}-shopify-discounts.xlsx`, content: await toXlsx('Discounts', MATRIXIFY_COLUMNS, body), rows: body.length, warnings: matrixifyNotes(meta, groups) }
}

const USER_ERRORS = 'userErrors { field code message }'
export const BASIC_CREATE = `mutation discountCodeBasicCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) { codeDiscountNode { id } ${USER_ERRORS} }
}`
export const FREE_SHIPPING_CREATE = `mutation discountCodeFreeShippingCreate($freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) {
  discountCodeFreeShippingCreate(freeShippingCodeDiscount: $freeShippingCodeDiscount) { codeDiscountNode { id } ${USER_ERRORS} }
}`
export const BULK_ADD = `mutation discountRedeemCodeBulkAdd($discountId: ID!, $codes: [DiscountRedeemCodeInput!]!) {
  discountRedeemCodeBulkAdd(discountId: $discountId, codes: $codes) { bulkCreation { id } ${USER_ERRORS} }
}`

export interface ShopifyApiDocument {
  format: 'shopify-admin-graphql'
  /** The API version the inputs were written for (customerSelection is deprecated in later versions in favour of context). */
  apiVersion: string
  campaign: string
  notes: string[]
  discounts: {
    title: string
    offerId: string
    codes: number
    create: { mutation: string; variables: Record<string, unknown> }
    /** discountId is null: fill it with the create call's codeDiscountNode.id. */
    bulkAdd: { mutation: string; variables: { discountId: string | null; codes: { code: string }[] } }[]
  }[]
}

function items(group: OfferGroup): Record<string, unknown> {
  if (group.scope === null) return { all: true }
  const id = group.scope.shopifyId
  if (!id) throw new ExportError(`The Shopify ${group.offer.scope === 'category' ? 'collection' : 'product'} id of "${group.scope.name}" is needed for the discount "${group.title}".`)
  return group.offer.scope === 'category' ? { collections: { add: [id] } } : { products: { productsToAdd: [id] } }
}

function createCall(meta: ExportMeta, group: OfferGroup, firstCode: string): { mutation: string; variables: Record<string, unknown> } {
  const { startsAt, endsAt } = windowTimes(meta)
  const { offer } = group
  const common = {
    title: group.title,
    code: firstCode,
    startsAt,
    endsAt,
    customerSelection: { all: true },
    minimumRequirement: offer.minSpend > 0 ? { subtotal: { greaterThanOrEqualToSubtotal: amountText(offer.minSpend) } } : null,
    appliesOncePerCustomer: true,
    // Shopify counts a bulk discount's usage limit per code: each code works once.
    usageLimit: 1,
  }
  if (offer.type === 'free_shipping') {
    return { mutation: FREE_SHIPPING_CREATE, variables: { freeShippingCodeDiscount: { ...common, destination: { all: true } } } }
  }
  // The API takes percentages as a fraction: 15 % off is 0.15.
  const value =
    offer.type === 'percent'
      ? { percentage: Math.round(offer.value * 100) / 10000 }
      : { discountAmount: { amount: amountText(offer.value), appliesOnEachItem: false } }
  return { mutation: BASIC_CREATE, variables: { basicCodeDiscount: { ...common, customerGets: { value, items: items(group) } } } }
}

/** One JSON document: per offer, its create call (with the first code) and the rest of its codes in batches of ≤ 250. */
export function writeShopifyApiJson({ meta, rows }: ExportInput): ExportFile {
  const groups = groupByOffer(meta, treatedRows(rows))
  const document: ShopifyApiDocument = {
    format: 'shopify-admin-graphql',
    apiVersion: '2024-10',
    campaign: meta.campaignName,
    notes: [
      'Run each create mutation, then its bulkAdd calls with discountId set to the created codeDiscountNode.id.',
      meta.utcOffsetMinutes === null ? 'The shop time zone is unknown: startsAt/endsAt carry no offset and Shopify reads them as UTC.' : '',
    ].filter((note) => note !== ''),
    discounts: groups.map((group) => {
      const codes = group.rows.map((row) => row.code)
      return {
        title: group.title,
        offerId: group.offer.id,
        codes: codes.length,
        create: createCall(meta, group, codes[0]),
        bulkAdd: chunks(codes.slice(1), SHOPIFY_BULK_CODES).map((batch) => ({
          mutation: BULK_ADD,
          variables: { discountId: null, codes: batch.map((code) => ({ code })) },
        })),
      }
    }),
  }
  const codes = groups.reduce((sum, group) => sum + group.rows.length, 0)
  return { fileName: `${fileStem(meta)}-shopify-api.json`, content: `${JSON.stringify(document, null, 2)}\n`, rows: codes, warnings: [] }
}
