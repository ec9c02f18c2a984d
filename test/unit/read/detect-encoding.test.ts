import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { detectEncoding } from '../../../src-main/engine/ingest/read/detect-encoding'
import { isValidUtf8 } from '../../../src-main/engine/ingest/read/utf8-check'

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8')

describe('detectEncoding', () => {
  it('trusts a BOM', () => {
    expect(detectEncoding(utf8('\uFEFFa,b\n'), false)).toEqual({ binary: false, encoding: 'utf-8' })
    expect(detectEncoding(Buffer.from('\uFEFFa,b\n', 'utf16le'), false)).toEqual({ binary: false, encoding: 'utf-16le' })
    expect(detectEncoding(Buffer.from('\uFEFFa,b\n', 'utf16le').swap16(), false)).toEqual({ binary: false, encoding: 'utf-16be' })
  })

  it('recognises UTF-16 without a BOM from where the NUL bytes sit', () => {
    const text = 'order_id,customer\n1,Zoë\n2,李四\n'
    expect(detectEncoding(Buffer.from(text, 'utf16le'), false)).toEqual({ binary: false, encoding: 'utf-16le' })
    expect(detectEncoding(Buffer.from(text, 'utf16le').swap16(), false)).toEqual({ binary: false, encoding: 'utf-16be' })
  })

  it('takes ASCII and valid UTF-8 as UTF-8', () => {
    expect(detectEncoding(utf8('a,b\n1,2\n'), false)).toEqual({ binary: false, encoding: 'utf-8' })
    expect(detectEncoding(utf8('名称,价格\n青花瓷茶杯,38\n'), false)).toEqual({ binary: false, encoding: 'utf-8' })
  })

  it('does not hold a character cut by the end of the sample against UTF-8', () => {
    const bytes = utf8('name\nCafé 李')
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), true)).toEqual({ binary: false, encoding: 'utf-8' })
  })

  it('recognises GBK/GB18030 Chinese', () => {
    const bytes = iconv.encode('订单编号,买家,商品名称\nE1,张三,青花瓷茶杯\nE2,李四,龙井绿茶\n', 'gb18030')
    expect(detectEncoding(bytes, false)).toEqual({ binary: false, encoding: 'gb18030' })
  })

  it('falls back to Windows-1252 for Western text that is not UTF-8, even where it is valid GBK byte-wise', () => {
    expect(detectEncoding(iconv.encode('name,price\nCafé,£5\nBaker’s apron,£8\n', 'windows-1252'), false)).toEqual({
      binary: false,
      encoding: 'windows-1252',
    })
    // "Don’t" and "Müller" are legal GBK byte pairs; they still are not Chinese.
    expect(detectEncoding(iconv.encode('note\nDon’t\nMüller\n', 'windows-1252'), false)).toEqual({ binary: false, encoding: 'windows-1252' })
  })

  it('calls images and other program files binary', () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 7)])
    expect(detectEncoding(png, false)).toEqual({ binary: true })
    const controls = Buffer.from(Array.from({ length: 400 }, (_, k) => (k % 5 === 0 ? 3 : 65)))
    expect(detectEncoding(controls, false)).toEqual({ binary: true })
  })
})

describe('isValidUtf8', () => {
  it('rejects overlong forms, surrogates and stray continuation bytes', () => {
    expect(isValidUtf8(Buffer.from([0xc0, 0xaf]), false)).toBe(false)
    expect(isValidUtf8(Buffer.from([0xed, 0xa0, 0x80]), false)).toBe(false)
    expect(isValidUtf8(Buffer.from([0x80]), false)).toBe(false)
    expect(isValidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]), false)).toBe(false)
  })

  it('accepts every length of sequence, and a cut one only when truncated', () => {
    expect(isValidUtf8(utf8('aé€😀'), false)).toBe(true)
    const cut = utf8('a😀').subarray(0, 3)
    expect(isValidUtf8(cut, false)).toBe(false)
    expect(isValidUtf8(cut, true)).toBe(true)
  })
})
