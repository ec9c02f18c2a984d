/**
 * Nelder–Mead simplex minimisation: derivative-free, which suits likelihoods
 * whose gradients would need digamma functions and a second code path to get
 * wrong. The models optimise log-parameters, so the search is unconstrained.
 */
export interface MinimiseOptions {
  /** Initial step per coordinate (default 0.5: in log space, a factor of e^0.5). */
  step?: number
  maxIterations?: number
  /** Stop when the simplex's values and points agree to these tolerances. */
  fTolerance?: number
  xTolerance?: number
}

export interface MinimiseResult {
  x: number[]
  value: number
  iterations: number
  converged: boolean
}

export function nelderMead(f: (x: number[]) => number, start: number[], options: MinimiseOptions = {}): MinimiseResult {
  const n = start.length
  const step = options.step ?? 0.5
  const maxIterations = options.maxIterations ?? 5000
  const fTol = options.fTolerance ?? 1e-10
  const xTol = options.xTolerance ?? 1e-9
  // Non-finite values (a parameter overflowed) rank as worst, so the simplex backs away from them.
  const value = (x: number[]): number => {
    const v = f(x)
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY
  }
  let simplex: { x: number[]; v: number }[] = [{ x: [...start], v: value(start) }]
  for (let i = 0; i < n; i++) {
    const x = [...start]
    x[i] += step
    simplex.push({ x, v: value(x) })
  }
  let iterations = 0
  let converged = false
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.v - q.v)
    const best = simplex[0]
    const worst = simplex[n]
    const spread = Math.max(...simplex.map((p) => Math.max(...p.x.map((xi, j) => Math.abs(xi - best.x[j])))))
    if (Math.abs(worst.v - best.v) <= fTol * (1 + Math.abs(best.v)) && spread <= xTol * 10) {
      converged = true
      break
    }
    const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j], 0) / n)
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (worst.x[j] - c))
    const reflected = along(-1)
    const vr = value(reflected)
    if (vr < best.v) {
      const expanded = along(-2)
      const ve = value(expanded)
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr }
    } else if (vr < simplex[n - 1].v) {
      simplex[n] = { x: reflected, v: vr }
    } else {
      const contracted = vr < worst.v ? along(-0.5) : along(0.5)
      const vc = value(contracted)
      if (vc < Math.min(vr, worst.v)) {
        simplex[n] = { x: contracted, v: vc }
      } else {
        // Shrink towards the best point.
        simplex = simplex.map((p, i) => {
          if (i === 0) return p
          const x = p.x.map((xi, j) => best.x[j] + 0.5 * (xi - best.x[j]))
          return { x, v: value(x) }
        })
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v)
  return { x: simplex[0].x, value: simplex[0].v, iterations, converged }
}
