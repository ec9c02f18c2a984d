import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../src-main/engine/ml/backend'
import {
  loadSequenceModel,
  predictSequence,
  saveSequenceModel,
  trainSequence,
  type SequenceTrainResult,
  type TrainedSequenceModel,
} from '../../../src-main/engine/ml/sequence'
import { buildSequenceModel, predictSequenceRaw } from '../../../src-main/engine/ml/sequence-model'
import { sequenceTensors } from '../../../src-main/engine/ml/sequence-data'
import { syntheticHistories } from './synthetic'

const CATEGORIES = 5
const quick = { numCategories: CATEGORIES, cutoff: '2024-06-01', epochs: 6, batchSize: 128, network: { units: 16, maxSteps: 10, learningRate: 0.02 } }

function trained(result: SequenceTrainResult): TrainedSequenceModel {
  if (result.status !== 'trained') throw new Error(`expected a trained model, got ${result.status}`)
  return result.trained
}

describe('sequence model (cpu)', () => {
  beforeAll(async () => {
    await initBackend('cpu')
  })

  it('learns the next category and the gap better than the baselines', async () => {
    const histories = syntheticHistories(300, CATEGORIES)
    const result = await trainSequence(histories, { ...quick, epochs: 10 })
    const model = trained(result)
    if (result.status !== 'trained') return
    const losses = result.fit.history.map((h) => h.loss)
    expect(losses[losses.length - 1]).toBeLessThan(losses[0])
    const m = model.metadata.metrics
    expect(m.categoryAccuracy).toBeGreaterThan(m.categoryAccuracyBaseline + 0.2)
    expect(m.logGapRmse).toBeLessThan(m.logGapRmseBaseline)

    const predictions = predictSequence(model, [...histories.slice(0, 20), []])
    expect(predictions.categoryProbabilities.length).toBe(21 * CATEGORIES)
    let rowSum = 0
    for (let j = 0; j < CATEGORIES; j++) rowSum += predictions.categoryProbabilities[j]
    expect(rowSum).toBeCloseTo(1, 4)
    expect(Array.from(predictions.hasHistory.slice(19))).toEqual([1, 0])
    // The cycle: after category c comes c+1.
    let right = 0
    for (let i = 0; i < 20; i++) {
      const last = histories[i][histories[i].length - 1].category
      if (predictions.topCategory[i] === (last + 1) % CATEGORIES) right++
    }
    expect(right).toBeGreaterThanOrEqual(14)
    for (const d of predictions.daysToNext) expect(d).toBeGreaterThanOrEqual(0)
    model.model.dispose()
  })

  it('ignores whatever sits in padded steps (the mask works)', () => {
    const model = buildSequenceModel({ numCategories: CATEGORIES, maxSteps: 6, units: 4, seed: 3 })
    const categories = tf.tensor2d([[0, 0, 0, 2, 3, 1]], [1, 6], 'int32')
    const numeric = Array.from({ length: 6 }, (_, s) => [0.1 * s, -0.2, s % 2])
    const garbage = numeric.map((row, s) => (s < 3 ? [9, -7, 5] : row))
    const a = predictSequenceRaw(model, { categories, numeric: tf.tensor3d([numeric]) })
    const b = predictSequenceRaw(model, { categories, numeric: tf.tensor3d([garbage]) })
    expect(Array.from(b.categoryProbabilities)).toEqual(Array.from(a.categoryProbabilities))
    expect(Array.from(b.logGap)).toEqual(Array.from(a.logGap))
    // ...while a real step does change the answer.
    const changed = numeric.map((row, s) => (s === 5 ? [3, 3, 1] : row))
    const c = predictSequenceRaw(model, { categories, numeric: tf.tensor3d([changed]) })
    expect(Array.from(c.logGap)).not.toEqual(Array.from(a.logGap))
    model.dispose()
  })

  it('pads at the start and keeps only the last maxSteps orders', () => {
    const histories = syntheticHistories(3, CATEGORIES)
    const long = Array.from({ length: 25 }, (_, s) => ({ gapDays: s, category: s % CATEGORIES, amount: 10, discounted: false }))
    const t = sequenceTensors([histories[0], long], [{ customer: 0, end: 2 }, { customer: 1, end: 25 }], CATEGORIES, 20, {
      means: [0, 0, 0],
      stds: [1, 1, 1],
    })
    const ids = t.categories.arraySync()
    expect(ids[0].slice(0, 18)).toEqual(new Array(18).fill(0))
    expect(ids[0][19]).toBe(histories[0][1].category + 1)
    expect(ids[1][0]).toBe((5 % CATEGORIES) + 1)
    expect(ids[1][19]).toBe((24 % CATEGORIES) + 1)
    tf.dispose([t.categories, t.numeric])
  })

  it('gives identical predictions after a save and load round trip', async () => {
    const histories = syntheticHistories(200, CATEGORIES)
    const model = trained(await trainSequence(histories, { ...quick, epochs: 2 }))
    const loaded = await loadSequenceModel(await saveSequenceModel(model))
    const a = predictSequence(model, histories)
    const b = predictSequence(loaded, histories)
    expect(Array.from(b.categoryProbabilities)).toEqual(Array.from(a.categoryProbabilities))
    expect(Array.from(b.daysToNext)).toEqual(Array.from(a.daysToNext))
    model.model.dispose()
    loaded.model.dispose()
  })

  it('maps a later vocabulary onto the model’s categories by name', async () => {
    const histories = syntheticHistories(200, CATEGORIES)
    const names = ['a', 'b', 'c', 'd', 'e']
    const { numCategories: _unused, ...rest } = quick
    const model = trained(await trainSequence(histories, { ...rest, categories: names, epochs: 1 }))
    expect(model.metadata.extra.categories).toEqual(names)
    // The same orders under a vocabulary in another order, plus a new category.
    const later = ['new', 'e', 'd', 'c', 'b', 'a']
    const reindexed = histories.map((h) => h.map((step) => ({ ...step, category: later.indexOf(names[step.category]) })))
    const a = predictSequence(model, histories)
    const b = predictSequence(model, reindexed, later)
    expect(Array.from(b.categoryProbabilities)).toEqual(Array.from(a.categoryProbabilities))
    expect(b.categories).toEqual(names)
    // A step in the new category is a real (unseen) step, not padding.
    const withNew = predictSequence(model, [[...reindexed[0], { ...reindexed[0][0], category: 0 }]], later)
    expect(withNew.hasHistory[0]).toBe(1)
    model.model.dispose()
  })

  it('stops when cancelled and says so', async () => {
    const histories = syntheticHistories(200, CATEGORIES)
    let epochs = 0
    const result = await trainSequence(histories, {
      ...quick,
      epochs: 20,
      onEpoch: () => {
        epochs++
      },
      shouldStop: () => epochs >= 1,
    })
    expect(result.status).toBe('cancelled')
    if (result.status === 'cancelled') expect(result.fit.epochsRun).toBe(1)
  })

  it('does not train on too few repeat orders', async () => {
    const result = await trainSequence(syntheticHistories(20, CATEGORIES), quick)
    expect(result.status).toBe('fallback')
  })
})

describe('sequence model (wasm)', () => {
  it('trains and predicts on wasm', async () => {
    await initBackend('wasm')
    const histories = syntheticHistories(200, CATEGORIES)
    const model = trained(await trainSequence(histories, { ...quick, epochs: 2 }))
    expect(model.metadata.backend).toBe('wasm')
    const predictions = predictSequence(model, histories.slice(0, 5))
    expect(predictions.topCategory.length).toBe(5)
    model.model.dispose()
  })
})
