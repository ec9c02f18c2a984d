/**
 * Warm start: begin training from a previous model's weights (last week's
 * model, say) when its architecture matches, so a retrain needs fewer
 * epochs. Matching is by the list of weight shapes in order; layer names
 * are not compared because tfjs numbers them per process.
 */
import type * as tf from '@tensorflow/tfjs'

export interface WarmStartResult {
  applied: boolean
  reason: string
}

export function sameArchitecture(a: tf.LayersModel, b: tf.LayersModel): boolean {
  if (a.weights.length !== b.weights.length) return false
  return a.weights.every((w, i) => {
    const other = b.weights[i].shape
    return w.shape.length === other.length && w.shape.every((d, j) => d === other[j])
  })
}

/** Copies `previous`'s weights into `model` when the shapes match. */
export function warmStart(model: tf.LayersModel, previous: tf.LayersModel): WarmStartResult {
  if (!sameArchitecture(model, previous)) {
    return { applied: false, reason: 'the previous model has a different architecture (features or vocabulary changed)' }
  }
  // getWeights returns the variables' current values; setWeights copies them.
  model.setWeights(previous.getWeights())
  return { applied: true, reason: 'started from the previous model’s weights' }
}
