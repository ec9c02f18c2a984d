import { describe, expect, it } from 'vitest'
import { classifyLine } from '../../../src-main/engine/ingest/pipeline/line-kind'
import { normaliseStatus } from '../../../src-main/engine/ingest/pipeline/order-status'

describe('order status', () => {
  it.each([
    ['paid', '', 'paid'],
    ['partially_refunded', '', 'partially_refunded'],
    ['refunded', '', 'refunded'],
    ['pending', '', 'pending'],
    ['paid', '2024-02-01 10:00:00 -0500', 'cancelled'],
    ['交易关闭', '', 'cancelled'],
    ['买家已付款，等待卖家发货', '', 'paid'],
    ['卖家已发货，等待买家确认', '', 'paid'],
    ['等待确认收货', '', 'paid'],
    ['等待买家付款', '', 'pending'],
    ['退款成功', '', 'refunded'],
    ['交易成功', '', 'paid'],
    ['wc-completed', '', 'paid'],
    ['something odd', '', 'other'],
  ])('%s (cancelled at %s) → %s', (financial, cancelledAt, expected) => {
    expect(normaliseStatus(financial, cancelledAt)).toBe(expected)
  })
})

describe('line kind', () => {
  const codes = new Set(['POST', 'D', 'M', 'BANK CHARGES', 'AMAZONFEE'])
  it.each([
    ['POST', 'POSTAGE', 'shipping'],
    ['D', 'Discount', 'discount'],
    ['M', 'Manual', 'adjustment'],
    ['BANK CHARGES', 'Bank Charges', 'fee'],
    ['AMAZONFEE', 'AMAZON FEE', 'fee'],
    ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 'product'],
    ['22138', 'BAKING SET 9 PIECE RETROSPOT', 'product'],
    ['', 'Shipping', 'shipping'],
    ['', '运费', 'shipping'],
    ['', 'Toy delivery van with driver figure', 'product'],
    ['VAN1', 'Delivery van', 'product'],
  ])('%s %s → %s', (sku, name, expected) => {
    expect(classifyLine(sku, name, codes)).toBe(expected)
  })
})
