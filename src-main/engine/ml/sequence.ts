/**
 * Next-order prediction end to end: histories in, a trained GRU (or an
 * honest "not enough data") out, and per customer the probabilities of the
 * next order's category and the expected days until it.
 * Customers are split (not orders) into training and validation, so one
 * customer's orders never inform both sides.
 */
import * as tf from '@tensorflow/tfjs'
import type { HistoryStep } from '../features/types'
import { loadModel, saveModel, type ModelMetadata, type SavedModel, type TrainedModel } from './persistence'
import { createRng, deriveSeed, splitRows } from './random'
import {
  fitStepStandardisation,
  sequenceExamples,
  sequenceTargets,
  sequenceTensors,
  STEP_FEATURES,
  type SequenceExample,
  type SequenceTargets,
  type SequenceTensors,
} from './sequence-data'
import { buildSequenceModel, fitSequence, predictSequenceRaw, type RawSequencePredictions, type SequenceModelConfig } from './sequence-model'
import { releaseTrainingState, type FitOptions, type FitReport } from './train'

export const SEQUENCE_MODEL_VERSION = 1

export interface SequenceExtra {
  numCategories: number
  /** Category names by index, when the caller gave them (Histories.categories). */
  categories: string[] | null
  maxSteps: number
  trainExamples: number
  validationExamples: number
  fit: { stoppedBy: FitReport['stoppedBy']; epochsRun: number; bestEpoch: number | null }
}

export type TrainedSequenceModel = TrainedModel<SequenceExtra>

export interface SequenceTrainOptions {
  /**
   * The category vocabulary (Histories.categories), or just its size. With
   * names, prediction can map a later cutoff's vocabulary (which is ordered
   * by revenue, so indices move) onto the model's.
   */
  categories?: string[]
  numCategories?: number
  /** FeatureSet cutoff the histories stop at. */
  cutoff: string
  seed?: number
  epochs?: number
  batchSize?: number
  patience?: number
  validationFraction?: number
  /** Orders per customer used as prediction targets; default 3. */
  targetsPerCustomer?: number
  /** Below this many training examples, no model ('fallback'); default 200. */
  minExamples?: number
  network?: Omit<SequenceModelConfig, 'numCategories' | 'seed'>
  previous?: TrainedSequenceModel | null
  onEpoch?: FitOptions['onEpoch']
  shouldStop?: FitOptions['shouldStop']
}

export type SequenceTrainResult =
  | { status: 'trained'; trained: TrainedSequenceModel; fit: FitReport }
  | { status: 'fallback'; reason: string; examples: number }
  | { status: 'cancelled'; fit: FitReport }

export interface SequencePredictions {
  /** rows × numCategories, row-major: p(next order's main category). */
  categoryProbabilities: Float32Array
  numCategories: number
  /** The model's category names (indices of topCategory and of the probabilities), when known. */
  categories: string[] | null
  topCategory: Int32Array
  /** exp(predicted log1p days) − 1: a typical (median-like) wait, not a mean. */
  daysToNext: Float32Array
  /** False for customers with no orders (their row is the model's default guess). */
  hasHistory: Uint8Array
}

export async function trainSequence(histories: HistoryStep[][], options: SequenceTrainOptions): Promise<SequenceTrainResult> {
  const started = performance.now()
  const seed = options.seed ?? 1
  const numCategories = options.categories?.length ?? options.numCategories
  if (numCategories === undefined || numCategories < 1) throw new Error('trainSequence: give categories or numCategories')
  const maxSteps = options.network?.maxSteps ?? 20
  const perCustomer = options.targetsPerCustomer ?? 3
  const split = splitRows(histories.length, options.validationFraction ?? 0.2, createRng(deriveSeed(seed, 'split')))
  const trainExamples = sequenceExamples(histories, numCategories, split.train, perCustomer)
  const validationExamples = sequenceExamples(histories, numCategories, split.validation, perCustomer)
  const minExamples = options.minExamples ?? 200
  if (trainExamples.length < minExamples) {
    return {
      status: 'fallback',
      reason: `only ${trainExamples.length} repeat orders to learn from (a model needs at least ${minExamples})`,
      examples: trainExamples.length,
    }
  }
  const standardisation = fitStepStandardisation(histories, split.train)
  const tensorsFor = (examples: SequenceExample[]): SequenceTensors & SequenceTargets => ({
    ...sequenceTensors(histories, examples.map((e) => ({ customer: e.customer, end: e.target })), numCategories, maxSteps, standardisation),
    ...sequenceTargets(histories, examples),
  })
  const train = tensorsFor(trainExamples)
  const validation = validationExamples.length ? tensorsFor(validationExamples) : null
  const model = buildSequenceModel({ ...options.network, numCategories, maxSteps, seed })
  let fit: FitReport
  let metrics: Record<string, number> = {}
  try {
    fit = await fitSequence(model, { train, validation }, {
      epochs: options.epochs ?? 20,
      batchSize: options.batchSize ?? 128,
      seed,
      patience: options.patience ?? 3,
      onEpoch: options.onEpoch,
      shouldStop: options.shouldStop,
      warmStart: options.previous?.model ?? null,
    })
    releaseTrainingState(model)
    if (fit.stoppedBy !== 'cancelled' && validation) metrics = validationMetrics(model, validation, train, numCategories)
  } finally {
    tf.dispose([train, validation].flatMap((d) => (d ? [d.categories, d.numeric, d.nextCategory, d.nextLogGap] : [])))
  }
  if (fit.stoppedBy === 'cancelled') {
    model.dispose()
    return { status: 'cancelled', fit }
  }
  const metadata: ModelMetadata<SequenceExtra> = {
    kind: 'sequence',
    version: SEQUENCE_MODEL_VERSION,
    cutoff: options.cutoff,
    horizonDays: null,
    featureNames: ['category', ...STEP_FEATURES],
    standardisation,
    backend: tf.getBackend(),
    metrics,
    trainingSeconds: (performance.now() - started) / 1000,
    seed,
    createdAt: new Date().toISOString(),
    extra: {
      numCategories,
      categories: options.categories ? [...options.categories] : null,
      maxSteps,
      trainExamples: trainExamples.length,
      validationExamples: validationExamples.length,
      fit: { stoppedBy: fit.stoppedBy, epochsRun: fit.epochsRun, bestEpoch: fit.bestEpoch },
    },
  }
  return { status: 'trained', trained: { model, metadata }, fit }
}

/**
 * Predicts each customer's next order from their whole (last maxSteps)
 * history. `categories` names the histories' category indices; when both it
 * and the model have names, steps are re-indexed by name (a category the
 * model never saw becomes its "unseen" id).
 */
export function predictSequence(
  trained: TrainedSequenceModel,
  steps: HistoryStep[][],
  categories?: string[],
): SequencePredictions {
  const { numCategories, maxSteps } = trained.metadata.extra
  const names = trained.metadata.extra.categories
  const standardisation = trained.metadata.standardisation
  if (!standardisation) throw new Error('predictSequence: the model has no standardisation')
  if (steps.length === 0) {
    return {
      categoryProbabilities: new Float32Array(0),
      numCategories,
      categories: names,
      topCategory: new Int32Array(0),
      daysToNext: new Float32Array(0),
      hasHistory: new Uint8Array(0),
    }
  }
  const histories = categories && names ? remapCategories(steps, categories, names) : steps
  const inputs = sequenceTensors(histories, histories.map((h, customer) => ({ customer, end: h.length })), numCategories, maxSteps, standardisation)
  let raw: RawSequencePredictions
  try {
    raw = predictSequenceRaw(trained.model, inputs)
  } finally {
    tf.dispose([inputs.categories, inputs.numeric])
  }
  const rows = histories.length
  const topCategory = new Int32Array(rows)
  const daysToNext = new Float32Array(rows)
  for (let i = 0; i < rows; i++) {
    topCategory[i] = argmax(raw.categoryProbabilities, i * numCategories, numCategories)
    daysToNext[i] = Math.max(0, Math.expm1(raw.logGap[i]))
  }
  const hasHistory = Uint8Array.from(histories, (h) => (h.length > 0 ? 1 : 0))
  return { categoryProbabilities: raw.categoryProbabilities, numCategories, categories: names, topCategory, daysToNext, hasHistory }
}

function remapCategories(steps: HistoryStep[][], from: string[], to: string[]): HistoryStep[][] {
  const index = new Map(to.map((name, i) => [name, i]))
  // -1 is outside the model's range: sequenceTensors gives it the "unseen" id.
  const map = from.map((name) => index.get(name) ?? -1)
  return steps.map((history) => history.map((step) => ({ ...step, category: map[step.category] ?? -1 })))
}

export function saveSequenceModel(trained: TrainedSequenceModel): Promise<SavedModel<SequenceExtra>> {
  return saveModel(trained)
}

export function loadSequenceModel(saved: SavedModel<SequenceExtra>): Promise<TrainedSequenceModel> {
  return loadModel(saved, 'sequence', SEQUENCE_MODEL_VERSION)
}

/** Validation accuracy and gap error, next to naive baselines (most common category, mean gap). */
function validationMetrics(
  model: tf.LayersModel,
  validation: SequenceTensors & SequenceTargets,
  train: SequenceTargets,
  numCategories: number,
): Record<string, number> {
  const raw = predictSequenceRaw(model, validation)
  const truth = validation.nextCategory.dataSync()
  const gaps = validation.nextLogGap.dataSync()
  const counts = new Array<number>(numCategories).fill(0)
  for (const c of train.nextCategory.dataSync()) counts[c]++
  const commonest = counts.indexOf(Math.max(...counts))
  const trainGaps = train.nextLogGap.dataSync()
  let gapSum = 0
  for (const g of trainGaps) gapSum += g
  const meanGap = gapSum / Math.max(trainGaps.length, 1)
  let hits = 0
  let baselineHits = 0
  let squared = 0
  let baselineSquared = 0
  for (let i = 0; i < truth.length; i++) {
    if (argmax(raw.categoryProbabilities, i * numCategories, numCategories) === truth[i]) hits++
    if (commonest === truth[i]) baselineHits++
    squared += (raw.logGap[i] - gaps[i]) ** 2
    baselineSquared += (meanGap - gaps[i]) ** 2
  }
  const n = Math.max(truth.length, 1)
  return {
    categoryAccuracy: hits / n,
    categoryAccuracyBaseline: baselineHits / n,
    logGapRmse: Math.sqrt(squared / n),
    logGapRmseBaseline: Math.sqrt(baselineSquared / n),
  }
}

function argmax(values: ArrayLike<number>, offset: number, length: number): number {
  let best = 0
  for (let j = 1; j < length; j++) if (values[offset + j] > values[offset + best]) best = j
  return best
}
