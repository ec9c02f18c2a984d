/**
 * The joint Bernoulli likelihood of campaign outcomes under the effect law
 * (effect-law.ts), with Gaussian priors (L2 penalties).
 *
 * Per member i (z = standardised features, c = campaign, g = depth share):
 *   η_i = β·z_i + a_c + γ·ln(days/14)          base chance p0 = sigmoid(η)
 *   τ_i = g_i · (w_0 + w·z_i)                   g = 0 for control members
 *   H_i = exp(τ_i) · softplus(η_i)               cumulative hazard; P(order) = 1 − e^(−H)
 * so control members only inform the base, treated ones both. Campaign
 * intercepts absorb each campaign's season and window: a campaign run in a
 * busy month must not read as a strong coupon effect.
 *
 * Parameter layout: [β (p) | a (C) | γ | w_0 | w (p)].
 */

export interface FitData {
  n: number
  /** Standardised features, row-major n × p. */
  z: Float64Array
  p: number
  campaignIndex: Int32Array
  campaigns: number
  logWindow: Float64Array
  /** Depth share g_i = 1 − exp(−d/κ) for treated members, 0 for control. */
  g: Float64Array
  y: Uint8Array
  /** Multiplicity of each member (bootstrap counts; 0 = left out). */
  weight: Float64Array
}

export interface Penalties {
  base: number
  effect: number
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

export function layout(p: number, campaigns: number): Layout {
  return { beta: 0, campaign: p, window: p + campaigns, w: p + campaigns + 1, size: 2 * p + campaigns + 2 }
}

export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))
}

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))
}

/** Linear predictors of member i. */
export function predictors(data: FitData, params: Float64Array, i: number): { eta: number; theta: number } {
  const L = layout(data.p, data.campaigns)
  let eta = params[L.campaign + data.campaignIndex[i]] + params[L.window] * data.logWindow[i]
  let theta = params[L.w]
  const row = i * data.p
  for (let j = 0; j < data.p; j++) {
    const zj = data.z[row + j]
    eta += params[L.beta + j] * zj
    theta += params[L.w + 1 + j] * zj
  }
  return { eta, theta }
}

/** Log-likelihood of one outcome given η, τ. */
export function memberLogLikelihood(eta: number, tau: number, converted: boolean): number {
  const hazard = Math.max(1e-300, Math.exp(tau) * softplus(eta))
  return converted ? Math.log(-Math.expm1(-hazard)) : -hazard
}

/** Penalised negative log-likelihood and its gradient. */
export function objective(data: FitData, penalties: Penalties): (params: Float64Array, grad: Float64Array) => number {
  const L = layout(data.p, data.campaigns)
  return (params, grad) => {
    grad.fill(0)
    let value = 0
    for (let i = 0; i < data.n; i++) {
      const weight = data.weight[i]
      if (weight === 0) continue
      const { eta, theta } = predictors(data, params, i)
      const g = data.g[i]
      const tau = g * theta
      const rate = Math.exp(tau)
      const hazard = Math.max(1e-300, rate * softplus(eta))
      const converted = data.y[i] === 1
      value -= weight * (converted ? Math.log(-Math.expm1(-hazard)) : -hazard)
      // d(−ℓ)/dH, then the chain to η and τ.
      const dH = converted ? -1 / Math.expm1(hazard) : 1
      const dEta = weight * dH * rate * sigmoid(eta)
      const dTheta = weight * dH * hazard * g
      grad[L.campaign + data.campaignIndex[i]] += dEta
      grad[L.window] += dEta * data.logWindow[i]
      grad[L.w] += dTheta
      const row = i * data.p
      for (let j = 0; j < data.p; j++) {
        const zj = data.z[row + j]
        grad[L.beta + j] += dEta * zj
        grad[L.w + 1 + j] += dTheta * zj
      }
    }
    const penalise = (from: number, count: number, lambda: number): void => {
      for (let j = from; j < from + count; j++) {
        value += 0.5 * lambda * params[j] * params[j]
        grad[j] += lambda * params[j]
      }
    }
    penalise(L.beta, data.p, penalties.base)
    penalise(L.campaign, data.campaigns + 1, NUISANCE_L2)
    penalise(L.w, data.p + 1, penalties.effect)
    return value
  }
}
