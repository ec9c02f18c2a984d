/**
 * Seeded weight initialisers. tfjs layers default to unseeded random
 * initialisers; every layer here gets its own seed derived from the model
 * seed and the layer's name, so a model is reproducible and adding a layer
 * does not change the others' starting weights.
 */
import * as tf from '@tensorflow/tfjs'
import { deriveSeed } from './random'

/** tfjs does not export the Initializer class type from its public index. */
type Initializer = ReturnType<typeof tf.initializers.glorotUniform>

/** Glorot-uniform (Keras's default for dense and recurrent kernels). */
export function glorot(seed: number, name: string): Initializer {
  return tf.initializers.glorotUniform({ seed: deriveSeed(seed, name) })
}

/** Small uniform values (Keras's default for embeddings). */
export function embeddingInitializer(seed: number, name: string): Initializer {
  return tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: deriveSeed(seed, name) })
}
