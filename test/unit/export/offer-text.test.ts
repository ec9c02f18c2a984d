import { describe, expect, it } from 'vitest'
import { formatMoney, offerSentence } from '../../../src-main/engine/export/offer-text'
import { FIXED5, FREE_SHIPPING, PERCENT10_CATEGORY, PERCENT15, SPEND40SAVE5 } from './export-fixtures'

describe('offer sentence', () => {
  it('says the offer and its last day in English', () => {
    expect(offerSentence(PERCENT15, 'GBP', '2024-12-14', 'en')).toBe('15% off your next order, until 14 Dec 2024')
    expect(offerSentence(FIXED5, 'GBP', '2024-12-14', 'en')).toBe('£5 off your next order, until 14 Dec 2024')
    expect(offerSentence(SPEND40SAVE5, 'GBP', '2024-12-14', 'en')).toBe('£5 off orders of £40 or more, until 14 Dec 2024')
    expect(offerSentence(FREE_SHIPPING, 'GBP', '2024-12-14', 'en')).toBe('Free shipping on your next order, until 14 Dec 2024')
    expect(offerSentence(PERCENT10_CATEGORY, 'GBP', '2024-12-14', 'en', 'Tea')).toBe('10% off your next order on Tea, until 14 Dec 2024')
  })

  it('says it in Chinese', () => {
    expect(offerSentence(PERCENT15, 'CNY', '2024-12-14', 'zh-CN')).toBe('下次订单享15%折扣，有效期至2024年12月14日')
    expect(offerSentence(SPEND40SAVE5, 'CNY', '2024-12-14', 'zh-CN')).toBe('订单满¥40立减¥5，有效期至2024年12月14日')
    expect(offerSentence(PERCENT10_CATEGORY, 'CNY', '2024-12-14', 'zh-CN', '茶叶')).toBe('下次订单购买「茶叶」享10%折扣，有效期至2024年12月14日')
    expect(offerSentence(FREE_SHIPPING, 'CNY', '2024-12-14', 'zh-CN')).toBe('下次订单免运费，有效期至2024年12月14日')
  })

  it("formats money in the shop's currency", () => {
    expect(formatMoney(4.5, 'EUR', 'en')).toBe('€4.50')
    expect(formatMoney(5, 'USD', 'en')).toBe('$5')
    expect(formatMoney(1234, 'GBP', 'en')).toBe('£1,234')
  })

  it('keeps the calendar day whatever the time zone', () => {
    expect(offerSentence(PERCENT15, 'GBP', '2024-01-01', 'en')).toMatch(/until 1 Jan 2024$/)
  })
})
