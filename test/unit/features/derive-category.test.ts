import { describe, expect, it } from 'vitest'
import { deriveCategory, nameTokens, singular } from '../../../src-main/engine/features/derive-category'

describe('deriveCategory', () => {
  it('takes the head noun of Online Retail names, skipping colours, sizes and patterns', () => {
    expect(deriveCategory('WHITE HANGING HEART T-LIGHT HOLDER')).toBe('holder')
    expect(deriveCategory('JUMBO BAG RED RETROSPOT')).toBe('bag')
    expect(deriveCategory('LUNCH BAG PINK POLKADOT')).toBe('bag')
    expect(deriveCategory('SET OF 3 CAKE TINS PANTRY DESIGN')).toBe('tin')
    expect(deriveCategory('PACK OF 72 RETROSPOT CAKE CASES')).toBe('case')
    expect(deriveCategory('REGENCY CAKESTAND 3 TIER')).toBe('cakestand')
    expect(deriveCategory('ALARM CLOCK BAKELIKE RED')).toBe('clock')
    expect(deriveCategory('CHILDREN\'S APRON DOLLY GIRL')).toBe('apron')
    expect(deriveCategory('PAPER CHAIN KIT 50\'S CHRISTMAS')).toBe('kit')
  })

  it('groups variants of one product type together', () => {
    const names = ['RED RETROSPOT CAKE STAND', 'SWEETHEART CAKE STAND', 'CAKE STAND WHITE TWO TIER LACE']
    expect(names.map(deriveCategory)).toEqual(['stand', 'stand', 'stand'])
    expect(['CANDLES', 'SCENTED CANDLE', 'PINK PARTY CANDLES'].map(deriveCategory)).toEqual(['candle', 'candle', 'candle'])
  })

  it('falls back to the last word when every word is a modifier, and to "other" without words', () => {
    expect(deriveCategory('WOODLAND SMALL RED FELT HEART')).toBe('heart')
    expect(deriveCategory('12345')).toBe('other')
    expect(deriveCategory('')).toBe('other')
    expect(deriveCategory(null)).toBe('other')
  })

  it('drops a variant suffix and handles CJK names by their last character', () => {
    expect(deriveCategory('Organic Cotton Tee - Large / Blue')).toBe('tee')
    expect(deriveCategory('保温杯')).toBe('杯')
  })

  it('singularises common English plurals only', () => {
    expect(['boxes', 'doilies', 'glasses', 'lights', 'glass', 'bus', 'cases', 'dress'].map(singular)).toEqual([
      'box', 'doily', 'glass', 'light', 'glass', 'bus', 'case', 'dress',
    ])
    expect(nameTokens("CHILDREN'S 3 T-LIGHT")).toEqual(['childrens', 'light'])
  })
})
