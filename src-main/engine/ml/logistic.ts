/**
 * Small ridge logistic regression in plain TypeScript (Newton's method).
 * Used where a handful of coefficients is all there is to fit: Platt
 * calibration (one input) and the recency/frequency/money prior that model
 * predictions are shrunk toward. Exact, deterministic and backend-free.
 */

export interface LogisticModel {
  intercept: number
  weights: number[]
}

export interface LogisticOptions {
  /** Ridge penalty on the weights (never on the intercept). */
  l2?: number
  maxIterations?: number
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))
}

export function logit(p: number, eps = 1e-6): number {
  const q = Math.min(1 - eps, Math.max(eps, p))
  return Math.log(q / (1 - q))
}

/**
 * Fits p(y=1 | x) = sigmoid(intercept + weights·x). `x` is row-major,
 * `rows × dims`; targets may be fractional (Platt's smoothed targets are).
 */
export function fitLogistic(
  x: ArrayLike<number>,
  dims: number,
  y: ArrayLike<number>,
  options: LogisticOptions = {},
): LogisticModel {
  const l2 = options.l2 ?? 1e-3
  const maxIterations = options.maxIterations ?? 50
  const rows = y.length
  const size = dims + 1 // θ = [intercept, weights...]
  let theta = new Array<number>(size).fill(0)
  // Start the intercept at the base rate: Newton then needs only a few steps.
  let base = 0
  for (let i = 0; i < rows; i++) base += y[i]
  theta[0] = rows ? logit(base / rows, 1e-4) : 0

  const objective = (t: number[]): number => {
    let sum = 0
    for (let i = 0; i < rows; i++) {
      const z = linear(t, x, i, dims)
      // log(1 + e^z) - y z, written to stay finite for large |z|
      sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z
    }
    for (let j = 1; j < size; j++) sum += 0.5 * l2 * t[j] * t[j]
    return sum
  }

  let current = objective(theta)
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = new Array<number>(size).fill(0)
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0))
    for (let i = 0; i < rows; i++) {
      const p = sigmoid(linear(theta, x, i, dims))
      const r = p - y[i]
      const w = Math.max(p * (1 - p), 1e-10)
      for (let a = 0; a < size; a++) {
        const xa = a === 0 ? 1 : x[i * dims + a - 1]
        gradient[a] += r * xa
        for (let b = a; b < size; b++) hessian[a][b] += w * xa * (b === 0 ? 1 : x[i * dims + b - 1])
      }
    }
    for (let a = 0; a < size; a++) {
      for (let b = 0; b < a; b++) hessian[a][b] = hessian[b][a]
      hessian[a][a] += a === 0 ? 1e-9 : l2
      if (a > 0) gradient[a] += l2 * theta[a]
    }
    const step = solve(hessian, gradient)
    // Damped Newton: halve the step until the objective does not get worse,
    // which keeps separable or tiny data from diverging.
    let scale = 1
    let next = theta
    let value = current
    for (let tries = 0; tries < 30; tries++) {
      const candidate = theta.map((t, j) => t - scale * step[j])
      const candidateValue = objective(candidate)
      if (candidateValue <= current) {
        next = candidate
        value = candidateValue
        break
      }
      scale /= 2
    }
    const moved = Math.max(...next.map((t, j) => Math.abs(t - theta[j])))
    theta = next
    const improvement = current - value
    current = value
    if (moved < 1e-9 || improvement < 1e-12 * Math.max(1, Math.abs(current))) break
  }
  return { intercept: theta[0], weights: theta.slice(1) }
}

/** Probabilities for row-major `rows × weights.length` inputs. */
export function predictLogistic(model: LogisticModel, x: ArrayLike<number>, rows: number): Float32Array {
  const dims = model.weights.length
  const out = new Float32Array(rows)
  const theta = [model.intercept, ...model.weights]
  for (let i = 0; i < rows; i++) out[i] = sigmoid(linear(theta, x, i, dims))
  return out
}

function linear(theta: number[], x: ArrayLike<number>, row: number, dims: number): number {
  let z = theta[0]
  for (let j = 0; j < dims; j++) z += theta[j + 1] * x[row * dims + j]
  return z
}

/** Solves A s = b by Gaussian elimination with partial pivoting (A is tiny). */
function solve(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length
  const a = matrix.map((row, i) => [...row, rhs[i]])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r
    ;[a[col], a[pivot]] = [a[pivot], a[col]]
    const d = a[col][col]
    if (Math.abs(d) < 1e-300) continue
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / d
      if (f === 0) continue
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c]
    }
  }
  const s = new Array<number>(n).fill(0)
  for (let r = n - 1; r >= 0; r--) {
    let sum = a[r][n]
    for (let c = r + 1; c < n; c++) sum -= a[r][c] * s[c]
    s[r] = Math.abs(a[r][r]) < 1e-300 ? 0 : sum / a[r][r]
  }
  return s
}
