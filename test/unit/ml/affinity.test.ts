import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../src-main/engine/ml/backend'
import {
  affinityPairLogits,
  loadAffinityModel,
  predictAffinity,
  saveAffinityModel,
  trainAffinity,
  type AffinityTrainResult,
  type TrainedAffinityModel,
} from '../../../src-main/engine/ml/affinity'
import { topK } from '../../../src-main/engine/ml/affinity-model'
import { epochPairs } from '../../../src-main/engine/ml/affinity-data'
import { createRng } from '../../../src-main/engine/ml/random'
import type { ProductInfo } from '../../../src-main/engine/features/types'
import { syntheticInteractions, syntheticPurchases } from './synthetic'

const GROUPS = 4
const quick = { epochs: 6, batchSize: 256, network: { dim: 8, learningRate: 0.02 } }

function trained(result: AffinityTrainResult): TrainedAffinityModel {
  if (result.status !== 'trained') throw new Error(`expected a trained model, got ${result.status}`)
  return result.trained
}

describe('topK', () => {
  it('returns the k largest, best first, lower index first on ties', () => {
    const index = new Int32Array(3)
    const score = new Float32Array(3)
    expect(topK([0.1, 0.9, 0.5, 0.9, 0.2], 3, index, score)).toBe(3)
    expect(Array.from(index)).toEqual([1, 3, 2])
    expect(Array.from(score)).toEqual([0.9, 0.9, 0.5].map(Math.fround))
    expect(topK([0.3], 3, index, score)).toBe(1)
  })
})

describe('epochPairs', () => {
  it('takes every pair under the cap, and a fresh sample of distinct pairs over it', () => {
    const pairs = Array.from({ length: 50 }, (_, i) => ({ customer: i, product: i % 7 }))
    expect(epochPairs(pairs, 100, createRng(1))).toBe(pairs)
    const rng = createRng(2)
    const first = epochPairs(pairs, 20, rng)
    const second = epochPairs(pairs, 20, rng)
    for (const sample of [first, second]) {
      expect(sample).toHaveLength(20)
      expect(new Set(sample.map((p) => p.customer)).size).toBe(20)
      for (const p of sample) expect(pairs).toContain(p)
    }
    expect(second).not.toEqual(first)
  })
})

describe('affinity model (cpu)', () => {
  const interactions = syntheticInteractions(160, 60, 8)
  let model: TrainedAffinityModel

  beforeAll(async () => {
    await initBackend('cpu')
    const result = await trainAffinity(interactions, quick)
    model = trained(result)
    if (result.status === 'trained') {
      const losses = result.fit.history.map((h) => h.loss)
      expect(losses[losses.length - 1]).toBeLessThan(losses[0])
    }
  })

  it('ranks held-out purchases above random products', () => {
    expect(model.metadata.metrics.validationAuc).toBeGreaterThan(0.75)
  })

  it('recommends products from the customer’s taste group', () => {
    const customers = Array.from(interactions.customerIds.slice(0, 40))
    const top = predictAffinity(model, { customerIds: customers, products: interactions.products, k: 5 })
    expect(top.index.length).toBe(40 * 5)
    let inGroup = 0
    for (let r = 0; r < 40; r++) {
      for (let j = 0; j < 5; j++) if (top.index[r * 5 + j] % GROUPS === r % GROUPS) inGroup++
      // best first
      for (let j = 1; j < 5; j++) expect(top.score[r * 5 + j]).toBeLessThanOrEqual(top.score[r * 5 + j - 1])
    }
    expect(inGroup / 200).toBeGreaterThan(0.8)
  })

  it('scores a product it never saw from its category and name', () => {
    const fresh: ProductInfo = { id: 99999, name: 'steel thing', category: 'cat-1', tokens: ['steel', 'item', 'thing'] }
    const products = [...interactions.products, fresh]
    const freshIndex = products.length - 1
    const customers = Array.from(interactions.customerIds.slice(0, 40))
    const all = predictAffinity(model, { customerIds: customers, products, k: products.length })
    const scoreOf = (row: number) => {
      for (let j = 0; j < all.k; j++) if (all.index[row * all.k + j] === freshIndex) return all.score[row * all.k + j]
      throw new Error('not ranked')
    }
    let group1 = 0
    let others = 0
    for (let r = 0; r < 40; r++) (r % GROUPS === 1 ? (group1 += scoreOf(r) / 10) : (others += scoreOf(r) / 30))
    expect(group1).toBeGreaterThan(others + 0.1)
  })

  it('gives pair logits whose sigmoid is the top-k score', () => {
    const customers = Array.from(interactions.customerIds.slice(0, 5))
    const top = predictAffinity(model, { customerIds: customers, products: interactions.products, k: 2 })
    const customerRow = Int32Array.from({ length: 10 }, (_, i) => Math.floor(i / 2))
    const productIndex = Int32Array.from(top.index)
    const logits = affinityPairLogits(model, { customerIds: customers, products: interactions.products }, { customerRow, productIndex })
    logits.forEach((z, i) => expect(1 / (1 + Math.exp(-z))).toBeCloseTo(top.score[i], 4))
  })

  it('blends in the caller’s scores with the given weight', () => {
    const customers = [interactions.customerIds[0], interactions.customerIds[1]]
    // customer row 1 is in group 1; push a group-3 product to the top for it
    const blend = { weight: 0.9, customerRow: Int32Array.from([1]), productIndex: Int32Array.from([3]), score: Float32Array.from([1]) }
    const plain = predictAffinity(model, { customerIds: customers, products: interactions.products, k: 3 })
    const blended = predictAffinity(model, { customerIds: customers, products: interactions.products, k: 3, blend })
    expect(plain.index[3]).not.toBe(3)
    expect(blended.index[3]).toBe(3)
    // row 0 has no extra score: same ranking, scores scaled by (1 - weight)
    expect(Array.from(blended.index.slice(0, 3))).toEqual(Array.from(plain.index.slice(0, 3)))
    expect(blended.score[0]).toBeCloseTo(plain.score[0] * 0.1, 5)
  })

  it('gives identical predictions after a save and load round trip', async () => {
    const loaded = await loadAffinityModel(await saveAffinityModel(model))
    const options = { customerIds: Array.from(interactions.customerIds), products: interactions.products, k: 10 }
    const a = predictAffinity(model, options)
    const b = predictAffinity(loaded, options)
    expect(Array.from(b.index)).toEqual(Array.from(a.index))
    expect(Array.from(b.score)).toEqual(Array.from(a.score))
    loaded.model.dispose()
  })

  it('uses optional customer features', async () => {
    const shop = syntheticPurchases(160)
    const features = { ...shop.features, customerIds: interactions.customerIds }
    const withFeatures = trained(await trainAffinity(interactions, { ...quick, epochs: 1, customerFeatures: features }))
    expect(withFeatures.metadata.featureNames).toEqual(features.names)
    const top = predictAffinity(withFeatures, { customerIds: [1000, 424242], products: interactions.products, k: 2, customerFeatures: features })
    expect(top.index.every((i) => i >= 0)).toBe(true)
    expect(() => predictAffinity(withFeatures, { customerIds: [1000], products: interactions.products, k: 2 })).toThrow(/features/)
    withFeatures.model.dispose()
  })

  it('stops when cancelled and says so', async () => {
    let epochs = 0
    const result = await trainAffinity(interactions, {
      ...quick,
      epochs: 10,
      onEpoch: () => {
        epochs++
      },
      shouldStop: () => epochs >= 1,
    })
    expect(result.status).toBe('cancelled')
    if (result.status === 'cancelled') expect(result.fit.epochsRun).toBe(1)
  })

  it('is reproducible: same seed, same negatives and dropout, identical weights', async () => {
    const small = syntheticInteractions(60, 30, 6)
    const weights = async (seed: number) => {
      const m = trained(await trainAffinity(small, { ...quick, epochs: 2, seed }))
      const data = m.model.getWeights().map((w) => Array.from(w.dataSync()))
      m.model.dispose()
      return data
    }
    const a = await weights(3)
    expect(await weights(3)).toEqual(a)
    expect(await weights(4)).not.toEqual(a)
  })

  it('answers empty requests with empty lists', () => {
    const none = predictAffinity(model, { customerIds: [], products: interactions.products, k: 5 })
    expect(none.index.length).toBe(0)
    const noProducts = predictAffinity(model, { customerIds: [1000], products: [], k: 2 })
    expect(Array.from(noProducts.index)).toEqual([-1, -1])
  })

  it('does not train on too few purchases', async () => {
    const result = await trainAffinity(syntheticInteractions(10, 20, 3), quick)
    expect(result.status).toBe('fallback')
  })
})

describe('affinity model (wasm)', () => {
  it('trains (embedding gradients need the custom kernel) and predicts', async () => {
    await initBackend('wasm')
    const interactions = syntheticInteractions(120, 40, 6)
    const model = trained(await trainAffinity(interactions, { ...quick, epochs: 3 }))
    expect(model.metadata.backend).toBe('wasm')
    expect(model.metadata.metrics.validationAuc).toBeGreaterThan(0.6)
    const top = predictAffinity(model, { customerIds: Array.from(interactions.customerIds), products: interactions.products, k: 3 })
    expect(top.index.every((i) => i >= 0 && i < 40)).toBe(true)
    model.model.dispose()
  })
})
