import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectedPurchases, fitBgNbd } from '../../../src-main/engine/clv/bg-nbd'
import { fitGammaGamma } from '../../../src-main/engine/clv/gamma-gamma'

/**
 * The published fits on the CDNOW sample summary (2,357 customers, weeks):
 * Fader, Hardie & Lee (2005) for the BG/NBD; Fader & Hardie's Gamma-Gamma
 * note for spend, on the 946 repeat buyers.
 */
const DATA = join(__dirname, '../../../../shared/data/cdnow-summary/cdnow_customers_summary_with_transactions.csv')
const present = existsSync(DATA)
if (!present) console.warn(`CDNOW summary not found at ${DATA}: the published-figures check is skipped`)

function rows(): { x: number[]; tx: number[]; T: number[]; zbar: number[] } {
  const lines = readFileSync(DATA, 'utf8').trim().split(/\r?\n/)
  const header = lines[0].split(',')
  const col = (name: string): number => header.indexOf(name)
  const out = { x: [] as number[], tx: [] as number[], T: [] as number[], zbar: [] as number[] }
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map(Number)
    out.x.push(cells[col('x')])
    out.tx.push(cells[col('t_x')])
    out.T.push(cells[col('T')])
    out.zbar.push(cells[col('zbar')])
  }
  return out
}

const within1pc = (value: number, published: number): void => {
  expect(Math.abs(value - published) / Math.abs(published)).toBeLessThan(0.01)
}

describe.skipIf(!present)('CDNOW summary: the published figures (data folder ../shared/data/cdnow-summary)', () => {
  const data = present ? rows() : { x: [], tx: [], T: [], zbar: [] }

  it('BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, log-likelihood −9582.4', () => {
    expect(data.x.length).toBe(2357)
    const fit = fitBgNbd(data)
    within1pc(fit.params.r, 0.243)
    within1pc(fit.params.alpha, 4.414)
    within1pc(fit.params.a, 0.793)
    within1pc(fit.params.b, 2.426)
    within1pc(fit.logLikelihood, -9582.4)
    // The paper's worked example: E[Y(39) | x = 2, tₓ = 30.43, T = 38.86] = 1.226.
    within1pc(expectedPurchases(fit.params, 2, 30.43, 38.86, 39), 1.226)
  })

  it('Gamma-Gamma on the 946 repeat buyers: p = 6.25, q = 3.74, v = 15.45', () => {
    const fit = fitGammaGamma({ x: data.x, meanSpend: data.zbar })
    expect(fit.customers).toBe(946)
    within1pc(fit.params.p, 6.25)
    within1pc(fit.params.q, 3.74)
    within1pc(fit.params.v, 15.45)
  })
})
