import { describe, expect, it } from 'vitest'
import {
  COUPON_UPLOAD_COLUMNS,
  KLAVIYO_COLUMNS,
  MAILCHIMP_COLUMNS,
  writeCouponUploadCsv,
  writeKlaviyoProfilesCsv,
  writeMailchimpCsv,
} from '../../../src-main/engine/export/formats/email-tools'
import { FIXED5, csvRecords, formulaCells, holdoutRow, hostileRow, meta, row } from './export-fixtures'

const ROWS = [row(1), holdoutRow(2), row(3, { offer: FIXED5, firstName: 'Zoë' }), hostileRow(4)]

describe('Klaviyo-style profiles', () => {
  it('puts Email first, then first name and the Offerwise properties, treated customers only', () => {
    const { header, records } = csvRecords(writeKlaviyoProfilesCsv({ meta: meta(), rows: ROWS }).content as string)
    expect(header).toEqual([...KLAVIYO_COLUMNS])
    expect(records.map((r) => r.Email)).toEqual(['customer1@example.com', 'customer3@example.com', "'+1@example.com"])
    expect(records[0]).toEqual({
      Email: 'customer1@example.com', 'First Name': 'Ann1', 'Offerwise Code': 'CODE000001',
      'Offerwise Offer': '15% off your next order, until 14 Dec 2024', 'Offerwise Expires': '2024-12-14',
    })
    expect(records[1]['First Name']).toBe('Zoë')
    expect(records[2]['First Name']).toBe('\'=HYPERLINK("http://evil.example","click")')
    expect(formulaCells(records.flatMap((r) => Object.values(r)))).toEqual([])
  })

  it('leaves out customers without e-mail, and says how many', () => {
    const file = writeKlaviyoProfilesCsv({ meta: meta(), rows: [row(1), row(2, { email: null })] })
    expect(file.rows).toBe(1)
    expect(file.warnings).toEqual(['1 treated customers have no e-mail address and are not in this file.'])
  })

  it('hashes on request with a warning, and refuses drop', () => {
    const file = writeKlaviyoProfilesCsv({ meta: meta({ privacy: 'hash' }), rows: ROWS })
    const { records } = csvRecords(file.content as string)
    expect(records.every((r) => /^[0-9a-f]{64}$/.test(r.Email) && /^[0-9a-f]{64}$/.test(r['First Name']))).toBe(true)
    expect(file.warnings.join(' ')).toMatch(/cannot send/)
    expect(() => writeKlaviyoProfilesCsv({ meta: meta({ privacy: 'drop' }), rows: ROWS })).toThrow(/needs e-mail/)
  })
})

describe('coupon upload', () => {
  it('is one Coupon Code column with every treated code', () => {
    const { header, records } = csvRecords(writeCouponUploadCsv({ meta: meta({ privacy: 'drop' }), rows: ROWS }).content as string)
    expect(header).toEqual([...COUPON_UPLOAD_COLUMNS])
    expect(records.map((r) => r['Coupon Code'])).toEqual(['CODE000001', 'CODE000003', 'CODE000004'])
  })
})

describe('Mailchimp-style merge file', () => {
  it('has Email Address, First Name and the COUPON, OFFER, EXPIRES merge fields', () => {
    const { header, records } = csvRecords(writeMailchimpCsv({ meta: meta({ locale: 'zh-CN', currency: 'CNY' }), rows: ROWS }).content as string)
    expect(header).toEqual([...MAILCHIMP_COLUMNS])
    expect(records).toHaveLength(3)
    expect(records[1]).toEqual({
      'Email Address': 'customer3@example.com', 'First Name': 'Zoë', COUPON: 'CODE000003', OFFER: '下次订单立减¥5，有效期至2024年12月14日', EXPIRES: '2024年12月14日',
    })
    expect(formulaCells(records.flatMap((r) => Object.values(r)))).toEqual([])
    expect(JSON.stringify(records)).not.toContain('holdout')
  })
})
