/**
 * The planner's decision matrix: for every customer i and candidate offer k,
 * what the offer is expected to earn and cost, cautiously and on average.
 * Pure arithmetic over typed arrays; the store wiring and the response model
 * live elsewhere and hand their per-customer arrays in.
 *
 * Per customer i, offer k and ensemble sample s (the response model's draws),
 * with p0 = pWithout[i], e = effect[(i*K + k)*S + s], and the offer's terms
 * from offerTerms (v' = order with the offer, d = discount, topUp = v' − v):
 *
 *   pWith  = 1 − (1 − p0)^exp(e)       the effect multiplies the purchase
 *                                       *rate* (Poisson: P(≥1) = 1 − e^−rate)
 *   extra  = pWith − p0                 orders the coupon causes (may be < 0)
 *   redeem = pWith × redeemShare        buyers holding the coupon who use it
 *   cost   = redeem × d                 expected discount given away
 *   profit = extra × v × margin          margin on the orders it causes
 *          + redeem × topUp × margin     margin on the top-up to a min spend
 *          − redeem × d                  every discount, incl. to buyers anyway
 *
 * Which equals pWith·[r(v'·m − d) + (1 − r)·v·m] − p0·v·m: with the coupon,
 * redeemers buy the topped-up order at a discount and the others their usual
 * order; without it, the usual order at p0. (Counting the caused orders at v'
 * *and* the top-up for redeemers would count the caused redeemers' top-up twice.)
 *
 * Over the S samples: profitCautious = the `quantile` lower quantile of profit,
 * costCautious = the (1 − quantile) upper quantile of cost (linear between
 * order statistics, computed exactly through pWith's quantiles), so a noisy model does not chase its own errors; the means
 * are plain averages. faceValue = d (what one redemption costs, for the
 * face-value budget). depth = d / v'. Infeasible cells (offer does not apply,
 * deeper than maxDepth, or d above costFloor: never sell below cost) hold 0 in
 * every matrix, pWithMean = p0, and feasible = 0.
 */
import { offerTerms } from './offer-terms'
import type { Offer } from './offer-types'
import { sortedQuantile, sortPrefix } from './quantile'

export interface CandidateInputs {
  offers: Offer[]
  /** n: chance of at least one order in the offer window without a coupon. */
  pWithout: Float64Array
  /** n: typical order value (goods, without shipping). */
  orderValue: Float64Array
  /** n: profit margin on revenue, 0..1. */
  margin: Float64Array
  /** n: typical shipping paid per order (0 = none or unknown). */
  shipping: Float64Array
  /** n each: share of the basket in the favourite category / product. Without it, scoped offers are infeasible. */
  scopeShare?: { category: Float64Array; product: Float64Array }
  /** n*K*S: effect on the log purchase rate, index (i*K + k)*S + s. */
  effect: Float32Array
  samples: number
  /** Share of buyers holding a coupon who use it (0..1). */
  redeemShare: number
  /** n: the largest discount before the order sells below cost; Infinity where costs are unknown. */
  costFloor?: Float64Array
  /** Lower quantile for cautious profit (e.g. 0.2); cost uses 1 − quantile. */
  quantile: number
  /** Largest discount share of an order (0..1), checked per customer for money offers. Default 1. */
  maxDepth?: number
}

export interface CandidateMatrix {
  n: number
  k: number
  offers: Offer[]
  profitCautious: Float32Array
  costCautious: Float32Array
  profitMean: Float32Array
  costMean: Float32Array
  pWithMean: Float32Array
  faceValue: Float32Array
  /** d / v' per cell: the depth the customer sees. */
  depth: Float32Array
  feasible: Uint8Array
}

export function buildCandidates(input: CandidateInputs): CandidateMatrix {
  const { offers, pWithout, orderValue, margin, shipping, effect, samples: S, redeemShare, quantile } = input
  const n = pWithout.length
  const K = offers.length
  check(orderValue.length === n && margin.length === n && shipping.length === n, 'orderValue, margin and shipping must have one value per customer')
  check(Number.isInteger(S) && S >= 1, 'samples must be a positive integer')
  check(effect.length === n * K * S, `effect must hold n*K*S = ${n * K * S} values, has ${effect.length}`)
  check(!input.costFloor || input.costFloor.length === n, 'costFloor must have one value per customer')
  check(!input.scopeShare || (input.scopeShare.category.length === n && input.scopeShare.product.length === n), 'scopeShare arrays must have one value per customer')
  const maxDepth = input.maxDepth ?? 1
  const r = Math.min(1, Math.max(0, redeemShare))
  const size = n * K
  const out: CandidateMatrix = {
    n,
    k: K,
    offers,
    profitCautious: new Float32Array(size),
    costCautious: new Float32Array(size),
    profitMean: new Float32Array(size),
    costMean: new Float32Array(size),
    pWithMean: new Float32Array(size),
    faceValue: new Float32Array(size),
    depth: new Float32Array(size),
    feasible: new Uint8Array(size),
  }
  const pw = new Float64Array(S)
  for (let i = 0; i < n; i++) {
    const p0 = clampP(pWithout[i])
    // log(1 − p0) once per customer; −Infinity for a sure buyer (pWith = 1 too).
    const logStay = Math.log1p(-p0)
    const v = orderValue[i] > 0 ? orderValue[i] : 0 // unknown or bad basket: no margin from caused orders
    const m = margin[i]
    const floor = input.costFloor ? input.costFloor[i] : Infinity
    for (let k = 0; k < K; k++) {
      const cell = i * K + k
      out.pWithMean[cell] = p0
      const offer = offers[k]
      const share = offer.scope === 'category' ? input.scopeShare?.category[i] ?? 0 : offer.scope === 'product' ? input.scopeShare?.product[i] ?? 0 : 1
      const t = offerTerms(offer, v, shipping[i], share)
      if (!t.applies || t.depth > maxDepth + 1e-12 || t.discount > floor || !Number.isFinite(m)) continue
      const topUp = t.orderValue - v
      // profit and cost are linear in pWith (see the header), so their
      // quantiles are the same lines at the quantiles of pWith: one sort per
      // cell. (Type-7 quantiles commute with increasing linear maps; a
      // decreasing one swaps the lower and upper quantile.)
      const slope = v * m + r * topUp * m - r * t.discount
      const intercept = -p0 * v * m
      const base = cell * S
      let pSum = 0
      for (let s = 0; s < S; s++) {
        const pWith = p0 >= 1 ? 1 : -Math.expm1(Math.exp(effect[base + s]) * logStay)
        pw[s] = pWith
        pSum += pWith
      }
      // A NaN effect (a broken model draw) must not reach the solver.
      if (!Number.isFinite(pSum)) continue
      sortPrefix(pw, S)
      const pMean = pSum / S
      const pLow = sortedQuantile(pw, S, quantile)
      const pHigh = sortedQuantile(pw, S, 1 - quantile)
      out.profitCautious[cell] = slope * (slope >= 0 ? pLow : pHigh) + intercept
      out.costCautious[cell] = r * t.discount * pHigh
      out.profitMean[cell] = slope * pMean + intercept
      out.costMean[cell] = r * t.discount * pMean
      out.pWithMean[cell] = pMean
      out.faceValue[cell] = t.discount
      out.depth[cell] = t.depth
      out.feasible[cell] = 1
    }
  }
  return out
}

function clampP(p: number): number {
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`buildCandidates: ${message}`)
}
