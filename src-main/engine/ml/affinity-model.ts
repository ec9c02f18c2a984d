/**
 * The two-tower affinity network.
 *   customer tower: customer-id embedding (+ a linear map of optional
 *                   customer features) → 'customer_vector';
 *   product tower:  product-id embedding + category embedding + mean of
 *                   name-token embeddings → 'product_vector';
 *   p(buys) = sigmoid(a · (customer_vector · product_vector) + b).
 * Because the score is a dot product, every customer × product score is one
 * matrix product of the two towers' outputs (see scoreTopK).
 */
import * as tf from '@tensorflow/tfjs'
import type { AffinityBatch } from './affinity-data'
import { embeddingInitializer, glorot } from './initializers'
import { predictBatched, runEpochs, type FitOptions, type FitReport, type TensorData } from './train'

export interface AffinityModelConfig {
  /** Known customers, products, categories and tokens (index 0 = unknown is added). */
  customers: number
  products: number
  categories: number
  tokens: number
  tokensPerProduct: number
  /** Width of the optional customer feature input (0 or absent: none). */
  customerFeatures?: number
  /** Embedding width; default 32. */
  dim?: number
  learningRate?: number
  seed: number
}

export function buildAffinityModel(config: AffinityModelConfig): tf.LayersModel {
  const { seed } = config
  const dim = config.dim ?? 32
  const embed = (name: string, count: number, input: tf.SymbolicTensor) =>
    tf.layers
      .embedding({ inputDim: count + 1, outputDim: dim, name, embeddingsInitializer: embeddingInitializer(seed, name) })
      .apply(input) as tf.SymbolicTensor
  const flat = (name: string, x: tf.SymbolicTensor) => tf.layers.flatten({ name }).apply(x) as tf.SymbolicTensor

  const customer = tf.input({ shape: [1], dtype: 'int32', name: 'customer' })
  const inputs: tf.SymbolicTensor[] = [customer]
  let customerVector = flat('customer_flat', embed('customer_embedding', config.customers, customer))
  if (config.customerFeatures) {
    const features = tf.input({ shape: [config.customerFeatures], name: 'customer_features' })
    inputs.push(features)
    const mapped = tf.layers
      .dense({ units: dim, useBias: false, name: 'customer_features_map', kernelInitializer: glorot(seed, 'customer_features_map') })
      .apply(features) as tf.SymbolicTensor
    customerVector = tf.layers.add({ name: 'customer_vector' }).apply([customerVector, mapped]) as tf.SymbolicTensor
  } else {
    customerVector = tf.layers.activation({ activation: 'linear', name: 'customer_vector' }).apply(customerVector) as tf.SymbolicTensor
  }

  const productId = tf.input({ shape: [1], dtype: 'int32', name: 'product_id' })
  const category = tf.input({ shape: [1], dtype: 'int32', name: 'product_category' })
  const tokens = tf.input({ shape: [config.tokensPerProduct], dtype: 'int32', name: 'product_tokens' })
  const tokenWeights = tf.input({ shape: [config.tokensPerProduct], name: 'product_token_weights' })
  inputs.push(productId, category, tokens, tokenWeights)
  // Weights are 1/count on real tokens and 0 on padding, so this dot product
  // over the token axis is the mean of the real tokens' embeddings.
  const tokenMean = tf.layers
    .dot({ axes: 1, name: 'token_mean' })
    .apply([tokenWeights, embed('token_embedding', config.tokens, tokens)]) as tf.SymbolicTensor
  const productVector = tf.layers
    .add({ name: 'product_vector' })
    .apply([
      flat('product_id_flat', embed('product_embedding', config.products, productId)),
      flat('category_flat', embed('category_embedding', config.categories, category)),
      tokenMean,
    ]) as tf.SymbolicTensor

  const similarity = tf.layers.dot({ axes: 1, name: 'similarity' }).apply([customerVector, productVector]) as tf.SymbolicTensor
  // A learnt scale and offset on the dot product; starting at 1 and 0 needs no seed.
  const affinity = tf.layers
    .dense({ units: 1, activation: 'sigmoid', name: 'affinity', kernelInitializer: 'ones', biasInitializer: 'zeros' })
    .apply(similarity) as tf.SymbolicTensor
  const model = tf.model({ inputs, outputs: affinity, name: 'affinity' })
  model.compile({ optimizer: tf.train.adam(config.learningRate ?? 5e-3), loss: 'binaryCrossentropy' })
  return model
}

/** The model's inputs from a batch, in the model's input order. */
export function affinityInputs(batch: AffinityBatch): tf.Tensor[] {
  return [
    batch.customer,
    ...(batch.customerFeatures ? [batch.customerFeatures] : []),
    batch.productId,
    batch.category,
    batch.tokens,
    batch.tokenWeights,
  ]
}

/**
 * `epochBatch(epoch)` gives that epoch's rows (positives with fresh seeded
 * negatives, already in a random order); the loop disposes them.
 */
export function fitAffinity(
  model: tf.LayersModel,
  data: { epochBatch: (epoch: number) => AffinityBatch; validation: AffinityBatch | null },
  options: FitOptions,
): Promise<FitReport> {
  const asData = (batch: AffinityBatch): TensorData => ({ xs: affinityInputs(batch), ys: batch.label })
  return runEpochs(
    model,
    (epoch) => {
      const batch = data.epochBatch(epoch)
      // The loop disposes xs and ys, which hold every tensor of the batch.
      return asData(batch)
    },
    data.validation ? asData(data.validation) : null,
    options,
  )
}

/** p(buys) for the rows of a batch. */
export function predictAffinityPairs(model: tf.LayersModel, batch: AffinityBatch): Float32Array {
  const [p] = predictBatched(model, affinityInputs(batch))
  try {
    return Float32Array.from(p.dataSync())
  } finally {
    p.dispose()
  }
}

/**
 * Sub-models sharing the trained layers: inputs → customer_vector and
 * inputs → product_vector. They own no weights, so they are never disposed
 * (disposing them would dispose the shared layers).
 */
export function towers(model: tf.LayersModel): {
  customer: tf.LayersModel
  product: tf.LayersModel
  scale: number
  offset: number
} {
  const input = (name: string) => model.getLayer(name).output as tf.SymbolicTensor
  const hasFeatures = model.layers.some((l) => l.name === 'customer_features')
  const customer = tf.model({
    inputs: hasFeatures ? [input('customer'), input('customer_features')] : [input('customer')],
    outputs: model.getLayer('customer_vector').output as tf.SymbolicTensor,
  })
  const product = tf.model({
    inputs: ['product_id', 'product_category', 'product_tokens', 'product_token_weights'].map(input),
    outputs: model.getLayer('product_vector').output as tf.SymbolicTensor,
  })
  const [kernel, bias] = model.getLayer('affinity').getWeights()
  return { customer, product, scale: kernel.dataSync()[0], offset: bias.dataSync()[0] }
}

export interface TopK {
  k: number
  /** rows × k indices into the scored product list, best first; -1 where fewer than k. */
  index: Int32Array
  score: Float32Array
}

/**
 * Top-k products per customer from tower outputs, in blocks of customers so
 * the customers × products score matrix never has to exist whole:
 * score = (1 − w) · sigmoid(a · U Vᵀ + b) + w · extra, where `extra` is the
 * caller's sparse score (co-occurrence, repeat purchase) in [0, 1].
 */
export function scoreTopK(
  customerVectors: tf.Tensor2D,
  productVectors: tf.Tensor2D,
  scale: number,
  offset: number,
  k: number,
  blend: { weight: number; rowStart: Int32Array; product: Int32Array; score: Float32Array } | null,
): TopK {
  const rows = customerVectors.shape[0]
  const products = productVectors.shape[0]
  const kk = Math.min(k, products)
  const index = new Int32Array(rows * k).fill(-1)
  const score = new Float32Array(rows * k)
  const block = Math.max(1, Math.floor(4_000_000 / Math.max(products, 1)))
  const w = blend ? blend.weight : 0
  const heapIndex = new Int32Array(kk)
  const heapScore = new Float32Array(kk)
  for (let start = 0; start < rows; start += block) {
    const end = Math.min(rows, start + block)
    const probabilities = tf.tidy(() =>
      tf.sigmoid(tf.add(tf.mul(tf.matMul(customerVectors.slice([start, 0], [end - start, -1]), productVectors, false, true), scale), offset)),
    )
    const values = probabilities.dataSync() as Float32Array
    probabilities.dispose()
    for (let r = start; r < end; r++) {
      const rowValues = values.subarray((r - start) * products, (r - start + 1) * products)
      if (w > 0) for (let j = 0; j < products; j++) rowValues[j] *= 1 - w
      if (blend && w > 0) {
        for (let e = blend.rowStart[r]; e < blend.rowStart[r + 1]; e++) rowValues[blend.product[e]] += w * blend.score[e]
      }
      const found = topK(rowValues, kk, heapIndex, heapScore)
      for (let j = 0; j < found; j++) {
        index[r * k + j] = heapIndex[j]
        score[r * k + j] = heapScore[j]
      }
    }
  }
  return { k, index, score }
}

/**
 * The k largest values' indices and values, best first (ties: lower index
 * first), by insertion into a short sorted list: k is small (≤ 100).
 */
export function topK(values: ArrayLike<number>, k: number, outIndex: Int32Array, outScore: Float32Array): number {
  let size = 0
  for (let j = 0; j < values.length; j++) {
    // Compared as stored (float32), so equal scores tie whatever array type came in.
    const v = Math.fround(values[j])
    if (size === k && !(v > outScore[k - 1])) continue
    let at = size < k ? size++ : k - 1
    while (at > 0 && outScore[at - 1] < v) {
      outScore[at] = outScore[at - 1]
      outIndex[at] = outIndex[at - 1]
      at--
    }
    outScore[at] = v
    outIndex[at] = j
  }
  return size
}

/** Tower outputs for already-built input tensors. */
export function towerVectors(tower: tf.LayersModel, inputs: tf.Tensor[]): tf.Tensor2D {
  const [out] = predictBatched(tower, inputs)
  return out as tf.Tensor2D
}
