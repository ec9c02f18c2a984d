/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: using
 * iso-value curves"; Fader & Hardie's 2013 note). A customer's transaction
 * values are Gamma(p, ν) around their own mean, and ν ~ Gamma(q, γ) across
 * customers. Fitted on repeat buyers only: their mean spend z̄ over x
 * transactions is what the model describes. Assumes spend is independent of
 * purchase frequency, as the CLV product below does.
 */
import { lgamma } from './special'
import { nelderMead } from './nelder-mead'

export interface GammaGammaParams {
  p: number
  q: number
  /** γ in the note; `v` in most software. */
  v: number
}

/** Per customer: number of transactions behind the mean, and the mean (both > 0 for those fitted). */
export interface SpendSummary {
  x: ArrayLike<number>
  meanSpend: ArrayLike<number>
}

export interface GammaGammaFit {
  params: GammaGammaParams
  logLikelihood: number
  customers: number
  converged: boolean
}

/** Σ ln f(z̄ | x; p, q, γ) over customers with x > 0 and z̄ > 0 (others carry no spend information). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendSummary): number {
  const { p, q, v } = params
  let total = 0
  const common = -lgamma(q) + q * Math.log(v)
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]
    const m = data.meanSpend[i]
    if (!(x > 0 && m > 0)) continue
    const px = p * x
    total += lgamma(px + q) - lgamma(px) + common + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(x * m + v)
  }
  return total
}

export function fitGammaGamma(data: SpendSummary, start: GammaGammaParams = { p: 1, q: 1, v: 1 }): GammaGammaFit {
  let n = 0
  for (let i = 0; i < data.x.length; i++) if (data.x[i] > 0 && data.meanSpend[i] > 0) n++
  if (n === 0) throw new Error('Gamma-Gamma needs at least one repeat buyer with positive spend')
  const toParams = (w: number[]): GammaGammaParams => ({ p: Math.exp(w[0]), q: Math.exp(w[1]), v: Math.exp(w[2]) })
  const objective = (w: number[]): number =>
    // Parameters beyond e^±20 only arise on data that cannot identify them; keep the search finite.
    w.some((c) => Math.abs(c) > 20) ? Number.POSITIVE_INFINITY : -gammaGammaLogLikelihood(toParams(w), data) / n
  let point = [start.p, start.q, start.v].map(Math.log)
  let best = Number.POSITIVE_INFINITY
  let converged = false
  for (let restart = 0; restart < 6; restart++) {
    const result = nelderMead(objective, point, { step: restart === 0 ? 0.5 : 0.1 })
    const improved = best - result.value
    point = result.x
    best = Math.min(best, result.value)
    converged = result.converged
    if (improved < 1e-10) break
  }
  return { params: toParams(point), logLikelihood: -best * n, customers: n, converged }
}

/**
 * E[spend per transaction | x, z̄] = (p(γ + x z̄)) / (p x + q − 1): a weighted
 * mean of the population mean pγ/(q − 1) and the customer's own z̄, weighted
 * towards z̄ as x grows. With x = 0 it is the population mean. Needs q > 1
 * (otherwise the population mean is infinite): then the customer's own mean
 * is the only honest figure.
 */
export function expectedSpend(params: GammaGammaParams, x: number, meanSpend: number): number {
  const { p, q, v } = params
  if (q <= 1) return Math.max(0, meanSpend)
  const m = x > 0 ? Math.max(0, meanSpend) : 0
  return (p * (v + x * m)) / (p * x + q - 1)
}
