import { describe, expect, it } from 'vitest'
import { normaliseHeader } from '../../../src-main/engine/ingest/values'

describe('normaliseHeader', () => {
  it.each([
    ['Order ID', 'order id'],
    ['  Order   ID\t', 'order id'],
    ['\uFEFFOrder ID', 'order id'],
    ['"Order ID"', 'order id'],
    ["'Order ID'", 'order id'],
    ['“Order ID”', 'order id'],
    ['Order\u00a0ID', 'order id'],
    ['订单编号', '订单编号'],
    ['Customer "VIP" flag', 'customer "vip" flag'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseHeader(raw)).toBe(expected)
  })
})
