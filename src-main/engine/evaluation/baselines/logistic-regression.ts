/**
 * Plain L2-regularised logistic regression, fitted by Newton's method
 * (iteratively reweighted least squares). Deterministic: no random start, no
 * minibatches — the same data always gives the same weights, which a
 * baseline must. Meant for a handful of columns (d ≤ ~50): each step solves
 * a d × d system.
 *
 * Minimises  mean_i logloss(y_i, σ(b + w·x_i)) + (l2 / 2)·|w|²  (intercept b not penalised).
 */
export interface LogisticOptions {
  l2?: number
  maxIterations?: number
  /** Stop when no parameter moves more than this in a step. */
  tolerance?: number
}

export interface LogisticModel {
  weights: Float64Array
  bias: number
  iterations: number
}

/** `x` is row-major n × d. */
export function fitLogisticRegression(x: Float64Array, n: number, d: number, y: ArrayLike<number>, options: LogisticOptions = {}): LogisticModel {
  if (x.length !== n * d) throw new Error(`fitLogisticRegression: x has ${x.length} values, expected ${n} × ${d}`)
  if (y.length !== n) throw new Error(`fitLogisticRegression: ${y.length} labels for ${n} rows`)
  // No rows means no history before the training cutoff: say so instead of returning NaN weights.
  if (n === 0) throw new Error('fitLogisticRegression: no training rows (is there history before the training cutoff?)')
  const l2 = options.l2 ?? 1e-3
  const maxIterations = options.maxIterations ?? 100
  const tolerance = options.tolerance ?? 1e-9
  const m = d + 1 // parameters: weights then bias
  const theta = new Float64Array(m)
  // Start from the base rate: the right answer when no column helps.
  let positives = 0
  for (let i = 0; i < n; i++) positives += y[i] > 0 ? 1 : 0
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / Math.max(1, n)))
  theta[d] = Math.log(rate / (1 - rate))
  let loss = objective(x, n, d, y, theta, l2)
  let iterations = 0
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Float64Array(m)
    const hessian = new Float64Array(m * m)
    for (let i = 0; i < n; i++) {
      const row = i * d
      let z = theta[d]
      for (let j = 0; j < d; j++) z += theta[j] * x[row + j]
      const p = sigmoid(z)
      const residual = p - (y[i] > 0 ? 1 : 0)
      const weight = Math.max(p * (1 - p), 1e-12)
      for (let a = 0; a < m; a++) {
        const xa = a < d ? x[row + a] : 1
        gradient[a] += residual * xa
        for (let b = a; b < m; b++) hessian[a * m + b] += weight * xa * (b < d ? x[row + b] : 1)
      }
    }
    for (let a = 0; a < m; a++) {
      gradient[a] /= n
      for (let b = a; b < m; b++) {
        hessian[a * m + b] /= n
        hessian[b * m + a] = hessian[a * m + b]
      }
      if (a < d) {
        gradient[a] += l2 * theta[a]
        hessian[a * m + a] += l2
      }
      hessian[a * m + a] += 1e-12 // keeps the bias pivot positive on degenerate data
    }
    const step = solveSymmetric(hessian, gradient, m)
    // Newton steps can overshoot on (nearly) separable data: halve until the objective does not get worse.
    let scale = 1
    let next = theta
    let nextLoss = loss
    for (let halvings = 0; halvings < 30; halvings++, scale /= 2) {
      next = theta.map((t, j) => t - scale * step[j])
      nextLoss = objective(x, n, d, y, next, l2)
      if (nextLoss <= loss + 1e-12) break
    }
    const moved = Math.max(...next.map((t, j) => Math.abs(t - theta[j])))
    theta.set(next)
    loss = nextLoss
    if (moved < tolerance) {
      iterations++
      break
    }
  }
  return { weights: theta.slice(0, d), bias: theta[d], iterations }
}

export function predictLogistic(model: LogisticModel, x: Float64Array, n: number): Float32Array {
  const d = model.weights.length
  const out = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    let z = model.bias
    for (let j = 0; j < d; j++) z += model.weights[j] * x[i * d + j]
    out[i] = sigmoid(z)
  }
  return out
}

/** Column means and standard deviations of the training rows (sd 1 for a constant column). */
export interface Standardiser {
  mean: Float64Array
  sd: Float64Array
}

export function fitStandardiser(x: Float64Array, n: number, d: number): Standardiser {
  const mean = new Float64Array(d)
  const sd = new Float64Array(d)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j] / n
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sd[j] += (x[i * d + j] - mean[j]) ** 2 / n
  for (let j = 0; j < d; j++) sd[j] = sd[j] > 1e-24 ? Math.sqrt(sd[j]) : 1
  return { mean, sd }
}

export function standardise(s: Standardiser, x: Float64Array, n: number): Float64Array {
  const d = s.mean.length
  const out = new Float64Array(x.length)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = (x[i * d + j] - s.mean[j]) / s.sd[j]
  return out
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))
}

function objective(x: Float64Array, n: number, d: number, y: ArrayLike<number>, theta: Float64Array, l2: number): number {
  let sum = 0
  for (let i = 0; i < n; i++) {
    let z = theta[d]
    for (let j = 0; j < d; j++) z += theta[j] * x[i * d + j]
    // log(1 + e^z) − y·z, written to stay finite for large |z|.
    sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (y[i] > 0 ? z : 0)
  }
  let penalty = 0
  for (let j = 0; j < d; j++) penalty += theta[j] * theta[j]
  return sum / Math.max(1, n) + (l2 / 2) * penalty
}

/** Solves A·s = b for symmetric positive definite A (Cholesky). */
function solveSymmetric(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const l = new Float64Array(m * m)
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * m + j]
      for (let k = 0; k < j; k++) sum -= l[i * m + k] * l[j * m + k]
      l[i * m + j] = i === j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[j * m + j]
    }
  }
  const z = new Float64Array(m)
  for (let i = 0; i < m; i++) {
    let sum = b[i]
    for (let k = 0; k < i; k++) sum -= l[i * m + k] * z[k]
    z[i] = sum / l[i * m + i]
  }
  const s = new Float64Array(m)
  for (let i = m - 1; i >= 0; i--) {
    let sum = z[i]
    for (let k = i + 1; k < m; k++) sum -= l[k * m + i] * s[k]
    s[i] = sum / l[i * m + i]
  }
  return s
}
