/**
 * The sequence network: a GRU over a customer's last orders (category
 * embedding + log amount + log gap + discounted flag), joined with a summary
 * of the window (category shares, days since the last order, mean gap, order
 * count), with two heads:
 *   'next_category' — softmax over categories, sparse cross-entropy;
 *   'next_days'     — log1p(days from the cutoff to the next order), absolute
 *                     error: its optimum is the conditional median, which is
 *                     what a days-to-next MAE rewards, and it is robust to
 *                     the long waits of irregular buyers.
 * The customer's own categories also reach the softmax through a "copy"
 * path: per category, its share of the customer's orders, its recency-weighted
 * share and whether the latest order was in it, weighed by three weights the
 * network sets per customer from the GRU state (starting equal, i.e. "what
 * they buy most"). Without that path the GRU had to rediscover
 * each category's identity through an 8-wide embedding, and on Online Retail
 * learnt only the shop-wide mix. The learnt logits (from the GRU state) are
 * strongly regularised: a shop-wide mix learnt in one season does not carry
 * to the next, the customer's own habits do.
 * The embedding masks padding (id 0); tfjs carries the mask through the
 * concatenation to the GRU, which then skips padded steps.
 */
import * as tf from '@tensorflow/tfjs'
import { embeddingInitializer, glorot } from './initializers'
import type { SequenceTargets, SequenceTensors } from './sequence-data'
import { PERSONAL_FEATURES, STEP_FEATURES, SUMMARY_FEATURES } from './sequence-data'
import { predictBatched, runEpochs, shuffledEpochs, type FitOptions, type FitReport } from './train'

export interface SequenceModelConfig {
  numCategories: number
  /** Longest history window fed to the GRU; default 10 (the category shares cover the whole history). */
  maxSteps?: number
  embeddingDim?: number
  units?: number
  hidden?: number
  l2?: number
  /** L2 on the learnt (shop-wide) category logits; default 1. */
  learntL2?: number
  learningRate?: number
  seed: number
}

export interface RawSequencePredictions {
  /** rows × numCategories, row-major */
  categoryProbabilities: Float32Array
  /** log1p(days from the cutoff to the next order) */
  logDays: Float32Array
}

/** Starting logit per unit of each personal input: a category of every order, the latest included, starts e^4.5 ≈ 90 times likelier. */
const COPY_GAIN = 1.5

export function buildSequenceModel(config: SequenceModelConfig): tf.LayersModel {
  const { seed, numCategories } = config
  const maxSteps = config.maxSteps ?? 10
  const regularizer = () => tf.regularizers.l2({ l2: config.l2 ?? 1e-4 })
  const categories = tf.input({ shape: [maxSteps], dtype: 'int32', name: 'categories' })
  const numeric = tf.input({ shape: [maxSteps, STEP_FEATURES.length], name: 'numeric' })
  const personal = tf.input({ shape: [numCategories, PERSONAL_FEATURES.length], name: 'personal' })
  const summary = tf.input({ shape: [SUMMARY_FEATURES.length], name: 'summary' })
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
      units: config.units ?? 16,
      name: 'gru',
      kernelInitializer: glorot(seed, 'gru_kernel'),
      // Glorot rather than the orthogonal default: orthogonal is seeded too
      // but warns about its speed on every build above 2,000 weights.
      recurrentInitializer: glorot(seed, 'gru_recurrent'),
      kernelRegularizer: regularizer(),
    })
    .apply(steps) as tf.SymbolicTensor
  const joined = tf.layers.concatenate({ name: 'joined' }).apply([state, summary]) as tf.SymbolicTensor
  const hidden = tf.layers
    .dense({ units: config.hidden ?? 32, activation: 'relu', name: 'hidden', kernelInitializer: glorot(seed, 'hidden'), kernelRegularizer: regularizer() })
    .apply(joined) as tf.SymbolicTensor
  const learnt = tf.layers
    .dense({
      units: numCategories,
      name: 'category_logits',
      kernelInitializer: glorot(seed, 'category_logits'),
      kernelRegularizer: tf.regularizers.l2({ l2: config.learntL2 ?? 1 }),
      biasRegularizer: tf.regularizers.l2({ l2: config.learntL2 ?? 1 }),
    })
    .apply(hidden) as tf.SymbolicTensor
  // The customer's own weights on share / recent share / latest, from the GRU state: a
  // habitual buyer leans on the share, a browser on the latest order.
  const copyWeights = tf.layers
    .dense({
      units: PERSONAL_FEATURES.length,
      name: 'category_copy',
      kernelInitializer: tf.initializers.zeros(),
      biasInitializer: tf.initializers.constant({ value: COPY_GAIN }),
    })
    .apply(hidden) as tf.SymbolicTensor
  const copied = tf.layers.dot({ axes: [2, 1], name: 'category_copied' }).apply([personal, copyWeights]) as tf.SymbolicTensor
  const logits = tf.layers.add({ name: 'category_sum' }).apply([learnt, copied]) as tf.SymbolicTensor
  const nextCategory = tf.layers.activation({ activation: 'softmax', name: 'next_category' }).apply(logits) as tf.SymbolicTensor
  const nextDays = tf.layers
    .dense({ units: 1, name: 'next_days', kernelInitializer: glorot(seed, 'next_days') })
    .apply(hidden) as tf.SymbolicTensor
  const model = tf.model({ inputs: [categories, numeric, personal, summary], outputs: [nextCategory, nextDays], name: 'sequence' })
  model.compile({
    optimizer: tf.train.adam(config.learningRate ?? 3e-3),
    loss: { next_category: 'sparseCategoricalCrossentropy', next_days: 'meanAbsoluteError' },
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
    xs: [d.categories, d.numeric, d.personal, d.summary],
    ys: [d.nextCategory, d.nextLogDays],
  })
  const validation = data.validation
  return runEpochs(model, shuffledEpochs(asData(data.train), options.seed, options.maxRowsPerEpoch), validation ? asData(validation) : null, {
    ...options,
    validationLoss: validation ? () => validationLoss(model, validation) : undefined,
  })
}

/** Cross-entropy of the category head plus absolute error of the days head, as in training (without the L2 terms). */
function validationLoss(model: tf.LayersModel, data: SequenceTensors & SequenceTargets): number {
  const raw = predictSequenceRaw(model, data)
  const categories = data.nextCategory.dataSync()
  const days = data.nextLogDays.dataSync()
  const width = raw.categoryProbabilities.length / Math.max(1, categories.length)
  let total = 0
  for (let i = 0; i < categories.length; i++) {
    total -= Math.log(Math.max(1e-7, raw.categoryProbabilities[i * width + categories[i]]))
    total += Math.abs(raw.logDays[i] - days[i])
  }
  return total / Math.max(1, categories.length)
}

export function predictSequenceRaw(model: tf.LayersModel, inputs: SequenceTensors): RawSequencePredictions {
  const [probabilities, days] = predictBatched(model, [inputs.categories, inputs.numeric, inputs.personal, inputs.summary])
  try {
    return { categoryProbabilities: Float32Array.from(probabilities.dataSync()), logDays: Float32Array.from(days.dataSync()) }
  } finally {
    tf.dispose([probabilities, days])
  }
}
