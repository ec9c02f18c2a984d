/**
 * The model's output for the planner: effects τ per customer, candidate
 * offer and ensemble sample, in the layout the candidates builder reads.
 */
import type { FeatureSet } from '../../features/types'
import { standardisedFeatures } from './design'
import { depthShare } from './effect-law'
import { modelMultipliers } from './heterogeneity'
import type { ResponseModel } from './types'

/** θ_{i,s} for every FeatureSet row and sample, row-major n × S (heterogeneity multiplier included). */
export function responseThetas(model: ResponseModel, features: FeatureSet): Float64Array {
  const n = features.customerIds.length
  const p = model.featureNames.length
  const S = model.samples.length
  const z = standardisedFeatures(features, model.featureNames, model.standardisation)
  const m = modelMultipliers(model, z, n)
  const theta = new Float64Array(n * S)
  for (let s = 0; s < S; s++) {
    const w = model.samples[s].w
    if (w.length !== p + 1) throw new Error(`response sample ${s}: ${w.length} weights for ${p} features`)
    for (let i = 0; i < n; i++) {
      let t = w[0]
      for (let j = 0; j < p; j++) t += w[j + 1] * z[i * p + j]
      theta[i * S + s] = t * m[i]
    }
  }
  return theta
}

/**
 * Effects τ = θ · (1 − exp(−d/κ)) for `depth` (n × k effective depths,
 * row-major, one row per FeatureSet row), at index (i*k + j)*S + s.
 */
export function responseEffects(model: ResponseModel, features: FeatureSet, depth: Float32Array, k: number): Float32Array {
  const n = features.customerIds.length
  if (depth.length !== n * k) throw new Error(`responseEffects: ${depth.length} depths for ${n} customers × ${k} offers`)
  const S = model.samples.length
  const theta = responseThetas(model, features)
  const out = new Float32Array(n * k * S)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const share = depthShare(depth[i * k + j], model.kappa)
      const at = (i * k + j) * S
      for (let s = 0; s < S; s++) out[at + s] = theta[i * S + s] * share
    }
  }
  return out
}
