/**
 * The sequence network: a GRU over a customer's last orders (category
 * embedding + log amount + log gap + discounted flag) with two heads:
 *   'next_category' — softmax over categories, sparse cross-entropy;
 *   'next_gap'      — log1p(days to the next order), squared error.
 * The embedding masks padding (id 0); tfjs carries the mask through the
 * concatenation to the GRU, which then skips padded steps.
 */
import * as tf from '@tensorflow/tfjs'
import { embeddingInitializer, glorot } from './initializers'
import type { SequenceTargets, SequenceTensors } from './sequence-data'
import { STEP_FEATURES } from './sequence-data'
import { predictBatched, runEpochs, shuffledEpochs, type FitOptions, type FitReport } from './train'

export interface SequenceModelConfig {
  numCategories: number
  /** Longest history window; default 20. */
  maxSteps?: number
  embeddingDim?: number
  units?: number
  l2?: number
  learningRate?: number
  seed: number
}

export interface RawSequencePredictions {
  /** rows × numCategories, row-major */
  categoryProbabilities: Float32Array
  /** log1p(days to the next order) */
  logGap: Float32Array
}

export function buildSequenceModel(config: SequenceModelConfig): tf.LayersModel {
  const { seed, numCategories } = config
  const maxSteps = config.maxSteps ?? 20
  const regularizer = () => tf.regularizers.l2({ l2: config.l2 ?? 1e-4 })
  const categories = tf.input({ shape: [maxSteps], dtype: 'int32', name: 'categories' })
  const numeric = tf.input({ shape: [maxSteps, STEP_FEATURES.length], name: 'numeric' })
  const embedded = tf.layers
    .embedding({
      // 0 = padding, 1..C = categories, C+1 = unseen category
      inputDim: numCategories + 2,
      outputDim: config.embeddingDim ?? 8,
      maskZero: true,
      name: 'category_embedding',
      embeddingsInitializer: embeddingInitializer(seed, 'category_embedding'),
    })
    .apply(categories) as tf.SymbolicTensor
  const steps = tf.layers.concatenate({ name: 'steps' }).apply([embedded, numeric]) as tf.SymbolicTensor
  const state = tf.layers
    .gru({
      units: config.units ?? 32,
      name: 'gru',
      kernelInitializer: glorot(seed, 'gru_kernel'),
      // Glorot rather than the orthogonal default: orthogonal is seeded too
      // but warns about its speed on every build above 2,000 weights.
      recurrentInitializer: glorot(seed, 'gru_recurrent'),
      kernelRegularizer: regularizer(),
    })
    .apply(steps) as tf.SymbolicTensor
  const nextCategory = tf.layers
    .dense({ units: numCategories, activation: 'softmax', name: 'next_category', kernelInitializer: glorot(seed, 'next_category') })
    .apply(state) as tf.SymbolicTensor
  const nextGap = tf.layers
    .dense({ units: 1, name: 'next_gap', kernelInitializer: glorot(seed, 'next_gap') })
    .apply(state) as tf.SymbolicTensor
  const model = tf.model({ inputs: [categories, numeric], outputs: [nextCategory, nextGap], name: 'sequence' })
  model.compile({
    optimizer: tf.train.adam(config.learningRate ?? 3e-3),
    loss: { next_category: 'sparseCategoricalCrossentropy', next_gap: 'meanSquaredError' },
  })
  return model
}

export function fitSequence(
  model: tf.LayersModel,
  data: {
    train: SequenceTensors & SequenceTargets
    validation: (SequenceTensors & SequenceTargets) | null
  },
  options: FitOptions,
): Promise<FitReport> {
  const asData = (d: SequenceTensors & SequenceTargets) => ({
    xs: [d.categories, d.numeric],
    ys: [d.nextCategory, d.nextLogGap],
  })
  return runEpochs(model, shuffledEpochs(asData(data.train), options.seed), data.validation ? asData(data.validation) : null, options)
}

export function predictSequenceRaw(model: tf.LayersModel, inputs: SequenceTensors): RawSequencePredictions {
  const [probabilities, gap] = predictBatched(model, [inputs.categories, inputs.numeric])
  try {
    return { categoryProbabilities: Float32Array.from(probabilities.dataSync()), logGap: Float32Array.from(gap.dataSync()) }
  } finally {
    tf.dispose([probabilities, gap])
  }
}
