import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../src-main/engine/ml/backend'
import { glorot } from '../../../src-main/engine/ml/initializers'
import { runEpochs, shuffledEpochs } from '../../../src-main/engine/ml/train'

function tinyModel(seed: number): tf.LayersModel {
  const model = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [2], units: 1, activation: 'sigmoid', kernelInitializer: glorot(seed, 'd') })],
  })
  model.compile({ optimizer: tf.train.sgd(0.5), loss: 'binaryCrossentropy' })
  return model
}

describe('the shared training loop', () => {
  let x: tf.Tensor2D
  let y: tf.Tensor2D
  let yOpposite: tf.Tensor2D
  beforeAll(async () => {
    await initBackend('cpu')
    x = tf.tensor2d(Array.from({ length: 64 }, (_, i) => [i % 2, (i >> 1) % 2]))
    y = tf.tensor2d(Array.from({ length: 64 }, (_, i) => [i % 2]))
    // Validation labels are the opposite: the better training gets, the worse validation.
    yOpposite = tf.tensor2d(Array.from({ length: 64 }, (_, i) => [1 - (i % 2)]))
  })

  it('stops early when validation loss stops improving and restores the best epoch', async () => {
    const model = tinyModel(1)
    const report = await runEpochs(model, shuffledEpochs({ xs: x, ys: y }, 1), { xs: x, ys: yOpposite }, {
      epochs: 20,
      batchSize: 16,
      seed: 1,
      patience: 2,
    })
    expect(report.stoppedBy).toBe('early-stopping')
    expect(report.epochsRun).toBe(3)
    expect(report.bestEpoch).toBe(1)
    // The model holds epoch 1's weights: its validation loss is epoch 1's.
    const loss = model.evaluate(x, yOpposite, { batchSize: 64 }) as tf.Scalar
    expect(loss.dataSync()[0]).toBeCloseTo(report.history[0].valLoss ?? NaN, 4)
    model.dispose()
  })

  it('samples at most maxRows rows per epoch, a different sample each epoch', () => {
    const ids = tf.tensor2d(Array.from({ length: 64 }, (_, i) => [i, 0]))
    const epochs = shuffledEpochs({ xs: ids, ys: y }, 3, 16)
    const seen = new Set<number>()
    const samples = [0, 1, 2, 3].map((epoch) => {
      const data = epochs(epoch)
      const rows = (data.xs as tf.Tensor2D).arraySync().map((row) => row[0])
      tf.dispose([data.xs, data.ys].flat())
      rows.forEach((r) => seen.add(r))
      return rows
    })
    for (const rows of samples) {
      expect(rows).toHaveLength(16)
      expect(new Set(rows).size).toBe(16)
    }
    expect(samples[1]).not.toEqual(samples[0])
    expect(seen.size).toBeGreaterThan(32)
    // Without a cap (or a cap above the row count) every row, once.
    const all = shuffledEpochs({ xs: ids, ys: y }, 3, 100)(0)
    expect(new Set((all.xs as tf.Tensor2D).arraySync().map((row) => row[0])).size).toBe(64)
    tf.dispose([all.xs, all.ys, ids].flat())
  })

  it('counts an epoch as better only when it gains more than minDelta', async () => {
    // Validation equals training: the loss keeps falling, by less and less.
    const run = (minDelta: number) =>
      runEpochs(tinyModel(1), shuffledEpochs({ xs: x, ys: y }, 1), { xs: x, ys: y }, { epochs: 30, batchSize: 16, seed: 1, patience: 2, minDelta })
    const strict = await run(0.05)
    const loose = await run(0)
    expect(strict.stoppedBy).toBe('early-stopping')
    expect(strict.epochsRun).toBeLessThan(loose.epochsRun)
    const gains = strict.history.slice(1).map((h, i) => (strict.history[i].valLoss ?? 0) - (h.valLoss ?? 0))
    // It stopped while the loss was still falling, by less than minDelta per epoch.
    expect(gains[gains.length - 1]).toBeGreaterThan(0)
    expect(gains[gains.length - 1]).toBeLessThan(0.05)
  })

  it('cancels between batches, mid-epoch', async () => {
    const model = tinyModel(1)
    let batches = 0
    const report = await runEpochs(model, shuffledEpochs({ xs: x, ys: y }, 1), null, {
      epochs: 5,
      batchSize: 8,
      seed: 1,
      shouldStop: () => ++batches > 3,
    })
    expect(report.stoppedBy).toBe('cancelled')
    expect(report.epochsRun).toBe(0)
    model.dispose()
  })

  it('leaks no tensors', async () => {
    const before = tf.memory().numTensors
    const model = tinyModel(2)
    await runEpochs(model, shuffledEpochs({ xs: x, ys: y }, 1), { xs: x, ys: y }, { epochs: 3, batchSize: 16, seed: 1 })
    model.optimizer.dispose()
    model.dispose()
    expect(tf.memory().numTensors).toBe(before)
  })
})
