/**
 * Interactions → vocabularies and tensors for the two-tower affinity model.
 *
 * Index 0 of every vocabulary means "unknown": a customer or product the
 * model never saw, an unseen category, or token padding. A new product thus
 * still gets a vector from its category and name words, which is why the
 * product-id embedding is randomly dropped (set to 0) during training: the
 * content part must be able to stand on its own.
 */
import * as tf from '@tensorflow/tfjs'
import type { Interactions, ProductInfo } from '../features/types'
import { createRng, sampleOf, type Rng } from './random'

export interface AffinityVocabulary {
  /** Store ids; customer i has embedding index i + 1. */
  customerIds: number[]
  /** Store ids; product i has embedding index i + 1. */
  productIds: number[]
  categories: string[]
  tokens: string[]
  /** Name tokens kept per product (the rest are dropped). */
  tokensPerProduct: number
}

export interface ProductTensorsSource {
  productId: Int32Array
  category: Int32Array
  /** products × tokensPerProduct, 0 = padding */
  tokens: Int32Array
  /** 1 / (known tokens) for real tokens, 0 for padding: a dot product with these is the mean. */
  tokenWeights: Float32Array
}

export interface AffinityBatch {
  customer: tf.Tensor2D
  customerFeatures: tf.Tensor2D | null
  productId: tf.Tensor2D
  category: tf.Tensor2D
  tokens: tf.Tensor2D
  tokenWeights: tf.Tensor2D
  label: tf.Tensor2D
}

/** A (customer row, product index) pair: the data's own indices, not embedding indices. */
export interface Pair {
  customer: number
  product: number
}

export function buildAffinityVocabulary(
  interactions: Interactions,
  options: { maxTokens?: number; tokensPerProduct?: number } = {},
): AffinityVocabulary {
  const categories = [...new Set(interactions.products.map((p) => p.category))].sort()
  // Words shared by at least two products carry over to new products; a
  // word unique to one product is just a second product id.
  const productCount = new Map<string, number>()
  for (const product of interactions.products) {
    for (const token of new Set(product.tokens)) productCount.set(token, (productCount.get(token) ?? 0) + 1)
  }
  const tokens = [...productCount]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxTokens ?? 5000)
    .map(([token]) => token)
  return {
    customerIds: Array.from(interactions.customerIds),
    productIds: interactions.products.map((p) => p.id),
    categories,
    tokens,
    tokensPerProduct: options.tokensPerProduct ?? 6,
  }
}

/** Embedding indices and token weights for any product list (new products included). */
export function productSource(vocabulary: AffinityVocabulary, products: ProductInfo[]): ProductTensorsSource {
  const productIndex = indexOf(vocabulary.productIds)
  const categoryIndex = indexOf(vocabulary.categories)
  const tokenIndex = indexOf(vocabulary.tokens)
  const L = vocabulary.tokensPerProduct
  const n = products.length
  const out: ProductTensorsSource = {
    productId: new Int32Array(n),
    category: new Int32Array(n),
    tokens: new Int32Array(n * L),
    tokenWeights: new Float32Array(n * L),
  }
  products.forEach((product, i) => {
    out.productId[i] = productIndex.get(product.id) ?? 0
    out.category[i] = categoryIndex.get(product.category) ?? 0
    const known = [...new Set(product.tokens)].map((t) => tokenIndex.get(t) ?? 0).filter((t) => t > 0).slice(0, L)
    known.forEach((t, j) => {
      out.tokens[i * L + j] = t
      out.tokenWeights[i * L + j] = 1 / known.length
    })
  })
  return out
}

/** Embedding indices (0 = unknown) for store customer ids. */
export function customerIndices(vocabulary: AffinityVocabulary, customerIds: ArrayLike<number>): Int32Array {
  const index = indexOf(vocabulary.customerIds)
  return Int32Array.from({ length: customerIds.length }, (_, i) => index.get(customerIds[i]) ?? 0)
}

/** Distinct (customer, product) pairs with a positive weight. */
export function positivePairs(interactions: Interactions): Pair[] {
  const seen = new Set<number>()
  const pairs: Pair[] = []
  const products = interactions.products.length
  for (let i = 0; i < interactions.customerRow.length; i++) {
    if (!(interactions.weight[i] > 0)) continue
    const customer = interactions.customerRow[i]
    const product = interactions.productIndex[i]
    const key = customer * products + product
    if (seen.has(key)) continue
    seen.add(key)
    pairs.push({ customer, product })
  }
  return pairs
}

/**
 * Each positive pair plus `negatives` random products for the same customer
 * (labels 1 and 0), drawn with the seeded `rng`; a drawn product the
 * customer did buy is redrawn a few times. `idDropout` is the chance a row
 * hides its product id (index 0), so the content tower learns to stand alone.
 */
export function sampleTrainingRows(
  positives: Pair[],
  known: Set<number>,
  productCount: number,
  negatives: number,
  rng: Rng,
): { customer: Int32Array; product: Int32Array; label: Float32Array } {
  const n = positives.length * (1 + negatives)
  const customer = new Int32Array(n)
  const product = new Int32Array(n)
  const label = new Float32Array(n)
  let at = 0
  for (const pair of positives) {
    customer[at] = pair.customer
    product[at] = pair.product
    label[at++] = 1
    for (let k = 0; k < negatives; k++) {
      let p = rng.int(productCount)
      for (let tries = 0; tries < 5 && known.has(pair.customer * productCount + p); tries++) p = rng.int(productCount)
      customer[at] = pair.customer
      product[at] = p
      label[at++] = 0
    }
  }
  return { customer, product, label }
}

/** Tensors for rows of (customer row, product index, label). */
export function affinityBatch(
  rows: { customer: Int32Array; product: Int32Array; label: Float32Array },
  products: ProductTensorsSource,
  tokensPerProduct: number,
  options: { idDropout?: number; seed?: number; customerFeatures?: { values: Float32Array; columns: number } } = {},
): AffinityBatch {
  const n = rows.customer.length
  const L = tokensPerProduct
  const productId = new Int32Array(n)
  const category = new Int32Array(n)
  const tokens = new Int32Array(n * L)
  const tokenWeights = new Float32Array(n * L)
  const dropout = options.idDropout ?? 0
  const rng: Rng | null = dropout > 0 ? createRng(options.seed ?? 0) : null
  for (let i = 0; i < n; i++) {
    const p = rows.product[i]
    productId[i] = rng && rng.next() < dropout ? 0 : products.productId[p]
    category[i] = products.category[p]
    tokens.set(products.tokens.subarray(p * L, (p + 1) * L), i * L)
    tokenWeights.set(products.tokenWeights.subarray(p * L, (p + 1) * L), i * L)
  }
  let customerFeatures: tf.Tensor2D | null = null
  if (options.customerFeatures) {
    const { values, columns } = options.customerFeatures
    const picked = new Float32Array(n * columns)
    for (let i = 0; i < n; i++) picked.set(values.subarray(rows.customer[i] * columns, (rows.customer[i] + 1) * columns), i * columns)
    customerFeatures = tf.tensor2d(picked, [n, columns])
  }
  return {
    // Customer rows are data rows; the embedding index is row + 1.
    customer: tf.tensor2d(Int32Array.from(rows.customer, (c) => c + 1), [n, 1], 'int32'),
    customerFeatures,
    productId: tf.tensor2d(productId, [n, 1], 'int32'),
    category: tf.tensor2d(category, [n, 1], 'int32'),
    tokens: tf.tensor2d(tokens, [n, L], 'int32'),
    tokenWeights: tf.tensor2d(tokenWeights, [n, L]),
    label: tf.tensor2d(rows.label, [n, 1]),
  }
}

export function disposeBatch(batch: AffinityBatch): void {
  tf.dispose([batch.customer, batch.productId, batch.category, batch.tokens, batch.tokenWeights, batch.label])
  batch.customerFeatures?.dispose()
}

function indexOf<T>(values: T[]): Map<T, number> {
  return new Map(values.map((v, i) => [v, i + 1]))
}

/** This epoch's bought pairs: all of them, or a seeded sample of `max`. */
export function epochPairs(pairs: Pair[], max: number, rng: Rng): Pair[] {
  return sampleOf(pairs, max, rng)
}
