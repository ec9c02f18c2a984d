import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormats, mappingFor } from '../../../src-main/engine/ingest/formats/detect'
import type { ColumnMapping } from '../../../src-main/engine/ingest/formats/fields'
import { missingRequired } from '../../../src-main/engine/ingest/formats/fields'
import { PRESETS, isGenericPreset, presetById } from '../../../src-main/engine/ingest/formats/presets'
import { SHOPIFY_ORDERS_HEADER } from '../../../src-main/engine/ingest/formats/shopify-headers'
import { SHARED_DATA, fixtureHeader } from './fixture-header'

interface Case {
  file: string
  preset: string
  mapping: ColumnMapping
}

/** Every fixture, the preset it must be detected as, and the key columns of its mapping. */
const CASES: Case[] = [
  {
    file: 'shopify-orders.csv',
    preset: 'shopify-orders',
    mapping: {
      order_id: 'Name', order_date: 'Created at', customer_email: 'Email', customer_name: 'Billing Name',
      sku: 'Lineitem sku', product_name: 'Lineitem name', quantity: 'Lineitem quantity', unit_price: 'Lineitem price',
      line_discount: 'Lineitem discount', discount_code: 'Discount Code', order_discount: 'Discount Amount',
      shipping: 'Shipping', order_total: 'Total', currency: 'Currency', financial_status: 'Financial Status',
      cancelled_at: 'Cancelled at', refunded_amount: 'Refunded Amount', country: 'Billing Country', city: 'Billing City',
    },
  },
  {
    file: 'shopify-customers-current.csv',
    preset: 'shopify-customers',
    mapping: {
      customer_id: 'Customer ID', customer_email: 'Email', first_name: 'First Name', last_name: 'Last Name',
      accepts_marketing: 'Accepts Email Marketing', country: 'Default Address Country Code', city: 'Default Address City', tags: 'Tags',
    },
  },
  {
    file: 'shopify-customers-legacy.csv',
    preset: 'shopify-customers',
    mapping: { customer_email: 'Email', first_name: 'First Name', accepts_marketing: 'Accepts Marketing', country: 'Country Code', city: 'City' },
  },
  {
    file: 'shopify-products.csv',
    preset: 'shopify-products',
    mapping: { product_key: 'Handle', sku: 'Variant SKU', product_name: 'Title', category: 'Type', vendor: 'Vendor', unit_price: 'Variant Price', cost: 'Cost per item', tags: 'Tags' },
  },
  {
    file: 'shopify-products-new.csv',
    preset: 'shopify-products',
    mapping: { product_key: 'Handle', sku: 'Variant SKU', cost: 'Cost per item', unit_price: 'Variant Price' },
  },
  {
    file: 'woocommerce-products.csv',
    preset: 'woocommerce-products',
    mapping: { product_key: 'ID', sku: 'SKU', product_name: 'Name', category: 'Categories', unit_price: 'Regular price', tags: 'Tags' },
  },
  {
    file: 'woocommerce-orders.csv',
    preset: 'woocommerce-orders',
    mapping: {
      order_id: 'Order Number', order_date: 'Order Date', customer_email: 'Email (Billing)', country: 'Country Code (Billing)',
      financial_status: 'Order Status', sku: 'SKU', product_name: 'Item Name', quantity: 'Quantity', unit_price: 'Item Cost',
      order_total: 'Order Total Amount', discount_code: 'Coupon Code', order_discount: 'Cart Discount Amount',
      shipping: 'Order Shipping Amount', refunded_amount: 'Order Refund Amount', currency: 'Order Currency',
    },
  },
  {
    file: 'online-retail.csv',
    preset: 'online-retail',
    mapping: { order_id: 'InvoiceNo', sku: 'StockCode', product_name: 'Description', quantity: 'Quantity', order_date: 'InvoiceDate', unit_price: 'UnitPrice', customer_id: 'CustomerID', country: 'Country' },
  },
  {
    file: 'online-retail-ii.csv',
    preset: 'online-retail-ii',
    mapping: { order_id: 'Invoice', sku: 'StockCode', product_name: 'Description', quantity: 'Quantity', order_date: 'InvoiceDate', unit_price: 'Price', customer_id: 'Customer ID', country: 'Country' },
  },
  {
    file: 'taobao-orders-gbk.csv',
    preset: 'taobao-orders',
    mapping: {
      order_id: '订单编号', customer_id: '买家会员名', order_date: '订单创建时间', product_name: '宝贝标题', sku: '商家编码',
      quantity: '购买数量', unit_price: '价格', order_discount: '店铺优惠', order_total: '买家实际支付金额',
      financial_status: '订单状态', refunded_amount: '退款金额', shipping: '买家应付邮费',
    },
  },
  {
    file: 'jd-orders.csv',
    preset: 'jd-orders',
    mapping: {
      order_id: '订单号', order_date: '下单时间', sku: '商品ID', product_name: '商品名称', quantity: '订购数量', unit_price: '京东价',
      order_discount: '优惠金额', customer_id: '下单帐号', financial_status: '订单状态', order_total: '应付金额', shipping: '运费金额',
    },
  },
  {
    file: 'pinduoduo-orders.csv',
    preset: 'pinduoduo-orders',
    mapping: {
      order_id: '订单号', product_name: '商品', sku: '商品id', quantity: '商品数量(件)', line_total: '商品总价(元)',
      order_discount: '店铺优惠折扣(元)', order_date: '支付时间', financial_status: '订单状态', order_total: '用户实付金额(元)',
    },
  },
  {
    file: 'generic-order-lines.csv',
    preset: 'generic-order-lines',
    mapping: {
      order_id: 'Order ID', order_date: 'Date', customer_id: 'Customer', customer_email: 'Email', product_name: 'Product', sku: 'SKU',
      category: 'Category', quantity: 'Qty', unit_price: 'Unit price', line_discount: 'Discount', line_total: 'Amount', currency: 'Currency',
    },
  },
  {
    file: 'generic-orders-us.csv',
    preset: 'generic-orders',
    mapping: {
      order_id: 'Order #', order_date: 'Order Date', customer_name: 'Customer Name', customer_email: 'Customer Email',
      financial_status: 'Status', discount_code: 'Coupon Code', order_discount: 'Discount', shipping: 'Shipping', order_total: 'Order Total',
    },
  },
  {
    file: 'generic-ambiguous-dates.csv',
    preset: 'generic-order-lines',
    mapping: { order_id: 'Order', order_date: 'Date', product_name: 'Product', quantity: 'Quantity', unit_price: 'Price' },
  },
  {
    file: 'generic-customers.csv',
    preset: 'generic-customers',
    mapping: { customer_id: 'Customer ID', customer_name: 'Name', customer_email: 'Email', signed_up_at: 'Signup Date', accepts_marketing: 'Newsletter', tags: 'Tags' },
  },
  {
    file: '../campaigns/woocommerce-customers.csv',
    preset: 'woocommerce-customers',
    mapping: { customer_email: 'Email', customer_name: 'Name', total_spent: 'Total spend', orders_count: 'Orders', signed_up_at: 'Date registered' },
  },
  {
    file: '../campaigns/campaigns.csv',
    preset: 'campaign-members',
    mapping: { campaign_id: 'campaign_id', campaign_name: 'campaign_name', customer_email: 'email', group: 'group', discount_type: 'discount_type', sent_at: 'sent_at', expires_at: 'expires_at', code: 'code' },
  },
  {
    file: '../results/redemptions.csv',
    preset: 'redemptions',
    mapping: { code: 'code', order_id: 'order_id', order_date: 'used at', order_discount: 'amount', customer_email: 'email' },
  },
]

describe('detectFormats on the fixtures', () => {
  for (const { file, preset, mapping } of CASES) {
    it(`detects ${file} as ${preset}`, () => {
      const guesses = detectFormats(fixtureHeader(file))
      expect(guesses[0].presetId).toBe(preset)
      expect(guesses[0].mapping).toMatchObject(mapping)
      expect(missingRequired(guesses[0].kind, guesses[0].mapping)).toEqual([])
      if (!isGenericPreset(presetById(preset)!)) {
        expect(guesses[0].confidence).toBeGreaterThanOrEqual(0.9)
        // The runner-up is clearly behind: a sure guess, not a coin toss.
        expect(guesses[0].confidence - guesses[1].confidence).toBeGreaterThan(0.1)
      }
    })
  }

  it('covers every preset with a fixture or an inline header', () => {
    const covered = new Set([...CASES.map((c) => c.preset), 'generic-products'])
    expect([...covered].sort()).toEqual(PRESETS.map((p) => p.id).sort())
  })
})

describe('the real Shopify header', () => {
  const path = join(SHARED_DATA, 'formats/shopify_orders_export_header.csv')

  it('matches the header the fixtures and the sample shop write', () => {
    if (!existsSync(path)) return // the shared data folder is absent on some machines
    expect(readFileSync(path, 'utf8').trim().split(',')).toEqual([...SHOPIFY_ORDERS_HEADER])
  })

  it('is detected as shopify-orders with the id from Name, not Id', () => {
    const [best] = detectFormats([...SHOPIFY_ORDERS_HEADER])
    expect(best.presetId).toBe('shopify-orders')
    expect(best.confidence).toBe(1)
    expect(best.mapping.order_id).toBe('Name')
    expect(best.mapping.customer_email).toBe('Email')
    expect(best.mapping.customer_id).toBeUndefined()
  })
})

describe('ranking rules', () => {
  it('never ranks a generic preset above a specific preset whose signature matched', () => {
    for (const { file } of CASES) {
      const guesses = detectFormats(fixtureHeader(file))
      const firstGeneric = guesses.findIndex((g) => isGenericPreset(presetById(g.presetId)!))
      const signed = guesses.filter((g) => !isGenericPreset(presetById(g.presetId)!) && g.confidence >= 0.6)
      for (const specific of signed) expect(guesses.indexOf(specific)).toBeLessThan(firstGeneric)
    }
  })

  it('always offers the four generic presets as fallbacks', () => {
    for (const header of [fixtureHeader('shopify-orders.csv'), ['foo'], []]) {
      const ids = detectFormats(header).map((g) => g.presetId)
      for (const id of ['generic-order-lines', 'generic-orders', 'generic-customers', 'generic-products']) expect(ids).toContain(id)
    }
  })

  it('lists only presets with some confidence besides the generic ones', () => {
    for (const guess of detectFormats(fixtureHeader('online-retail.csv'))) {
      if (!isGenericPreset(presetById(guess.presetId)!)) expect(guess.confidence).toBeGreaterThan(0)
    }
  })

  it('sorts best first', () => {
    const confidences = detectFormats(fixtureHeader('jd-orders.csv')).map((g) => g.confidence)
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a))
  })

  it('gives low confidence to everything when nothing is recognisable', () => {
    const guesses = detectFormats(['Spalte 1', 'Foo', 'xyzzy', 'Col_4'])
    for (const guess of guesses) expect(guess.confidence).toBeLessThan(0.2)
  })

  it('tells the two Online Retail releases apart', () => {
    const first = detectFormats(fixtureHeader('online-retail.csv'))
    const second = detectFormats(fixtureHeader('online-retail-ii.csv'))
    expect(first.findIndex((g) => g.presetId === 'online-retail')).toBeLessThan(first.findIndex((g) => g.presetId === 'online-retail-ii'))
    expect(second.findIndex((g) => g.presetId === 'online-retail-ii')).toBeLessThan(second.findIndex((g) => g.presetId === 'online-retail'))
  })

  it('prefers generic-orders for a sheet with a total and no product columns', () => {
    const guesses = detectFormats(['Order ID', 'Date', 'Customer', 'Email', 'Total'])
    expect(guesses[0].presetId).toBe('generic-orders')
    const withProducts = detectFormats(['Order ID', 'Date', 'Customer', 'Product', 'Quantity', 'Price', 'Total'])
    expect(withProducts[0].presetId).toBe('generic-order-lines')
  })

  it('detects a generic product list', () => {
    const [best] = detectFormats(['SKU', 'Product Name', 'Category', 'Brand', 'Price', 'Cost'])
    expect(best.presetId).toBe('generic-products')
    expect(best.mapping).toMatchObject({ sku: 'SKU', product_name: 'Product Name', category: 'Category', vendor: 'Brand', unit_price: 'Price', cost: 'Cost' })
  })

  it('does not claim a merchant sheet for Online Retail because it says "Invoice No" and "Unit Price"', () => {
    const [best] = detectFormats(['Invoice No', 'Invoice Date', 'Item', 'Qty', 'Unit Price', 'Customer'])
    expect(best.presetId).toBe('generic-order-lines')
  })
})

describe('header comparison', () => {
  it('ignores case, spacing, punctuation, quotes and a BOM', () => {
    const header = ['\uFEFF"name"', 'created_at', 'LINEITEM_SKU', 'lineitem-name', ' Lineitem  Quantity ', 'lineitem.price', 'financial status', 'fulfillment_status', 'billing_name']
    const [best] = detectFormats(header)
    expect(best.presetId).toBe('shopify-orders')
    expect(best.mapping).toMatchObject({ order_id: '\uFEFF"name"', sku: 'LINEITEM_SKU', quantity: ' Lineitem  Quantity ', unit_price: 'lineitem.price' })
  })

  it('accepts full-width brackets and a unit the synonym does not name', () => {
    const header = ['商品', '订单号', '商品总价（元）', '店铺优惠折扣（元）', '商品数量（件）', '支付时间', '用户实付金额（元）']
    const [best] = detectFormats(header)
    expect(best.presetId).toBe('pinduoduo-orders')
    expect(best.mapping.line_total).toBe('商品总价（元）')
    const generic = detectFormats(['Order', 'Date', 'Product', 'Qty', 'Unit Price (EUR)'])
    expect(generic[0].mapping.unit_price).toBe('Unit Price (EUR)')
  })

  it('gives each column to one field only', () => {
    for (const preset of PRESETS) {
      const mapping = mappingFor(preset, fixtureHeader('shopify-orders.csv'))
      const columns = Object.values(mapping)
      expect(new Set(columns).size).toBe(columns.length)
    }
  })

  it('returns header cells exactly as given', () => {
    const header = fixtureHeader('pinduoduo-orders.csv')
    const mapping = mappingFor(presetById('pinduoduo-orders')!, header)
    for (const column of Object.values(mapping)) expect(header).toContain(column)
  })

  it('detects Chinese generic headers', () => {
    const [best] = detectFormats(['订单号', '日期', '客户', '商品名称', '数量', '单价', '金额'])
    expect(best.presetId).toBe('generic-order-lines')
    expect(best.mapping).toMatchObject({ order_id: '订单号', order_date: '日期', customer_id: '客户', product_name: '商品名称', quantity: '数量', unit_price: '单价' })
  })
})

describe('presets', () => {
  it('use the ids the UI catalogue knows', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'shopify-orders', 'shopify-customers', 'shopify-products', 'woocommerce-orders', 'woocommerce-products',
      'woocommerce-customers', 'online-retail', 'online-retail-ii', 'taobao-orders', 'jd-orders', 'pinduoduo-orders',
      'campaign-members', 'redemptions', 'generic-order-lines', 'generic-orders', 'generic-customers', 'generic-products',
    ])
    expect(presetById('nope')).toBeUndefined()
  })

  it('carry the Online Retail conventions', () => {
    for (const id of ['online-retail', 'online-retail-ii']) {
      const preset = presetById(id)!
      expect(preset.defaultCurrency).toBe('GBP')
      expect(preset.cancellationIdPrefix).toBe('C')
      expect(preset.nonProductSkus).toEqual(expect.arrayContaining(['POST', 'DOT', 'D', 'M', 'BANK CHARGES', 'AMAZONFEE', 'gift_0001_10']))
    }
    expect(presetById('shopify-orders')!.fillDownOrderFields).toBe(true)
    expect(presetById('shopify-customers')!.stripLeadingApostrophe).toBe(true)
    for (const id of ['taobao-orders', 'jd-orders', 'pinduoduo-orders']) expect(presetById(id)!.defaultCurrency).toBe('CNY')
  })

  it('only map fields their kind may use', async () => {
    const { FIELDS_BY_KIND } = await import('../../../src-main/engine/ingest/formats/fields')
    for (const preset of PRESETS) {
      for (const field of Object.keys(preset.columns)) expect(FIELDS_BY_KIND[preset.kind]).toContain(field)
    }
  })
})
