/**
 * Shopify. Its admin cannot import discount codes from CSV, so merchants use
 * either a Matrixify-style "Discounts" sheet or the Admin GraphQL API; both are
 * written here, one discount per offer carrying one single-use code per
 * treated customer. Field meanings: docs/export-formats.md.
 */
import { ExportError, type ExportFile, type ExportInput, type ExportMeta } from '../export-types'
import { amountText, fileStem, treatedRows, windowTimes, type TreatedRow } from '../export-rows'
import { csvPart, jsonPart, renderedFile, textFile, xlsxPart, type ExportPart, type TableSpec } from '../export-table'
import { exportNote } from '../offer-text'
import type { XlsxCell } from '../xlsx-text'
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

/** One row per code, the codes of one offer together (Matrixify groups rows by Title). */
function matrixifyTable(meta: ExportMeta, groups: OfferGroup[], extension: 'csv' | 'xlsx'): TableSpec {
  const { startsAt, endsAt } = windowTimes(meta)
  const flat: { group: OfferGroup; row: TreatedRow }[] = []
  for (const group of groups) for (const row of group.rows) flat.push({ group, row })
  const values = new Map(groups.map((group) => [group, matrixifyValue(group)]))
  return {
    fileName: `${fileStem(meta)}-shopify-discounts.${extension}`,
    destination: 'shopify-matrixify',
    header: MATRIXIFY_COLUMNS,
    rows: flat.length,
    cells: (i): XlsxCell[] => {
      const { group, row } = flat[i]
      const v = values.get(group) as ReturnType<typeof matrixifyValue>
      const min = group.offer.minSpend > 0
      return [
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
      ]
    },
    warnings: matrixifyNotes(meta, groups),
  }
}

/** Scoped offers cannot be restricted in this layout: each gets a note to set "Applies to" after the import. */
function matrixifyNotes(meta: ExportMeta, groups: OfferGroup[]): string[] {
  return groups.filter((g) => g.scope !== null).map((g) => exportNote(meta.locale, 'scopedMatrixify', { title: g.title, name: g.scope?.name ?? '' }))
}

/** Matrixify CSV: the file name must contain "discount" for Matrixify to read it as Discounts. */
export function shopifyMatrixifyCsvPart({ meta, rows }: ExportInput): ExportPart {
  return csvPart(matrixifyTable(meta, groupByOffer(meta, treatedRows(rows)), 'csv'))
}

/** The same sheet as XLSX; Matrixify finds it by the sheet name "Discounts". */
export function shopifyMatrixifyXlsxPart({ meta, rows }: ExportInput): ExportPart {
  return xlsxPart(matrixifyTable(meta, groupByOffer(meta, treatedRows(rows)), 'xlsx'), 'Discounts')
}

export const writeShopifyMatrixifyCsv = (input: ExportInput): ExportFile => textFile(shopifyMatrixifyCsvPart(input))
export const writeShopifyMatrixifyXlsx = (input: ExportInput): Promise<ExportFile> => renderedFile(shopifyMatrixifyXlsxPart(input))

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
  if (!id) {
    const what = group.offer.scope === 'category' ? 'collection' : 'product'
    throw new ExportError(
      `The offer "${group.title}" is limited to the ${group.offer.scope} "${group.scope.name}", but the store does not hold its Shopify ${what} id ` +
        `(gid://shopify/${what === 'collection' ? 'Collection' : 'Product'}/…), which the Admin API needs. Use the Matrixify sheet of this same format ` +
        `(its discounts import whole-shop; set "Applies to" on each scoped discount after the import), the generic CSV, or a plan without scoped offers.`,
    )
  }
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
export function shopifyApiPart({ meta, rows }: ExportInput): ExportPart {
  const groups = groupByOffer(meta, treatedRows(rows))
  // Built now, not when written: a scoped offer without its Shopify id is refused at the preview already.
  const creates = groups.map((group) => createCall(meta, group, group.rows[0].code))
  const codes = groups.reduce((sum, group) => sum + group.rows.length, 0)
  const input = (i: number): Record<string, unknown> => Object.values(creates[i].variables)[0] as Record<string, unknown>
  return jsonPart({
    fileName: `${fileStem(meta)}-shopify-api.json`,
    destination: 'shopify-api',
    rows: codes,
    warnings: [],
    preview: {
      header: ['title', 'mutation', 'code', 'customerGets', 'minimumRequirement', 'usageLimit', 'appliesOncePerCustomer', 'startsAt', 'endsAt', 'codes', 'bulkAdd'],
      rows: groups.length,
      unit: 'discounts',
      cells: (i) => {
        const variables = input(i)
        return [
          groups[i].title,
          creates[i].mutation === BASIC_CREATE ? 'discountCodeBasicCreate' : 'discountCodeFreeShippingCreate',
          variables.code,
          variables.customerGets ?? variables.destination,
          variables.minimumRequirement,
          variables.usageLimit,
          variables.appliesOncePerCustomer,
          variables.startsAt,
          variables.endsAt,
          groups[i].rows.length,
          Math.ceil((groups[i].rows.length - 1) / SHOPIFY_BULK_CODES),
        ]
      },
    },
    document: (): ShopifyApiDocument => ({
      format: 'shopify-admin-graphql',
      apiVersion: '2024-10',
      campaign: meta.campaignName,
      notes: [
        'Run each create mutation, then its bulkAdd calls with discountId set to the created codeDiscountNode.id.',
        meta.utcOffsetMinutes === null ? 'The shop time zone is unknown: startsAt/endsAt carry no offset and Shopify reads them as UTC.' : '',
      ].filter((note) => note !== ''),
      discounts: groups.map((group, i) => {
        const codes = group.rows.map((row) => row.code)
        return {
          title: group.title,
          offerId: group.offer.id,
          codes: codes.length,
          create: creates[i],
          bulkAdd: chunks(codes.slice(1), SHOPIFY_BULK_CODES).map((batch) => ({
            mutation: BULK_ADD,
            variables: { discountId: null, codes: batch.map((code) => ({ code })) },
          })),
        }
      }),
    }),
  })
}

export const writeShopifyApiJson = (input: ExportInput): ExportFile => textFile(shopifyApiPart(input))
