/**
 * The files of an export before they are written: short, safe names; which
 * tool each is for; a preview sample that is exactly the file's first rows
 * (after formula neutralisation) in every format; and rendering that reports
 * rows across files and stops when its progress callback throws.
 */
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS, exportParts, renderParts } from '../../../src-main/engine/export/export-files'
import { fileStem } from '../../../src-main/engine/export/export-rows'
import type { ShopifyApiDocument } from '../../../src-main/engine/export/formats/shopify'
import type { Reason } from '../../../src-main/engine/planner/planner-api'
import type { WooRestDocument } from '../../../src-main/engine/export/formats/woocommerce'
import { FIXED5, FREE_SHIPPING, PERCENT15, holdoutRow, hostileRow, meta, readCsv, row } from './export-fixtures'

const ROWS = [hostileRow(1), ...Array.from({ length: 12 }, (_, i) => row(i + 2, { offer: [PERCENT15, FIXED5, FREE_SHIPPING][i % 3] })), holdoutRow(90), holdoutRow(91)]
const input = { meta: meta(), rows: ROWS }

describe('file names', () => {
  it('name the plan once, lower-case, from letters, digits and dashes only', () => {
    expect(fileStem(meta({ planId: 12, campaignName: 'Offerwise plan 12' }))).toBe('offerwise-plan-12')
    expect(fileStem(meta({ planId: 3, campaignName: 'Été: "Spring/Sale" <VIP>?' }))).toBe('plan-3-ete-spring-sale-vip')
    expect(fileStem(meta({ planId: 3, campaignName: '春季促销' }))).toBe('plan-3-春季促销')
    expect(fileStem(meta({ planId: 3, campaignName: '...' }))).toBe('plan-3')
    const long = fileStem(meta({ planId: 3, campaignName: 'a'.repeat(39) + ' b c d' }))
    expect(long.length).toBeLessThanOrEqual(48)
    expect(long).not.toMatch(/-$/)
    for (const format of EXPORT_FORMATS) {
      for (const part of exportParts({ meta: meta({ campaignName: 'Con: a|b*c.' }), rows: ROWS }, { format, withHoldout: true })) {
        // Nothing Windows or macOS refuses or treats specially: no reserved characters, no trailing dot or space.
        expect(part.fileName).toMatch(/^plan-3-con-a-b-c-[A-Za-z-]+\.(csv|xlsx|json)$/)
      }
    }
  })
})

describe('preview samples', () => {
  it('are the header and first rows of each CSV file exactly as written, formulas neutralised', async () => {
    for (const format of ['csv', 'shopify', 'woocommerce', 'klaviyo', 'mailchimp'] as const) {
      const parts = exportParts(input, { format, withHoldout: true })
      const files = await renderParts(parts)
      parts.forEach((part, i) => {
        if (!part.fileName.endsWith('.csv')) return
        const [header, ...body] = readCsv(files[i].content as string)
        const sample = part.sample()
        expect(sample.header).toEqual(header)
        expect(sample.rows).toEqual(body.slice(0, 5))
        expect(sample).toMatchObject({ unit: 'rows', of: body.length })
        expect(files[i].rows).toBe(body.length)
        expect(part.rows).toBe(body.length)
      })
    }
    const generic = exportParts(input, { format: 'csv', withHoldout: false })[0].sample()
    expect(generic.rows[0][generic.header.indexOf('customer_id')]).toBe("'-2+3")
    expect(generic.rows[0][generic.header.indexOf('email')]).toBe("'+1@example.com")
  })

  it('write reasons with their numbers formatted as the Plan step shows them, never raw floats', () => {
    const reasons: Reason[] = [
      { code: 'uses-discounts', params: { ordersShare: 0.3178488261764869 } },
      { code: 'expected-gain', params: { extraOrders: 0.025632352917455137, profitMoney: 4.528407573699951, costMoney: 0.45112937688827515, withoutChance: 0.2563235150882974, withChance: 0.28195586800575256 } },
    ]
    const sample = exportParts({ meta: meta(), rows: [row(1, { reasons })] }, { format: 'csv', withHoldout: false })[0].sample()
    const text = sample.rows[0][sample.header.indexOf('reason')]
    expect(text).toContain('32%')
    expect(text).toContain('£4.53')
    expect(text).toContain('25.6%')
    expect(text).not.toMatch(/\d\.\d{4,}/)
  })

  it('say which tool each file is for', () => {
    const destinations = EXPORT_FORMATS.map((format) => exportParts(input, { format, withHoldout: format === 'csv' }).map((p) => p.destination))
    expect(destinations).toEqual([
      ['spreadsheet', 'holdout'],
      ['excel'],
      ['shopify-matrixify', 'shopify-api'],
      ['woocommerce-import', 'woocommerce-rest'],
      ['klaviyo-profiles', 'klaviyo-coupons'],
      ['mailchimp'],
    ])
  })

  it('show an XLSX file the same cells as its CSV twin', () => {
    const xlsx = exportParts(input, { format: 'xlsx', withHoldout: false })[0].sample()
    const csv = exportParts(input, { format: 'csv', withHoldout: false })[0].sample()
    expect(xlsx).toEqual(csv)
  })

  it('show JSON files as a table of their first items, values as the document holds them', async () => {
    const [, wooPart] = exportParts(input, { format: 'woocommerce', withHoldout: false })
    const woo = JSON.parse((await renderParts([wooPart]))[0].content as string) as WooRestDocument
    const wooSample = wooPart.sample()
    expect(wooSample.rows).toHaveLength(5)
    wooSample.rows.forEach((cells, i) => {
      const coupon = woo.batches[0].create[i] as unknown as Record<string, unknown>
      wooSample.header.forEach((field, j) => expect(cells[j]).toBe(typeof coupon[field] === 'string' ? coupon[field] : JSON.stringify(coupon[field])))
    })
    const [, shopifyPart] = exportParts(input, { format: 'shopify', withHoldout: false })
    const shopify = JSON.parse((await renderParts([shopifyPart]))[0].content as string) as ShopifyApiDocument
    const shopifySample = shopifyPart.sample()
    // One row per discount (offer), with its title, first code and number of codes.
    expect(shopifySample.rows.map((r) => r[0])).toEqual(shopify.discounts.map((d) => d.title))
    expect(shopifySample.rows.map((r) => Number(r[shopifySample.header.indexOf('codes')]))).toEqual(shopify.discounts.map((d) => d.codes))
    expect(shopifySample.rows[2][1]).toBe('discountCodeFreeShippingCreate')
    expect(shopifySample).toMatchObject({ unit: 'discounts', of: 3 })
    expect(wooSample).toMatchObject({ unit: 'coupons', of: 13 })
  })
})

describe('rendering', () => {
  it('reports rows across all files up to their total, and stops when progress throws', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => row(i))
    const parts = exportParts({ meta: meta(), rows: many }, { format: 'klaviyo', withHoldout: false })
    const seen: [number, number][] = []
    await renderParts(parts, (done, total) => seen.push([done, total]))
    expect(seen.every(([, total]) => total === 10_000)).toBe(true)
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b))
    expect(seen.at(-1)).toEqual([10_000, 10_000])
    expect(seen.length).toBeGreaterThan(4)

    class Stop extends Error {}
    await expect(
      renderParts(parts, (done) => {
        if (done > 0) throw new Stop()
      }),
    ).rejects.toBeInstanceOf(Stop)
  })
})
