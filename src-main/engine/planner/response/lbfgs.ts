/**
 * A small L-BFGS minimiser for the response likelihood: ~70 parameters and a
 * few thousand rows, where a full-batch quasi-Newton method converges in a
 * few dozen steps and, unlike SGD, gives the same answer on every machine.
 */

/** Objective value; writes the gradient into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number

export interface MinimiseOptions {
  maxIterations?: number
  /** Stop when the largest |gradient| entry falls below this. */
  gradientTolerance?: number
  /** Stop when an iteration improves the objective by less than this (relative). */
  relativeTolerance?: number
  memory?: number
}

export function minimise(objective: Objective, start: Float64Array, options: MinimiseOptions = {}): { x: Float64Array; value: number; iterations: number } {
  const maxIterations = options.maxIterations ?? 300
  const gradientTolerance = options.gradientTolerance ?? 1e-5
  const relativeTolerance = options.relativeTolerance ?? 1e-10
  const memory = options.memory ?? 10
  const n = start.length
  let x = Float64Array.from(start)
  let grad = new Float64Array(n)
  let value = objective(x, grad)
  const sHistory: Float64Array[] = []
  const yHistory: Float64Array[] = []
  const rhoHistory: number[] = []
  const direction = new Float64Array(n)
  const alpha = new Array<number>(memory)
  let iterations = 0
  for (; iterations < maxIterations; iterations++) {
    if (maxAbs(grad) < gradientTolerance) break
    // Two-loop recursion: direction = −H·grad.
    direction.set(grad)
    for (let h = sHistory.length - 1; h >= 0; h--) {
      alpha[h] = rhoHistory[h] * dot(sHistory[h], direction)
      axpy(-alpha[h], yHistory[h], direction)
    }
    if (sHistory.length > 0) {
      const last = sHistory.length - 1
      scale(direction, dot(sHistory[last], yHistory[last]) / dot(yHistory[last], yHistory[last]))
    } else {
      // First step: a gradient step of unit length in parameter space.
      scale(direction, 1 / Math.max(1, Math.sqrt(dot(grad, grad))))
    }
    for (let h = 0; h < sHistory.length; h++) {
      const beta = rhoHistory[h] * dot(yHistory[h], direction)
      axpy(alpha[h] - beta, sHistory[h], direction)
    }
    scale(direction, -1)
    let slope = dot(grad, direction)
    if (!(slope < 0)) {
      // Not a descent direction (curvature went wrong): restart from steepest descent.
      sHistory.length = yHistory.length = rhoHistory.length = 0
      direction.set(grad)
      scale(direction, -1 / Math.max(1, Math.sqrt(dot(grad, grad))))
      slope = dot(grad, direction)
    }
    // Backtracking line search (Armijo).
    let step = 1
    const candidate = new Float64Array(n)
    const candidateGrad = new Float64Array(n)
    let candidateValue = Number.POSITIVE_INFINITY
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < n; j++) candidate[j] = x[j] + step * direction[j]
      candidateValue = objective(candidate, candidateGrad)
      if (Number.isFinite(candidateValue) && candidateValue <= value + 1e-4 * step * slope) break
      step *= 0.5
    }
    if (!(candidateValue < value)) break
    const s = new Float64Array(n)
    const y = new Float64Array(n)
    for (let j = 0; j < n; j++) {
      s[j] = candidate[j] - x[j]
      y[j] = candidateGrad[j] - grad[j]
    }
    const sy = dot(s, y)
    if (sy > 1e-12) {
      if (sHistory.length === memory) {
        sHistory.shift()
        yHistory.shift()
        rhoHistory.shift()
      }
      sHistory.push(s)
      yHistory.push(y)
      rhoHistory.push(1 / sy)
    }
    const improvement = value - candidateValue
    x = candidate
    grad = candidateGrad
    value = candidateValue
    if (improvement < relativeTolerance * Math.max(1, Math.abs(value))) break
  }
  return { x, value, iterations }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * b[i]
  return s
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i]
}

function scale(x: Float64Array, a: number): void {
  for (let i = 0; i < x.length; i++) x[i] *= a
}

function maxAbs(x: Float64Array): number {
  let m = 0
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]))
  return m
}
