/**
 * Customer–product affinity end to end: Interactions in, a trained
 * two-tower model (or an honest "not enough data") out, and top-k product
 * lists per customer, optionally blended with the caller's co-occurrence or
 * repeat-purchase scores. Interaction weights only decide what counts as a
 * purchase (weight > 0); every bought pair is one positive.
 */
import * as tf from '@tensorflow/tfjs'
import type { FeatureSet, Interactions, ProductInfo } from '../features/types'
import {
  affinityBatch,
  buildAffinityVocabulary,
  customerIndices,
  disposeBatch,
  positivePairs,
  productSource,
  sampleTrainingRows,
  epochPairs,
  type AffinityVocabulary,
  type Pair,
} from './affinity-data'
import { buildAffinityModel, fitAffinity, predictAffinityPairs, scoreTopK, towers, towerVectors } from './affinity-model'
import { auc } from './metrics'
import { loadModel, saveModel, type ModelMetadata, type SavedModel, type TrainedModel } from './persistence'
import { createRng, deriveSeed, permutation } from './random'
import { applyStandardisation, fitStandardisation, type Standardisation } from './standardise'
import { releaseTrainingState, type FitOptions, type FitReport } from './train'

export const AFFINITY_MODEL_VERSION = 1

/**
 * Rows per gradient step. 4,096 rather than 1,024: on wasm an epoch costs about
 * half as much, and the held-out recall@10 was the same or better on Online
 * Retail and a 20,000-customer sample shop (docs/learning.md).
 */
const AFFINITY_BATCH_SIZE = 4096
/** See AffinityTrainOptions.maxPositivesPerEpoch (measured in docs/learning.md). */
export const MAX_POSITIVES_PER_EPOCH = 163840

export interface AffinityExtra {
  vocabulary: AffinityVocabulary
  negatives: number
  idDropout: number
  trainPairs: number
  validationPairs: number
  fit: { stoppedBy: FitReport['stoppedBy']; epochsRun: number; bestEpoch: number | null }
}

export type TrainedAffinityModel = TrainedModel<AffinityExtra>

export interface AffinityTrainOptions {
  seed?: number
  epochs?: number
  batchSize?: number
  patience?: number
  /** Random non-bought products per bought one, redrawn every epoch; default 4. */
  negatives?: number
  /**
   * Bought pairs each epoch trains on (with their negatives), a fresh seeded
   * sample every epoch; default MAX_POSITIVES_PER_EPOCH. A large shop's epoch
   * then costs what a mid-sized shop's does, and every pair has its turn.
   */
  maxPositivesPerEpoch?: number
  /** Chance a training row hides its product id; default 0.15. */
  idDropout?: number
  /** Share of bought pairs held out for early stopping and the AUC; default 0.1. */
  validationFraction?: number
  /** Below these, no model ('fallback'); defaults 200 pairs, 20 customers. */
  minPairs?: number
  minCustomers?: number
  maxTokens?: number
  tokensPerProduct?: number
  /** Optional customer features (standardised, matched by customer id). */
  customerFeatures?: FeatureSet | null
  network?: { dim?: number; learningRate?: number }
  previous?: TrainedAffinityModel | null
  onEpoch?: FitOptions['onEpoch']
  shouldStop?: FitOptions['shouldStop']
}

export type AffinityTrainResult =
  | { status: 'trained'; trained: TrainedAffinityModel; fit: FitReport }
  | { status: 'fallback'; reason: string; pairs: number; customers: number }
  | { status: 'cancelled'; fit: FitReport }

export interface AffinityPredictOptions {
  /** Store ids of the customers to score (unknown ones get the "unknown customer" vector). */
  customerIds: ArrayLike<number>
  /** Products to rank; new products are scored from category and name words. */
  products: ProductInfo[]
  k: number
  /**
   * Caller's scores in [0, 1] as a sparse list (row into customerIds, index
   * into products, score); final = (1 − weight) · model + weight · score.
   */
  blend?: { weight: number; customerRow: Int32Array; productIndex: Int32Array; score: Float32Array } | null
  /** Needed when the model was trained with customer features. */
  customerFeatures?: FeatureSet | null
}

export interface AffinityPredictions {
  customerIds: Int32Array
  productIds: Int32Array
  k: number
  /** customers × k indices into `products`, best first; -1 where fewer than k products. */
  index: Int32Array
  score: Float32Array
}

export async function trainAffinity(interactions: Interactions, options: AffinityTrainOptions = {}): Promise<AffinityTrainResult> {
  const started = performance.now()
  const seed = options.seed ?? 1
  const pairs = positivePairs(interactions)
  const activeCustomers = new Set(pairs.map((p) => p.customer)).size
  const minPairs = options.minPairs ?? 200
  const minCustomers = options.minCustomers ?? 20
  if (pairs.length < minPairs || activeCustomers < minCustomers || interactions.products.length < 2) {
    return {
      status: 'fallback',
      reason:
        pairs.length < minPairs
          ? `only ${pairs.length} distinct customer–product purchases (a model needs at least ${minPairs})`
          : `only ${activeCustomers} customers bought products (a model needs at least ${minCustomers})`,
      pairs: pairs.length,
      customers: activeCustomers,
    }
  }

  const vocabulary = buildAffinityVocabulary(interactions, { maxTokens: options.maxTokens, tokensPerProduct: options.tokensPerProduct })
  const products = productSource(vocabulary, interactions.products)
  const productCount = interactions.products.length
  const known = new Set(pairs.map((p) => p.customer * productCount + p.product))
  const order = permutation(pairs.length, createRng(deriveSeed(seed, 'split')))
  const validationCount = Math.round(pairs.length * (options.validationFraction ?? 0.1))
  const validationPairs: Pair[] = []
  const trainPairs: Pair[] = []
  order.forEach((i, j) => (j < validationCount ? validationPairs : trainPairs).push(pairs[i]))

  const features = options.customerFeatures ? customerFeatureMatrix(options.customerFeatures, vocabulary.customerIds, null) : null
  const negatives = options.negatives ?? 4
  const idDropout = options.idDropout ?? 0.15
  const maxPositives = options.maxPositivesPerEpoch ?? MAX_POSITIVES_PER_EPOCH
  const tokensPerProduct = vocabulary.tokensPerProduct
  const batchOptions = features ? { customerFeatures: { values: features.values, columns: features.names.length } } : {}
  const validation = validationPairs.length
    ? affinityBatch(
        sampleTrainingRows(validationPairs, known, productCount, 1, createRng(deriveSeed(seed, 'validation'))),
        products,
        tokensPerProduct,
        batchOptions,
      )
    : null

  const model = buildAffinityModel({
    customers: vocabulary.customerIds.length,
    products: vocabulary.productIds.length,
    categories: vocabulary.categories.length,
    tokens: vocabulary.tokens.length,
    tokensPerProduct,
    customerFeatures: features ? features.names.length : 0,
    ...options.network,
    seed,
  })
  let fit: FitReport
  let validationAuc = Number.NaN
  try {
    fit = await fitAffinity(
      model,
      {
        epochBatch: (epoch) => {
          const rng = createRng(deriveSeed(seed, `negatives ${epoch}`))
          const rows = sampleTrainingRows(epochPairs(trainPairs, maxPositives, rng), known, productCount, negatives, rng)
          // Rows come out grouped by customer; fit does not shuffle, so shuffle here.
          const shuffle = permutation(rows.label.length, rng)
          const shuffled = {
            customer: Int32Array.from(shuffle, (i) => rows.customer[i]),
            product: Int32Array.from(shuffle, (i) => rows.product[i]),
            label: Float32Array.from(shuffle, (i) => rows.label[i]),
          }
          return affinityBatch(shuffled, products, tokensPerProduct, { ...batchOptions, idDropout, seed: deriveSeed(seed, `dropout ${epoch}`) })
        },
        validation,
      },
      {
        epochs: options.epochs ?? 10,
        batchSize: options.batchSize ?? AFFINITY_BATCH_SIZE,
        seed,
        // One epoch without gain: its validation loss turns up sharply once the customer
        // embeddings start to memorise (Online Retail and the sample shops alike).
        patience: options.patience ?? 1,
        onEpoch: options.onEpoch,
        shouldStop: options.shouldStop,
        warmStart: options.previous?.model ?? null,
      },
    )
    releaseTrainingState(model)
    if (validation && fit.stoppedBy !== 'cancelled') {
      validationAuc = auc(predictAffinityPairs(model, validation), validation.label.dataSync())
    }
  } finally {
    if (validation) disposeBatch(validation)
  }
  if (fit.stoppedBy === 'cancelled') {
    model.dispose()
    return { status: 'cancelled', fit }
  }
  const metadata: ModelMetadata<AffinityExtra> = {
    kind: 'affinity',
    version: AFFINITY_MODEL_VERSION,
    cutoff: interactions.cutoff,
    horizonDays: null,
    featureNames: features ? features.names : [],
    standardisation: features ? features.standardisation : null,
    backend: tf.getBackend(),
    metrics: { validationAuc },
    trainingSeconds: (performance.now() - started) / 1000,
    seed,
    createdAt: new Date().toISOString(),
    extra: {
      vocabulary,
      negatives,
      idDropout,
      trainPairs: trainPairs.length,
      validationPairs: validationPairs.length,
      fit: { stoppedBy: fit.stoppedBy, epochsRun: fit.epochsRun, bestEpoch: fit.bestEpoch },
    },
  }
  return { status: 'trained', trained: { model, metadata }, fit }
}

/** Top-k products for each customer, by batched customers × products matrix maths. */
export function predictAffinity(trained: TrainedAffinityModel, options: AffinityPredictOptions): AffinityPredictions {
  const rows = options.customerIds.length
  if (rows === 0 || options.products.length === 0 || options.k <= 0) {
    const k = Math.max(0, options.k)
    return {
      customerIds: Int32Array.from(options.customerIds),
      productIds: Int32Array.from(options.products, (p) => p.id),
      k,
      index: new Int32Array(rows * k).fill(-1),
      score: new Float32Array(rows * k),
    }
  }
  const { tower, customerVectors, productVectors } = embedBoth(trained, options)
  try {
    const top = scoreTopK(customerVectors, productVectors, tower.scale, tower.offset, options.k, blendIndex(options.blend ?? null, rows))
    return {
      customerIds: Int32Array.from(options.customerIds),
      productIds: Int32Array.from(options.products, (p) => p.id),
      k: top.k,
      index: top.index,
      score: top.score,
    }
  } finally {
    tf.dispose([customerVectors, productVectors])
  }
}

/**
 * The model's logit a · u·v + b for given (customer row, product index)
 * pairs, rows into `customerIds` and indices into `products` — for callers
 * that combine the two-tower score with other signals per candidate.
 */
export function affinityPairLogits(
  trained: TrainedAffinityModel,
  options: { customerIds: ArrayLike<number>; products: ProductInfo[]; customerFeatures?: FeatureSet | null },
  pairs: { customerRow: Int32Array; productIndex: Int32Array },
): Float32Array {
  const rows = options.customerIds.length
  const out = new Float32Array(pairs.customerRow.length)
  if (rows === 0 || options.products.length === 0 || out.length === 0) return out
  const { tower, customerVectors, productVectors } = embedBoth(trained, options)
  const u = customerVectors.dataSync() as Float32Array
  const v = productVectors.dataSync() as Float32Array
  const dim = customerVectors.shape[1]
  tf.dispose([customerVectors, productVectors])
  for (let i = 0; i < out.length; i++) {
    const a = pairs.customerRow[i] * dim
    const b = pairs.productIndex[i] * dim
    let dot = 0
    for (let j = 0; j < dim; j++) dot += u[a + j] * v[b + j]
    out[i] = tower.scale * dot + tower.offset
  }
  return out
}

export function saveAffinityModel(trained: TrainedAffinityModel): Promise<SavedModel<AffinityExtra>> {
  return saveModel(trained)
}

export function loadAffinityModel(saved: SavedModel<AffinityExtra>): Promise<TrainedAffinityModel> {
  return loadModel(saved, 'affinity', AFFINITY_MODEL_VERSION)
}

/** The caller's sparse scores as per-row ranges (CSR), for scoreTopK. */
function blendIndex(
  blend: AffinityPredictOptions['blend'],
  rows: number,
): { weight: number; rowStart: Int32Array; product: Int32Array; score: Float32Array } | null {
  if (!blend || !(blend.weight > 0)) return null
  const rowStart = new Int32Array(rows + 1)
  for (const r of blend.customerRow) if (r >= 0 && r < rows) rowStart[r + 1]++
  for (let r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r]
  const fill = rowStart.slice(0, rows)
  const product = new Int32Array(rowStart[rows])
  const score = new Float32Array(rowStart[rows])
  blend.customerRow.forEach((r, i) => {
    if (r < 0 || r >= rows) return
    const at = fill[r]++
    product[at] = blend.productIndex[i]
    score[at] = blend.score[i]
  })
  return { weight: Math.min(1, blend.weight), rowStart, product, score }
}

/**
 * Customer features as standardised rows in the order of `customerIds`
 * (zeros for customers the FeatureSet lacks). Training fits the
 * standardisation; prediction reuses the model's (and its column order).
 */
function customerFeatureMatrix(
  features: FeatureSet,
  customerIds: number[],
  model: ModelMetadata | null,
): { names: string[]; values: Float32Array; standardisation: Standardisation } {
  const names = model ? model.featureNames : features.names
  const width = features.names.length
  const source = names.map((name) => {
    const at = features.names.indexOf(name)
    if (at < 0) throw new Error(`affinity: customer feature "${name}" is missing; retrain the model`)
    return at
  })
  const rowOf = new Map<number, number>()
  features.customerIds.forEach((id, r) => rowOf.set(id, r))
  const raw = new Float32Array(customerIds.length * names.length)
  const present: number[] = []
  customerIds.forEach((id, i) => {
    const r = rowOf.get(id)
    if (r === undefined) return
    present.push(i)
    source.forEach((c, j) => (raw[i * names.length + j] = features.values[r * width + c]))
  })
  const standardisation = model?.standardisation ?? fitStandardisation(raw, names.length, present)
  const values = applyStandardisation(raw, standardisation)
  // Missing customers: zero after standardisation, i.e. "an average customer".
  const isPresent = new Uint8Array(customerIds.length)
  for (const i of present) isPresent[i] = 1
  isPresent.forEach((p, i) => {
    if (!p) values.fill(0, i * names.length, (i + 1) * names.length)
  })
  return { names, values, standardisation }
}

/**
 * Both towers' vectors: one row per customer in `customerIds`, one per
 * product in `products` (new products through their category and words).
 * The caller disposes the two tensors.
 */
function embedBoth(
  trained: TrainedAffinityModel,
  options: { customerIds: ArrayLike<number>; products: ProductInfo[]; customerFeatures?: FeatureSet | null },
): { tower: ReturnType<typeof towers>; customerVectors: tf.Tensor2D; productVectors: tf.Tensor2D } {
  const { vocabulary } = trained.metadata.extra
  const rows = options.customerIds.length
  const tower = towers(trained.model)
  const customerInputs: tf.Tensor[] = [tf.tensor2d(customerIndices(vocabulary, options.customerIds), [rows, 1], 'int32')]
  if (trained.metadata.featureNames.length) {
    if (!options.customerFeatures) throw new Error('affinity: this model needs customer features')
    const { values, names } = customerFeatureMatrix(options.customerFeatures, Array.from(options.customerIds), trained.metadata)
    customerInputs.push(tf.tensor2d(values, [rows, names.length]))
  }
  const products = productSource(vocabulary, options.products)
  const L = vocabulary.tokensPerProduct
  const n = options.products.length
  const productInputs = [
    tf.tensor2d(products.productId, [n, 1], 'int32'),
    tf.tensor2d(products.category, [n, 1], 'int32'),
    tf.tensor2d(products.tokens, [n, L], 'int32'),
    tf.tensor2d(products.tokenWeights, [n, L]),
  ]
  const customerVectors = towerVectors(tower.customer, customerInputs)
  const productVectors = towerVectors(tower.product, productInputs)
  tf.dispose([...customerInputs, ...productInputs])
  return { tower, customerVectors, productVectors }
}

