/**
 * The joint Bernoulli likelihood of campaign outcomes under the effect law
 * (effect-law.ts), with Gaussian priors (L2 penalties).
 *
 * Per member i (z = standardised features, c = campaign, g = depth share):
 *   η_i = β·z_i + a_c + γ·ln(days/14)          base chance p0 = sigmoid(η), all features
 *   τ_i = g_i · (w_0 + Σ_k w_k · z_i[e_k])      effect, only the effect columns e (design.ts)
 *   H_i = exp(τ_i) · softplus(η_i)               cumulative hazard; P(order) = 1 − e^(−H)
 * so control members (g = 0) only inform the base, treated ones both.
 * Campaign intercepts absorb each campaign's season and window: a campaign
 * run in a busy month must not read as a strong coupon effect.
 *
 * Parameter layout: [β (p) | a (C) | γ | w_0 | w (q effect columns)].
 */

export interface FitData {
  n: number
  /** Standardised features, row-major n × p. */
  z: Float64Array
  p: number
  /** Columns of z that θ reads (q of them). */
  effectColumns: Int32Array
  campaignIndex: Int32Array
  campaigns: number
  logWindow: Float64Array
  /**
   * Effect scale g_i: the depth share 1 − exp(−d/κ) times the heterogeneity
   * multiplier m_i (heterogeneity.ts; 1 when flat) for treated members, 0 for
   * control (and for treated members whose multiplier is 0).
   */
  g: Float64Array
  /** 1 for treated members (whatever their g). */
  treated: Uint8Array
  y: Uint8Array
  /** Multiplicity of each member (bootstrap counts; 0 = left out). */
  weight: Float64Array
}

export interface Penalties {
  base: number
  /** On the effect slopes w_1..w_q. */
  effect: number
  /** On the effect intercept w_0 (the shop-average effect), weaker than the slopes'. */
  intercept: number
}

/** Tiny: the campaign intercepts and the window slope are nuisance, but must stay finite in an all-or-nothing campaign. */
const NUISANCE_L2 = 1e-2

export interface Layout {
  beta: number
  campaign: number
  window: number
  w: number
  size: number
}

export function layout(p: number, campaigns: number, q: number): Layout {
  return { beta: 0, campaign: p, window: p + campaigns, w: p + campaigns + 1, size: p + campaigns + 2 + q }
}

export function dataLayout(data: FitData): Layout {
  return layout(data.p, data.campaigns, data.effectColumns.length)
}

export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))
}

/** Base linear predictor η of member i. */
export function baseEta(data: FitData, params: ArrayLike<number>, i: number): number {
  // Layout inlined (hot loop): β at 0, campaigns at p, window at p + C.
  const p = data.p
  let eta = params[p + data.campaignIndex[i]] + params[p + data.campaigns] * data.logWindow[i]
  const row = i * p
  const z = data.z
  for (let j = 0; j < p; j++) eta += params[j] * z[row + j]
  return eta
}

/** θ of member i from effect weights [w_0, w_1..w_q]. */
export function effectTheta(data: FitData, w: ArrayLike<number>, offset: number, i: number): number {
  let theta = w[offset]
  const row = i * data.p
  const e = data.effectColumns
  for (let k = 0; k < e.length; k++) theta += w[offset + 1 + k] * data.z[row + e[k]]
  return theta
}

/** Linear predictors of member i. */
export function predictors(data: FitData, params: Float64Array, i: number): { eta: number; theta: number } {
  return { eta: baseEta(data, params, i), theta: effectTheta(data, params, dataLayout(data).w, i) }
}

/** Log-likelihood of one outcome given η, τ. */
export function memberLogLikelihood(eta: number, tau: number, converted: boolean): number {
  const hazard = Math.max(1e-300, Math.exp(tau) * softplus(eta))
  return converted ? Math.log(-Math.expm1(-hazard)) : -hazard
}

/** Penalised negative log-likelihood and its gradient, over all parameters. */
export function objective(data: FitData, penalties: Penalties): (params: Float64Array, grad: Float64Array) => number {
  const L = dataLayout(data)
  const q = data.effectColumns.length
  const e = data.effectColumns
  return (params, grad) => {
    grad.fill(0)
    let value = 0
    for (let i = 0; i < data.n; i++) {
      const weight = data.weight[i]
      if (weight === 0) continue
      const eta = baseEta(data, params, i)
      const g = data.g[i]
      const theta = g === 0 ? 0 : effectTheta(data, params, L.w, i)
      const tau = g * theta
      const rate = Math.exp(tau)
      const hazard = Math.max(1e-300, rate * softplus(eta))
      const converted = data.y[i] === 1
      value -= weight * (converted ? Math.log(-Math.expm1(-hazard)) : -hazard)
      // d(−ℓ)/dH, then the chain to η and τ.
      const dH = converted ? -1 / Math.expm1(hazard) : 1
      const dEta = weight * dH * rate * sigmoid(eta)
      grad[L.campaign + data.campaignIndex[i]] += dEta
      grad[L.window] += dEta * data.logWindow[i]
      const row = i * data.p
      for (let j = 0; j < data.p; j++) grad[L.beta + j] += dEta * data.z[row + j]
      if (g !== 0) {
        const dTheta = weight * dH * hazard * g
        grad[L.w] += dTheta
        for (let k = 0; k < q; k++) grad[L.w + 1 + k] += dTheta * data.z[row + e[k]]
      }
    }
    value += penalise(params, grad, L.beta, data.p, penalties.base)
    value += penalise(params, grad, L.campaign, data.campaigns + 1, NUISANCE_L2)
    value += penalise(params, grad, L.w, 1, penalties.intercept)
    value += penalise(params, grad, L.w + 1, q, penalties.effect)
    return value
  }
}

/**
 * The effect part alone, with each member's base η held fixed (`eta`): the
 * cheap fit the hyperparameter choice repeats over the κ × penalty grid.
 * Parameters [w_0, w_1..w_q]; only treated members (g > 0) count.
 */
export function effectObjective(data: FitData, eta: Float64Array, penalties: Penalties): (w: Float64Array, grad: Float64Array) => number {
  const q = data.effectColumns.length
  const e = data.effectColumns
  const base = Float64Array.from(eta, softplus)
  return (w, grad) => {
    grad.fill(0)
    let value = 0
    for (let i = 0; i < data.n; i++) {
      const weight = data.weight[i]
      const g = data.g[i]
      if (weight === 0 || g === 0) continue
      const tau = g * effectTheta(data, w, 0, i)
      const hazard = Math.max(1e-300, Math.exp(tau) * base[i])
      const converted = data.y[i] === 1
      value -= weight * (converted ? Math.log(-Math.expm1(-hazard)) : -hazard)
      const dTheta = weight * (converted ? -1 / Math.expm1(hazard) : 1) * hazard * g
      grad[0] += dTheta
      const row = i * data.p
      for (let k = 0; k < q; k++) grad[1 + k] += dTheta * data.z[row + e[k]]
    }
    value += penalise(w, grad, 0, 1, penalties.intercept)
    value += penalise(w, grad, 1, q, penalties.effect)
    return value
  }
}

function penalise(params: ArrayLike<number>, grad: Float64Array, from: number, count: number, lambda: number): number {
  let value = 0
  for (let j = from; j < from + count; j++) {
    value += 0.5 * lambda * params[j] * params[j]
    grad[j] += lambda * params[j]
  }
  return value
}
