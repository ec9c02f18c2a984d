/**
 * One-parameter heterogeneity of the coupon effect, read from the shop's own
 * purchase history rather than learnt slope by slope from the campaigns:
 *
 *   θ_i = θ_lin,i · m_i,   m_i = max(0, 1 + γ · h_i + ρ · r_i) / norm
 *
 * h = the member's standardised discount_sensitivity (how much more than the
 * shop's average they bought with codes and on sale days), r = standardised
 * recency_gap_ratio (how overdue against their own rhythm: a sign-free tilt
 * for lapsed customers), norm = the mean of the numerator over the fit's
 * members, so the members' average θ stays the measured one. γ = ρ = 0 is the
 * flat model (m = 1); a large γ says "only the deal-prone respond" (m = 0, a
 * coupon does nothing, below h = −1/γ). γ and ρ are chosen after κ and the
 * effect penalty: a cell replaces that winner only when its cross-validated
 * held-out likelihood (joint refits, all members) beats it by more than a
 * nat (fit-measured.ts, chooseHyper). learnResponse searches GAMMA_GRID, ρ off.
 */
import type { ResponseHeterogeneity, ResponseModel } from './types'

/** Column whose standardised value is the deal-proneness score h. */
export const HETEROGENEITY_SCORE = 'discount_sensitivity'
/** Column of the sign-free tilt r. */
export const HETEROGENEITY_TILT = 'recency_gap_ratio'
/** γ candidates: 0 is the flat model, so the data can refuse the score. */
export const GAMMA_GRID: readonly number[] = [0, 0.5, 1, 2]
/** ρ candidates (either sign: lapsed customers may respond more or less). */
export const RHO_GRID: readonly number[] = [-0.5, 0, 0.5]

/** Unnormalised multiplier. */
export function rawMultiplier(h: number, r: number, gamma: number, rho: number): number {
  return Math.max(0, 1 + gamma * h + rho * r)
}

/**
 * Multipliers m_i for n rows of standardised features z (row-major, p columns),
 * with score / tilt at column indices `score` and `tilt` (−1: absent, read as 0).
 * `norm` given: divide by it; absent: normalise to mean 1 over these rows.
 */
export function multipliers(
  z: ArrayLike<number>,
  n: number,
  p: number,
  score: number,
  tilt: number,
  gamma: number,
  rho: number,
  norm?: number,
): { m: Float64Array; norm: number } {
  const m = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) {
    const h = score >= 0 ? z[i * p + score] : 0
    const r = tilt >= 0 ? z[i * p + tilt] : 0
    m[i] = rawMultiplier(h, r, gamma, rho)
    sum += m[i]
  }
  // Jensen: the mean of max(0, 1 + linear) over rows whose columns have mean 0 is ≥ 1.
  const divisor = norm ?? (n > 0 && sum > 0 ? sum / n : 1)
  for (let i = 0; i < n; i++) m[i] /= divisor
  return { m, norm: divisor }
}

/** A model's multipliers for rows of z in its own column order (all 1 for a flat model, or one saved before the field existed). */
export function modelMultipliers(model: Pick<ResponseModel, 'featureNames' | 'heterogeneity'>, z: ArrayLike<number>, n: number): Float64Array {
  const het: ResponseHeterogeneity | undefined = model.heterogeneity
  if (!het || (het.gamma === 0 && het.rho === 0)) return new Float64Array(n).fill(1)
  const p = model.featureNames.length
  return multipliers(z, n, p, model.featureNames.indexOf(het.score), model.featureNames.indexOf(het.tilt), het.gamma, het.rho, het.norm).m
}
