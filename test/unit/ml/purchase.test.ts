import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../src-main/engine/ml/backend'
import {
  guessPriorColumns,
  loadPurchaseModel,
  predictPurchase,
  savePurchaseModel,
  trainPurchase,
  type PurchaseTrainResult,
  type TrainedPurchaseModel,
} from '../../../src-main/engine/ml/purchase'
import { auc } from '../../../src-main/engine/ml/metrics'
import { syntheticPurchases } from './synthetic'

function trained(result: PurchaseTrainResult): TrainedPurchaseModel {
  if (result.status !== 'trained') throw new Error(`expected a trained model, got ${result.status}`)
  return result.trained
}

const quick = { epochs: 4, batchSize: 64, network: { hiddenUnits: [16, 8], learningRate: 0.01 } }

describe('purchase model (cpu)', () => {
  beforeAll(async () => {
    await initBackend('cpu')
  })

  it('does not train below the data threshold, and says why', async () => {
    const few = syntheticPurchases(150)
    const result = await trainPurchase(few.features, few.labels, quick)
    expect(result.status).toBe('fallback')
    if (result.status === 'fallback') expect(result.reason).toMatch(/150 customers/)

    const rare = syntheticPurchases(400, 3, { baseLogit: -6 })
    const rareResult = await trainPurchase(rare.features, rare.labels, quick)
    expect(rareResult.status).toBe('fallback')
    if (rareResult.status === 'fallback') expect(rareResult.reason).toMatch(/bought/)
  })

  it('calibrates on earlier windows\' rows when given them: the level follows them, the network and its ranking do not change', async () => {
    // Same customers' signal, but the earlier window was a busier season (base logit +1.5).
    const shop = syntheticPurchases(800, 1)
    const busy = syntheticPurchases(1600, 2, { baseLogit: 0.5 })
    const alone = trained(await trainPurchase(shop.features, shop.labels, quick))
    const withEarlier = trained(await trainPurchase(shop.features, shop.labels, { ...quick, calibrationRows: { features: busy.features, labels: busy.labels } }))
    const a = predictPurchase(alone, shop.features)
    const b = predictPurchase(withEarlier, shop.features)
    const mean = (p: Float32Array) => p.reduce((x, y) => x + y, 0) / p.length
    // The calibration slice now averages the two seasons' rates: the predicted level rises toward the busy one.
    const rate = (l: Uint8Array) => l.reduce((x, y) => x + y, 0) / l.length
    expect(rate(busy.labels.bought)).toBeGreaterThan(rate(shop.labels.bought) + 0.15)
    expect(mean(b.pModel)).toBeGreaterThan(mean(a.pModel) + 0.05)
    // Calibration is monotone, so the calibrated network ranks customers as before.
    expect(auc(b.pModel, shop.labels.bought)).toBeCloseTo(auc(a.pModel, shop.labels.bought), 2)
    alone.model.dispose()
    withEarlier.model.dispose()
  })

  it('learns the planted signal and reports calibrated probabilities', async () => {
    const shop = syntheticPurchases(800)
    const before = tf.memory().numTensors
    const result = await trainPurchase(shop.features, shop.labels, { ...quick, epochs: 8 })
    const model = trained(result)
    if (result.status !== 'trained') return
    const losses = result.fit.history.map((h) => h.loss)
    expect(losses[losses.length - 1]).toBeLessThan(losses[0])

    const predictions = predictPurchase(model, shop.features)
    expect(predictions.pBuy.length).toBe(800)
    expect(auc(predictions.pBuy, shop.labels.bought)).toBeGreaterThan(0.75)
    expect(model.metadata.metrics.aucFinal).toBeGreaterThan(0.7)
    // Calibrated: the mean predicted probability is close to the buying rate.
    const rate = shop.labels.bought.reduce((a, b) => a + b, 0) / 800
    const meanP = predictions.pBuy.reduce((a, b) => a + b, 0) / 800
    expect(Math.abs(meanP - rate)).toBeLessThan(0.05)
    for (const p of predictions.pBuy) expect(p > 0 && p < 1).toBe(true)
    // Expected amounts are non-negative and higher for likelier buyers.
    const top = predictions.pBuy.indexOf(Math.max(...predictions.pBuy))
    const bottom = predictions.pBuy.indexOf(Math.min(...predictions.pBuy))
    expect(predictions.expectedOrders[top]).toBeGreaterThan(predictions.expectedOrders[bottom])
    expect(Math.min(...predictions.expectedSpend)).toBeGreaterThanOrEqual(0)
    // Shrinkage toward the prior: n / (n + k).
    expect(model.metadata.extra.shrinkWeight).toBeCloseTo(model.metadata.extra.trainRows / (model.metadata.extra.trainRows + 300), 10)
    expect(model.metadata.extra.prior.columns).toEqual(['recency_days', 'frequency_orders', 'monetary_total'])
    expect(model.metadata.featureNames).toEqual(shop.features.names)
    expect(model.metadata.standardisation?.means).toHaveLength(shop.features.names.length)

    model.model.dispose()
    expect(tf.memory().numTensors).toBe(before)
  })

  it('gives identical predictions after a save and load round trip', async () => {
    const shop = syntheticPurchases(400)
    const model = trained(await trainPurchase(shop.features, shop.labels, quick))
    const saved = await savePurchaseModel(model)
    expect(Buffer.isBuffer(saved.weightData)).toBe(true)
    // What the store would keep: JSON for everything but the weight bytes.
    const json = JSON.parse(JSON.stringify({ ...saved, weightData: undefined }))
    const loaded = await loadPurchaseModel({ ...json, weightData: Buffer.from(saved.weightData) })
    const a = predictPurchase(model, shop.features)
    const b = predictPurchase(loaded, shop.features)
    expect(Array.from(b.pBuy)).toEqual(Array.from(a.pBuy))
    expect(Array.from(b.expectedSpend)).toEqual(Array.from(a.expectedSpend))
    await expect(loadPurchaseModel({ ...saved, metadata: { ...saved.metadata, kind: 'affinity' } })).rejects.toThrow(/not a purchase/)
    model.model.dispose()
    loaded.model.dispose()
  })

  it('predicts from a FeatureSet whose columns come in another order', async () => {
    const shop = syntheticPurchases(300)
    const model = trained(await trainPurchase(shop.features, shop.labels, { ...quick, epochs: 1 }))
    const { names, values } = shop.features
    const order = names.map((_, i) => names.length - 1 - i)
    const reordered = {
      ...shop.features,
      names: order.map((i) => names[i]),
      values: Float32Array.from({ length: values.length }, (_, k) => values[Math.floor(k / names.length) * names.length + order[k % names.length]]),
    }
    expect(Array.from(predictPurchase(model, reordered).pBuy)).toEqual(Array.from(predictPurchase(model, shop.features).pBuy))
    expect(() => predictPurchase(model, { ...shop.features, names: names.map((n) => `${n}_x`) })).toThrow(/missing/)
    model.model.dispose()
  })

  it('stops when cancelled and says so', async () => {
    const shop = syntheticPurchases(400)
    let epochsSeen = 0
    const result = await trainPurchase(shop.features, shop.labels, {
      ...quick,
      epochs: 20,
      onEpoch: () => {
        epochsSeen++
      },
      shouldStop: () => epochsSeen >= 1,
    })
    expect(result.status).toBe('cancelled')
    if (result.status === 'cancelled') {
      expect(result.fit.stoppedBy).toBe('cancelled')
      expect(result.fit.epochsRun).toBe(1)
    }
  })

  it('reports progress with an ETA', async () => {
    const shop = syntheticPurchases(300)
    const seen: { epoch: number; loss: number; eta: number }[] = []
    const result = await trainPurchase(shop.features, shop.labels, {
      ...quick,
      epochs: 3,
      patience: 0,
      onEpoch: (epoch, logs, eta) => {
        seen.push({ epoch, loss: logs.loss, eta })
      },
    })
    expect(seen.map((s) => s.epoch)).toEqual([1, 2, 3])
    for (const s of seen) {
      expect(Number.isFinite(s.loss)).toBe(true)
      expect(s.eta).toBeGreaterThanOrEqual(0)
    }
    expect(seen[2].eta).toBe(0)
    trained(result).model.dispose()
  })

  it('is reproducible: same seed and data give identical weights', async () => {
    const shop = syntheticPurchases(300)
    const weights = async (seed: number) => {
      const model = trained(await trainPurchase(shop.features, shop.labels, { ...quick, epochs: 2, seed }))
      const data = model.model.getWeights().map((w) => Array.from(w.dataSync()))
      model.model.dispose()
      return data
    }
    const a = await weights(5)
    const b = await weights(5)
    const c = await weights(6)
    expect(b).toEqual(a)
    expect(c).not.toEqual(a)
  })

  it('warm-starts from a previous model with the same columns', async () => {
    const shop = syntheticPurchases(300)
    const first = trained(await trainPurchase(shop.features, shop.labels, { ...quick, epochs: 2 }))
    const again = await trainPurchase(shop.features, shop.labels, { ...quick, epochs: 1, previous: first })
    expect(again.status).toBe('trained')
    if (again.status === 'trained') {
      expect(again.fit.warmStart?.applied).toBe(true)
      again.trained.model.dispose()
    }
    const other = syntheticPurchases(300, 7, { noiseColumns: 1 })
    const mismatch = await trainPurchase(other.features, other.labels, { ...quick, epochs: 1, previous: first })
    if (mismatch.status === 'trained') {
      expect(mismatch.fit.warmStart).toBeNull()
      mismatch.trained.model.dispose()
    }
    first.model.dispose()
  })

  it('refuses non-finite features and predicts nothing for no customers', async () => {
    const shop = syntheticPurchases(300)
    const broken = { ...shop.features, values: shop.features.values.slice() }
    broken.values[7] = Number.NaN
    await expect(trainPurchase(broken, shop.labels, quick)).rejects.toThrow(/frequency_orders.*non-finite/)
    const model = trained(await trainPurchase(shop.features, shop.labels, { ...quick, epochs: 1 }))
    const empty = predictPurchase(model, { ...shop.features, customerIds: new Int32Array(0), values: new Float32Array(0) })
    expect(empty.pBuy.length).toBe(0)
    model.model.dispose()
  })

  it('guesses recency, frequency and money columns by name', () => {
    expect(guessPriorColumns(['days_since_last_order', 'orders_12m', 'spend_12m', 'x'])).toEqual([
      'days_since_last_order',
      'orders_12m',
      'spend_12m',
    ])
    expect(guessPriorColumns(['a', 'b'])).toEqual([])
  })
})

describe('purchase model (wasm)', () => {
  it('trains and round-trips on wasm too', async () => {
    const info = await initBackend('wasm')
    expect(info.name).toBe('wasm')
    const shop = syntheticPurchases(400)
    const model = trained(await trainPurchase(shop.features, shop.labels, quick))
    expect(model.metadata.backend).toBe('wasm')
    const loaded = await loadPurchaseModel(await savePurchaseModel(model))
    expect(Array.from(predictPurchase(loaded, shop.features).pBuy)).toEqual(Array.from(predictPurchase(model, shop.features).pBuy))
    model.model.dispose()
    loaded.model.dispose()
  })
})
