import { describe, expect, it } from 'vitest'
import { currencyHint, headerLanguage } from '../../../src-main/engine/ingest/formats/currency-hint'
import { detectFormats, formatDoubt, mappingFor } from '../../../src-main/engine/ingest/formats/detect'
import type { ColumnMapping } from '../../../src-main/engine/ingest/formats/fields'
import { presetById } from '../../../src-main/engine/ingest/formats/presets'

interface LanguageCase {
  language: string
  header: string[]
  mapping: ColumnMapping
  currency: string | null
}

/** A merchant's line sheet in each language, and what it must map to. */
const LINE_SHEETS: LanguageCase[] = [
  {
    language: 'de',
    header: ['Auftragsnummer', 'Datum', 'Kunde', 'E-Mail', 'Land', 'Artikelnummer', 'Artikel', 'Anzahl', 'Preis', 'Rabatt', 'Gesamt', 'Währung'],
    mapping: {
      order_id: 'Auftragsnummer', order_date: 'Datum', customer_id: 'Kunde', customer_email: 'E-Mail', country: 'Land', sku: 'Artikelnummer',
      product_name: 'Artikel', quantity: 'Anzahl', unit_price: 'Preis', line_discount: 'Rabatt', order_total: 'Gesamt', currency: 'Währung',
    },
    currency: 'EUR',
  },
  {
    language: 'fr',
    header: ['N° de commande', 'Date de commande', 'N° client', 'Nom du client', 'Référence produit', 'Désignation', 'Quantité', 'Prix unitaire', 'Remise', 'Montant', 'Pays'],
    mapping: {
      order_id: 'N° de commande', order_date: 'Date de commande', customer_id: 'N° client', customer_name: 'Nom du client', sku: 'Référence produit',
      product_name: 'Désignation', quantity: 'Quantité', unit_price: 'Prix unitaire', line_discount: 'Remise', line_total: 'Montant', country: 'Pays',
    },
    currency: 'EUR',
  },
  {
    language: 'es',
    header: ['Número de pedido', 'Fecha', 'Cliente', 'Referencia', 'Producto', 'Cantidad', 'Precio unitario', 'Descuento', 'Importe', 'País'],
    mapping: {
      order_id: 'Número de pedido', order_date: 'Fecha', customer_id: 'Cliente', sku: 'Referencia', product_name: 'Producto',
      quantity: 'Cantidad', unit_price: 'Precio unitario', line_discount: 'Descuento', line_total: 'Importe', country: 'País',
    },
    currency: 'EUR',
  },
  {
    language: 'it',
    header: ['Numero ordine', 'Data ordine', 'Codice cliente', 'Codice articolo', 'Descrizione', 'Quantità', 'Prezzo', 'Sconto', 'Totale'],
    mapping: {
      order_id: 'Numero ordine', order_date: 'Data ordine', customer_id: 'Codice cliente', sku: 'Codice articolo', product_name: 'Descrizione',
      quantity: 'Quantità', unit_price: 'Prezzo', line_discount: 'Sconto', order_total: 'Totale',
    },
    currency: 'EUR',
  },
  {
    language: 'nl',
    header: ['Bestelnummer', 'Besteldatum', 'Klantnummer', 'Artikelnummer', 'Omschrijving', 'Aantal', 'Prijs', 'Korting', 'Bedrag'],
    mapping: {
      order_id: 'Bestelnummer', order_date: 'Besteldatum', customer_id: 'Klantnummer', sku: 'Artikelnummer', product_name: 'Omschrijving',
      quantity: 'Aantal', unit_price: 'Prijs', line_discount: 'Korting', line_total: 'Bedrag',
    },
    currency: 'EUR',
  },
  {
    language: 'pt',
    header: ['Número do pedido', 'Data do pedido', 'Código do cliente', 'Código do produto', 'Produto', 'Quantidade', 'Preço unitário', 'Desconto', 'Frete'],
    mapping: {
      order_id: 'Número do pedido', order_date: 'Data do pedido', customer_id: 'Código do cliente', sku: 'Código do produto', product_name: 'Produto',
      quantity: 'Quantidade', unit_price: 'Preço unitário', line_discount: 'Desconto', shipping: 'Frete',
    },
    currency: 'BRL',
  },
  {
    language: 'pl',
    header: ['Numer zamówienia', 'Data zamówienia', 'ID klienta', 'Kod produktu', 'Nazwa produktu', 'Ilość', 'Cena jednostkowa', 'Rabat'],
    mapping: {
      order_id: 'Numer zamówienia', order_date: 'Data zamówienia', customer_id: 'ID klienta', sku: 'Kod produktu', product_name: 'Nazwa produktu',
      quantity: 'Ilość', unit_price: 'Cena jednostkowa', line_discount: 'Rabat',
    },
    currency: 'PLN',
  },
  {
    language: 'sv',
    header: ['Ordernummer', 'Orderdatum', 'Kundnummer', 'Artikelnummer', 'Benämning', 'Antal', 'Styckpris', 'Rabatt'],
    mapping: {
      order_id: 'Ordernummer', order_date: 'Orderdatum', customer_id: 'Kundnummer', sku: 'Artikelnummer', product_name: 'Benämning',
      quantity: 'Antal', unit_price: 'Styckpris', line_discount: 'Rabatt',
    },
    currency: 'SEK',
  },
  {
    language: 'ja',
    header: ['注文番号', '注文日時', '顧客ID', '商品コード', '商品名', '数量', '単価', '送料'],
    mapping: { order_id: '注文番号', order_date: '注文日時', customer_id: '顧客ID', sku: '商品コード', product_name: '商品名', quantity: '数量', unit_price: '単価', shipping: '送料' },
    currency: 'JPY',
  },
  {
    language: 'ko',
    header: ['주문번호', '주문일시', '회원ID', '상품코드', '상품명', '수량', '판매가', '배송비'],
    mapping: { order_id: '주문번호', order_date: '주문일시', customer_id: '회원ID', sku: '상품코드', product_name: '상품명', quantity: '수량', unit_price: '판매가', shipping: '배송비' },
    currency: 'KRW',
  },
]

describe('headers in the languages merchants use', () => {
  for (const { language, header, mapping, currency } of LINE_SHEETS) {
    it(`maps a ${language} line sheet and infers ${currency}`, () => {
      const [best] = detectFormats(header)
      expect(best.presetId).toBe('generic-order-lines')
      expect(best.mapping).toEqual(mapping)
      expect(formatDoubt(detectFormats(header)).unsure).toBe(false)
      expect(currencyHint(header, [], best.mapping, presetById(best.presetId))).toBe(currency)
    })
  }

  it('is tolerant of accents, ß, case and punctuation, and of "Nr." for "Nummer"', () => {
    const preset = presetById('generic-order-lines')!
    expect(mappingFor(preset, ['Bestell-Nr.', 'Kunden-Nr.', 'WAHRUNG', 'Strasse', 'Stuckpreis', 'Menge', 'Bezeichnung'])).toMatchObject({
      order_id: 'Bestell-Nr.', customer_id: 'Kunden-Nr.', currency: 'WAHRUNG', unit_price: 'Stuckpreis', quantity: 'Menge', product_name: 'Bezeichnung',
    })
    expect(mappingFor(preset, ['n° de commande', 'QUANTITE', 'prix-unitaire'])).toMatchObject({ order_id: 'n° de commande', quantity: 'QUANTITE', unit_price: 'prix-unitaire' })
  })

  it('keeps English headers English: "Name" is still the product, no language, no currency guessed', () => {
    const header = ['Order', 'Date', 'Name', 'Qty', 'Price', 'Status', 'Land']
    const [best] = detectFormats(header)
    expect(best.mapping).toMatchObject({ product_name: 'Name' })
    expect(best.mapping.customer_name).toBeUndefined()
    expect(headerLanguage(header)).toBeNull()
    expect(currencyHint(header, [], best.mapping, undefined)).toBeNull()
  })
})

describe('Chinese platform buyer columns', () => {
  it('a buyer account identifies the customer; the recipient (收货人) is only a name', () => {
    for (const buyer of ['买家会员名', '买家昵称', '买家账号', '会员名', '下单账号']) {
      const [best] = detectFormats(['订单编号', buyer, '收货人', '下单时间', '商品名称', '数量', '单价'])
      expect(best.mapping, buyer).toMatchObject({ customer_id: buyer, customer_name: '收货人' })
    }
  })

  it('¥ is yuan under Chinese headers and yen under Japanese ones; Chinese headers alone say CNY', () => {
    const cn = ['订单编号', '买家会员名', '下单时间', '商品名称', '数量', '单价']
    const cnMapping = detectFormats(cn)[0].mapping
    expect(currencyHint(cn, [['1', 'a', '2024-01-01', 'x', '1', '¥12.00']], cnMapping, presetById('generic-order-lines'))).toBe('CNY')
    expect(currencyHint(cn, [], cnMapping, presetById('generic-order-lines'))).toBe('CNY')
    const ja = ['注文番号', '注文日', '商品名', '数量', '単価']
    expect(currencyHint(ja, [['1', '2024-01-01', 'x', '1', '¥1200']], detectFormats(ja)[0].mapping, undefined)).toBe('JPY')
  })

  it('a currency column or an unambiguous mark wins over the language', () => {
    const header = ['Bestellnummer', 'Datum', 'Kunde', 'Artikel', 'Menge', 'Preis', 'Währung']
    const mapping = detectFormats(header)[0].mapping
    expect(currencyHint(header, [['1', '01.02.2024', 'K', 'A', '1', '12,00', 'CHF']], mapping, undefined)).toBe('CHF')
    const noColumn = header.slice(0, 6)
    expect(currencyHint(noColumn, [['1', '01.02.2024', 'K', 'A', '1', '£12.00']], detectFormats(noColumn)[0].mapping, undefined)).toBe('GBP')
  })
})

describe('transaction logs and files of doubtful kind', () => {
  it('a purchase log (customer, date, quantity, amount) is orders, not a customer list', () => {
    const [best] = detectFormats(['Customer', 'Date', 'Quantity', 'Amount'])
    expect(best).toMatchObject({ presetId: 'generic-orders', mapping: { customer_id: 'Customer', order_date: 'Date', order_total: 'Amount' } })
  })

  it("CDNOW's bare ID is the customer when it repeats in the sample, the order when it does not", () => {
    const header = ['ID', 'date', 'number_of_cds', 'dollar_value']
    const repeated = detectFormats(header, [['00001', '19970101', '1', '11.77'], ['00002', '19970112', '1', '12.00'], ['00002', '19970112', '5', '77.00']])
    expect(repeated[0]).toMatchObject({ presetId: 'generic-orders', mapping: { customer_id: 'ID', order_date: 'date', order_total: 'dollar_value' } })
    expect(formatDoubt(repeated).unsure).toBe(false)
    const unique = detectFormats(header, [['1', '19970101', '1', '11.77'], ['2', '19970112', '1', '12.00']])
    expect(unique[0].mapping).toMatchObject({ order_id: 'ID' })
  })

  it('a header nothing explains is unsure, with its alternatives one per kind', () => {
    const doubt = formatDoubt(detectFormats(['Spalte 1', 'Spalte 2', 'Spalte 3']))
    expect(doubt.unsure).toBe(true)
    expect(new Set(doubt.alternatives.map((a) => a.kind)).size).toBe(doubt.alternatives.length)
  })

  it('"ID, Name, Amount" could be customers or products: unsure, both offered', () => {
    const doubt = formatDoubt(detectFormats(['ID', 'Name', 'Amount']))
    expect(doubt.unsure).toBe(true)
    expect(doubt.alternatives.map((a) => a.kind)).toEqual(expect.arrayContaining(['customers', 'products']))
  })

  it('the fixtures of known layouts stay sure', () => {
    for (const header of [
      ['Order ID', 'Date', 'Customer', 'Email', 'Total'],
      ['Order ID', 'Date', 'Customer', 'Product', 'Quantity', 'Price', 'Total'],
      ['Customer ID', 'Name', 'Email', 'Country', 'City', 'Signup Date', 'Newsletter', 'Tags'],
    ]) expect(formatDoubt(detectFormats(header)).unsure, header.join(',')).toBe(false)
  })
})
