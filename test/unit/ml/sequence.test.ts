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
const quick = { numCategories: CATEGORIES, cutoff: '2024-06-01', horizonDays: 60, strideDays: 30, epochs: 6, batchSize: 128, network: { units: 16, maxSteps: 10, learningRate: 0.02 } }
/** Each synthetic history seen the day after its last order. */
const since = (histories: ArrayLike<unknown>) => Array.from(histories, () => 1)

function trained(result: SequenceTrainResult): TrainedSequenceModel {
  if (result.status !== 'trained') throw new Error(`expected a trained model, got ${result.status}`)
  return result.trained
}

describe('sequence model (cpu)', () => {
  beforeAll(async () => {
    await initBackend('cpu')
  })

  it('learns the next category and the gap better than the baselines', async () => {
    const histories = syntheticHistories(200, CATEGORIES)
    const result = await trainSequence(histories, { ...quick, daysSinceLast: since(histories), epochs: 8 })
    const model = trained(result)
    if (result.status !== 'trained') return
    const losses = result.fit.history.map((h) => h.loss)
    expect(losses[losses.length - 1]).toBeLessThan(losses[0])
    const m = model.metadata.metrics
    expect(m.categoryAccuracy).toBeGreaterThan(m.categoryAccuracyBaseline + 0.2)
    expect(m.daysToNextMae).toBeLessThan(m.daysToNextMaeBaseline)

    const predictions = predictSequence(model, [...histories.slice(0, 20), []], since(new Array(21)))
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
  }, 180_000)

  it('ignores whatever sits in padded steps (the mask works)', () => {
    const model = buildSequenceModel({ numCategories: CATEGORIES, maxSteps: 6, units: 4, seed: 3 })
    const categories = tf.tensor2d([[0, 0, 0, 2, 3, 1]], [1, 6], 'int32')
    const numeric = Array.from({ length: 6 }, (_, s) => [0.1 * s, -0.2, s % 2])
    const garbage = numeric.map((row, s) => (s < 3 ? [9, -7, 5] : row))
    const side = () => ({ personal: tf.zeros([1, CATEGORIES, 3]) as tf.Tensor3D, summary: tf.tensor2d([[0.5, -0.1, 0.2]]) })
    const a = predictSequenceRaw(model, { categories, numeric: tf.tensor3d([numeric]), ...side() })
    const b = predictSequenceRaw(model, { categories, numeric: tf.tensor3d([garbage]), ...side() })
    expect(Array.from(b.categoryProbabilities)).toEqual(Array.from(a.categoryProbabilities))
    expect(Array.from(b.logDays)).toEqual(Array.from(a.logDays))
    // ...while a real step does change the answer.
    const changed = numeric.map((row, s) => (s === 5 ? [3, 3, 1] : row))
    const c = predictSequenceRaw(model, { categories, numeric: tf.tensor3d([changed]), ...side() })
    expect(Array.from(c.logDays)).not.toEqual(Array.from(a.logDays))
    model.dispose()
  })

  it('pads at the start and keeps only the last maxSteps orders', () => {
    const histories = syntheticHistories(3, CATEGORIES)
    const long = Array.from({ length: 25 }, (_, s) => ({ gapDays: s, category: s % CATEGORIES, amount: 10, discounted: false }))
    const t = sequenceTensors([histories[0], long], [{ customer: 0, end: 2, daysSinceLast: 1 }, { customer: 1, end: 25, daysSinceLast: 1 }], CATEGORIES, 20, {
      means: [0, 0, 0, 0, 0, 0],
      stds: [1, 1, 1, 1, 1, 1],
    })
    const ids = t.categories.arraySync()
    expect(ids[0].slice(0, 18)).toEqual(new Array(18).fill(0))
    expect(ids[0][19]).toBe(histories[0][1].category + 1)
    expect(ids[1][0]).toBe((5 % CATEGORIES) + 1)
    expect(ids[1][19]).toBe((24 % CATEGORIES) + 1)
    // The customer's own categories, over the whole window (not just the last maxSteps).
    const personal = t.personal.arraySync()
    expect(personal[1].reduce((sum, row) => sum + row[0], 0)).toBeCloseTo(1, 5)
    expect(personal[1][24 % CATEGORIES][2]).toBe(1)
    tf.dispose([t.categories, t.numeric, t.personal, t.summary])
  })

  it('gives identical predictions after a save and load round trip', async () => {
    const histories = syntheticHistories(200, CATEGORIES)
    const model = trained(await trainSequence(histories, { ...quick, daysSinceLast: since(histories), epochs: 2 }))
    const loaded = await loadSequenceModel(await saveSequenceModel(model))
    const a = predictSequence(model, histories, since(histories))
    const b = predictSequence(loaded, histories, since(histories))
    expect(Array.from(b.categoryProbabilities)).toEqual(Array.from(a.categoryProbabilities))
    expect(Array.from(b.daysToNext)).toEqual(Array.from(a.daysToNext))
    model.model.dispose()
    loaded.model.dispose()
  })

  it('maps a later vocabulary onto the model’s categories by name', async () => {
    const histories = syntheticHistories(200, CATEGORIES)
    const names = ['a', 'b', 'c', 'd', 'e']
    const { numCategories: _unused, ...rest } = quick
    const model = trained(await trainSequence(histories, { ...rest, daysSinceLast: since(histories), categories: names, epochs: 1 }))
    expect(model.metadata.extra.categories).toEqual(names)
    // The same orders under a vocabulary in another order, plus a new category.
    const later = ['new', 'e', 'd', 'c', 'b', 'a']
    const reindexed = histories.map((h) => h.map((step) => ({ ...step, category: later.indexOf(names[step.category]) })))
    const a = predictSequence(model, histories, since(histories))
    const b = predictSequence(model, reindexed, since(histories), later)
    expect(Array.from(b.categoryProbabilities)).toEqual(Array.from(a.categoryProbabilities))
    expect(b.categories).toEqual(names)
    // A step in the new category is a real (unseen) step, not padding.
    const withNew = predictSequence(model, [[...reindexed[0], { ...reindexed[0][0], category: 0 }]], [1], later)
    expect(withNew.hasHistory[0]).toBe(1)
    model.model.dispose()
  })

  it('refits from the previous model when the same categories come in another order', async () => {
    const histories = syntheticHistories(200, CATEGORIES)
    const names = ['a', 'b', 'c', 'd', 'e']
    const { numCategories: _unused, ...rest } = quick
    const first = trained(await trainSequence(histories, { ...rest, daysSinceLast: since(histories), categories: names, epochs: 3 }))
    // The vocabulary is ordered by revenue at each cutoff, so a later one can hold the same names in another order.
    const later = ['e', 'c', 'a', 'd', 'b']
    const reindexed = histories.map((h) => h.map((step) => ({ ...step, category: later.indexOf(names[step.category]) })))
    const refit = await trainSequence(reindexed, { ...rest, daysSinceLast: since(histories), categories: later, epochs: 1, previous: first })
    if (refit.status !== 'trained') throw new Error(refit.status)
    expect(refit.fit.warmStart?.applied).toBe(true)
    // Trained in the previous order, and it reads the later vocabulary's indices by name.
    expect(refit.trained.metadata.extra.categories).toEqual(names)
    const a = predictSequence(refit.trained, histories, since(histories), names)
    const b = predictSequence(refit.trained, reindexed, since(histories), later)
    expect(Array.from(b.categoryProbabilities)).toEqual(Array.from(a.categoryProbabilities))
    // A vocabulary with other names starts afresh.
    const other = await trainSequence(histories, { ...rest, daysSinceLast: since(histories), categories: ['a', 'b', 'c', 'd', 'z'], epochs: 1, previous: first })
    if (other.status !== 'trained') throw new Error(other.status)
    expect(other.fit.warmStart?.applied ?? false).toBe(false)
    for (const m of [first, refit.trained, other.trained]) m.model.dispose()
  })

  it('lowers the epoch cap to stay within its budget of examples seen', async () => {
    const histories = syntheticHistories(200, CATEGORIES)
    const caps: number[] = []
    const result = await trainSequence(histories, {
      ...quick,
      daysSinceLast: since(histories),
      epochs: 20,
      patience: 0,
      maxExamplesPerEpoch: 100,
      maxExampleVisits: 300,
      onEpoch: (_epoch, _logs, _eta, cap) => {
        caps.push(cap)
      },
    })
    const model = trained(result)
    expect(model.metadata.extra.trainExamples).toBeGreaterThan(300)
    if (result.status === 'trained') expect(result.fit.epochsRun).toBe(3)
    // Progress says "of 3", the cap in effect, not the 20 asked for.
    expect(caps).toEqual([3, 3, 3])
    model.model.dispose()
  })

  it('stops when cancelled and says so', async () => {
    const histories = syntheticHistories(200, CATEGORIES)
    let epochs = 0
    const result = await trainSequence(histories, {
      ...quick,
      daysSinceLast: since(histories),
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
    const few = syntheticHistories(20, CATEGORIES)
    const result = await trainSequence(few, { ...quick, daysSinceLast: since(few) })
    expect(result.status).toBe('fallback')
  })
})

describe('sequence model (wasm)', () => {
  it('trains and predicts on wasm', async () => {
    await initBackend('wasm')
    const histories = syntheticHistories(200, CATEGORIES)
    const model = trained(await trainSequence(histories, { ...quick, daysSinceLast: since(histories), epochs: 2 }))
    expect(model.metadata.backend).toBe('wasm')
    const predictions = predictSequence(model, histories.slice(0, 5), since(new Array(5)))
    expect(predictions.topCategory.length).toBe(5)
    model.model.dispose()
  })
})
