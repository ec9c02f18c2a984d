/**
 * Special functions the BG/NBD and Gamma-Gamma models need, in plain
 * TypeScript (no numeric library ships with the app).
 */

// Lanczos coefficients for g = 7, n = 9 (Numerical Recipes / Boost): ~15 significant digits for x > 0.
const LANCZOS_G = 7
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]

/** ln Γ(x) for x > 0 (the models only ever need positive arguments). */
export function lgamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lgamma needs x > 0, got ${x}`)
  // Small x loses precision in the series; Γ(x) = Γ(x + 1) / x moves it up without any reflection.
  if (x < 0.5) return lgamma(x + 1) - Math.log(x)
  const z = x - 1
  let sum = LANCZOS[0]
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i)
  const t = z + LANCZOS_G + 0.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b)
}

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by the Gauss series
 * Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ. With positive parameters every term is positive,
 * so the sum cannot cancel; it converges for |z| < 1 (term ratio → z), and is
 * summed in log space because for many repeat purchases and z near 1 the terms
 * climb far past 1e308 before they fall (the BG/NBD multiplies the result by a
 * tiny (1 − z)^(r + x), so only the logarithm is ever needed).
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`logHyp2f1 needs 0 <= z < 1, got ${z}`)
  if (z === 0) return 0
  // A fitted BG/NBD with a + b < 1 gives c = a + b − 1 < 0 for customers without repeats: the
  // series still converges (|z| < 1), its early terms just change sign, so it is summed directly.
  if (a > 0 && b > 0 && !(c > 0)) return logSignedSeries(a, b, c, z)
  if (!(a > 0 && b > 0 && c > 0)) throw new RangeError('logHyp2f1 needs a, b > 0')
  const logZ = Math.log(z)
  // Running sum kept as scale · Σ exp(logTerm − scale) to stay finite.
  let logTerm = 0
  let scale = 0
  let sum = 1
  for (let n = 0; n < 10_000_000; n++) {
    logTerm += Math.log((a + n) * (b + n)) - Math.log((c + n) * (n + 1)) + logZ
    if (logTerm > scale) {
      sum = sum * Math.exp(scale - logTerm) + 1
      scale = logTerm
    } else {
      sum += Math.exp(logTerm - scale)
    }
    // Past the peak (ratio < 1) the rest is bounded by a geometric tail: stop once it is negligible.
    const ratio = ((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2)) * z
    if (ratio < 1 && Math.exp(logTerm - scale) / (1 - ratio) < 1e-16 * sum) break
  }
  return scale + Math.log(sum)
}

/** The Gauss series in linear space for c ≤ 0 (not a non-positive integer, where ₂F₁ is undefined). */
function logSignedSeries(a: number, b: number, c: number, z: number): number {
  if (Number.isInteger(c)) throw new RangeError(`logHyp2f1 is undefined for c = ${c}`)
  let term = 1
  let sum = 1
  for (let n = 0; n < 10_000_000; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z
    sum += term
    if (n > Math.abs(c) + 2 && Math.abs(term) < 1e-16 * Math.abs(sum)) break
  }
  if (!(sum > 0) || !Number.isFinite(sum)) throw new RangeError(`logHyp2f1: the series for c = ${c} did not give a positive sum`)
  return Math.log(sum)
}

/** ₂F₁(a, b; c; z) itself, for tests and small cases (overflows where the logarithm would not). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return Math.exp(logHyp2f1(a, b, c, z))
}
