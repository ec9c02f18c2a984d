/**
 * Next-order prediction end to end: histories in, a trained GRU (or an
 * honest "not enough data") out, and per customer, standing at the cutoff,
 * the probabilities of the category of their first order within the horizon
 * and the days until it (for a customer who does order within the horizon:
 * the quantity the held-out evaluation scores).
 * Customers are split (not orders) into training and validation, so one
 * customer's orders never inform both sides.
 */
import * as tf from '@tensorflow/tfjs'
import { NO_CATEGORY, OTHER_CATEGORY } from '../features/histories'
import type { HistoryStep } from '../features/types'
import { loadModel, saveModel, type ModelMetadata, type SavedModel, type TrainedModel } from './persistence'
import { createRng, deriveSeed, sampleOf, splitRows } from './random'
import {
  fitSequenceStandardisation,
  sequenceExamples,
  sequenceTargets,
  sequenceTensors,
  STEP_FEATURES,
  SUMMARY_FEATURES,
  type SequenceExample,
  type SequenceTargets,
  type SequenceTensors,
} from './sequence-data'
import { buildSequenceModel, fitSequence, predictSequenceRaw, type RawSequencePredictions, type SequenceModelConfig } from './sequence-model'
import { releaseTrainingState, type FitOptions, type FitReport } from './train'

/** 2: pseudo-cutoff targets (first order in the horizon, days from the cutoff) and the summary input. */
export const SEQUENCE_MODEL_VERSION = 2

/** Vocabulary slots that are never a target: "no product line" and the capped rest (features/histories.ts). */
const UNTARGETED = new Set([NO_CATEGORY, OTHER_CATEGORY])

/** Defaults of the caps that keep a large shop's training time bounded (measured in docs/learning.md). */
export const MAX_EXAMPLES_PER_EPOCH = 16384
export const MAX_VALIDATION_EXAMPLES = 8192
/**
 * Examples seen over the whole fit (epochs × examples per epoch): the epoch cap
 * is lowered to stay within it, so past a few thousand customers training time
 * stops growing with the shop (Online Retail's 7,260 examples stop early before it).
 */
export const MAX_EXAMPLE_VISITS = 8 * MAX_EXAMPLES_PER_EPOCH
/**
 * Batches of 256, or 512 once an epoch is a full MAX_EXAMPLES_PER_EPOCH: on wasm a step
 * costs mostly per-operation overhead, so bigger batches are cheaper per example (31 s
 * against 36 s for the same 8 epochs at 20,000 customers, with the same held-out errors),
 * while on Online Retail (7,260 examples) batches of 512 needed more epochs for no gain.
 */
const SMALL_BATCH = 256
const LARGE_BATCH = 512
/** Validation-loss gain (cross-entropy + absolute log-days error, per example) an epoch must make to count. */
const MIN_LOSS_GAIN = 0.005

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
  /** Per history: days from its last order to the cutoff (Histories.daysSinceLast). */
  daysSinceLast: ArrayLike<number>
  /** The window whose first order is predicted; default 90 days. */
  horizonDays?: number
  /** Days between the pseudo-cutoffs training examples are taken at; default 14. */
  strideDays?: number
  seed?: number
  epochs?: number
  batchSize?: number
  patience?: number
  validationFraction?: number
  /** Below this many training examples, no model ('fallback'); default 200. */
  minExamples?: number
  /**
   * Examples each epoch trains on, a fresh seeded sample every epoch; default
   * MAX_EXAMPLES_PER_EPOCH. Beyond a few thousand customers more examples per
   * epoch change the model little and cost in proportion.
   */
  maxExamplesPerEpoch?: number
  /** Validation examples early stopping is judged on, one seeded sample; default MAX_VALIDATION_EXAMPLES. */
  maxValidationExamples?: number
  /** Examples seen over the whole fit; the epoch cap is lowered to stay within it. Default MAX_EXAMPLE_VISITS. */
  maxExampleVisits?: number
  /** See FitOptions.minDelta; default MIN_LOSS_GAIN. */
  minDelta?: number
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
  /**
   * Days from the cutoff to the first order within the horizon, for a customer
   * who orders within it: exp(predicted log1p days) − 1, a median, not a mean.
   */
  daysToNext: Float32Array
  /** False for customers with no orders (their row is the model's default guess). */
  hasHistory: Uint8Array
}

export async function trainSequence(steps: HistoryStep[][], given: SequenceTrainOptions): Promise<SequenceTrainResult> {
  const started = performance.now()
  // A refit whose vocabulary holds the same categories as the previous model's in another order
  // (it is ordered by revenue at each cutoff) is trained in the previous model's order, so it can start from it.
  const { histories, options } = inPreviousOrder(steps, given)
  const seed = options.seed ?? 1
  const numCategories = options.categories?.length ?? options.numCategories
  if (numCategories === undefined || numCategories < 1) throw new Error('trainSequence: give categories or numCategories')
  const maxSteps = options.network?.maxSteps ?? 10
  const horizonDays = options.horizonDays ?? 90
  const untargeted = new Set((options.categories ?? []).flatMap((name, i) => (UNTARGETED.has(name) ? [i] : [])))
  const exampleOptions = { horizonDays, strideDays: options.strideDays, untargeted }
  const split = splitRows(histories.length, options.validationFraction ?? 0.2, createRng(deriveSeed(seed, 'split')))
  const trainExamples = sequenceExamples(histories, options.daysSinceLast, numCategories, split.train, exampleOptions)
  const validationExamples = sampleOf(
    sequenceExamples(histories, options.daysSinceLast, numCategories, split.validation, exampleOptions),
    options.maxValidationExamples ?? MAX_VALIDATION_EXAMPLES,
    createRng(deriveSeed(seed, 'validation sample')),
  )
  const minExamples = options.minExamples ?? 200
  if (trainExamples.length < minExamples) {
    return {
      status: 'fallback',
      reason: `only ${trainExamples.length} repeat orders to learn from (a model needs at least ${minExamples})`,
      examples: trainExamples.length,
    }
  }
  const standardisation = fitSequenceStandardisation(histories, trainExamples)
  const tensorsFor = (examples: SequenceExample[]): SequenceTensors & SequenceTargets => ({
    ...sequenceTensors(histories, examples, numCategories, maxSteps, standardisation),
    ...sequenceTargets(examples),
  })
  const train = tensorsFor(trainExamples)
  const validation = validationExamples.length ? tensorsFor(validationExamples) : null
  const model = buildSequenceModel({ ...options.network, numCategories, maxSteps, seed })
  // A model over another vocabulary has the same shapes but other categories behind each row
  // (the vocabulary is ordered by revenue at its cutoff): start from it only when the names agree.
  const previous = options.previous && sameVocabulary(options.previous, options.categories, numCategories) ? options.previous.model : null
  let fit: FitReport
  let metrics: Record<string, number> = {}
  try {
    const perEpoch = Math.min(trainExamples.length, options.maxExamplesPerEpoch ?? MAX_EXAMPLES_PER_EPOCH)
    fit = await fitSequence(model, { train, validation }, {
      epochs: Math.max(1, Math.min(options.epochs ?? 20, Math.ceil((options.maxExampleVisits ?? MAX_EXAMPLE_VISITS) / perEpoch))),
      batchSize: options.batchSize ?? (perEpoch >= MAX_EXAMPLES_PER_EPOCH ? LARGE_BATCH : SMALL_BATCH),
      maxRowsPerEpoch: options.maxExamplesPerEpoch ?? MAX_EXAMPLES_PER_EPOCH,
      seed,
      patience: options.patience ?? 3,
      minDelta: options.minDelta ?? MIN_LOSS_GAIN,
      onEpoch: options.onEpoch,
      shouldStop: options.shouldStop,
      warmStart: previous,
    })
    releaseTrainingState(model)
    if (fit.stoppedBy !== 'cancelled' && validation) metrics = validationMetrics(model, validation, validationExamples, train, numCategories)
  } finally {
    tf.dispose([train, validation].flatMap((d) => (d ? [d.categories, d.numeric, d.personal, d.summary, d.nextCategory, d.nextLogDays] : [])))
  }
  if (fit.stoppedBy === 'cancelled') {
    model.dispose()
    return { status: 'cancelled', fit }
  }
  const metadata: ModelMetadata<SequenceExtra> = {
    kind: 'sequence',
    version: SEQUENCE_MODEL_VERSION,
    cutoff: options.cutoff,
    horizonDays,
    featureNames: ['category', ...STEP_FEATURES, ...SUMMARY_FEATURES],
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
 * Predicts each customer's first order within the model's horizon from their
 * whole (last maxSteps) history, standing `daysSinceLast[i]` days after their
 * last order. `categories` names the histories' category indices; when both
 * it and the model have names, steps are re-indexed by name (a category the
 * model never saw becomes its "unseen" id).
 */
export function predictSequence(
  trained: TrainedSequenceModel,
  steps: HistoryStep[][],
  daysSinceLast: ArrayLike<number>,
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
  const windows = histories.map((h, customer) => ({ customer, end: h.length, daysSinceLast: Number.isFinite(daysSinceLast[customer]) ? daysSinceLast[customer] : 0 }))
  const inputs = sequenceTensors(histories, windows, numCategories, maxSteps, standardisation)
  let raw: RawSequencePredictions
  try {
    raw = predictSequenceRaw(trained.model, inputs)
  } finally {
    tf.dispose([inputs.categories, inputs.numeric, inputs.personal, inputs.summary])
  }
  const rows = histories.length
  const topCategory = new Int32Array(rows)
  const daysToNext = new Float32Array(rows)
  for (let i = 0; i < rows; i++) {
    topCategory[i] = argmax(raw.categoryProbabilities, i * numCategories, numCategories)
    daysToNext[i] = Math.max(0, Math.expm1(raw.logDays[i]))
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

function inPreviousOrder(steps: HistoryStep[][], options: SequenceTrainOptions): { histories: HistoryStep[][]; options: SequenceTrainOptions } {
  const names = options.previous?.metadata.extra.categories
  const given = options.categories
  if (!names || !given || names.length !== given.length || names.every((name, i) => given[i] === name)) return { histories: steps, options }
  const wanted = new Set(given)
  if (!names.every((name) => wanted.has(name))) return { histories: steps, options }
  return { histories: remapCategories(steps, given, names), options: { ...options, categories: [...names] } }
}

function sameVocabulary(previous: TrainedSequenceModel, categories: string[] | undefined, numCategories: number): boolean {
  const names = previous.metadata.extra.categories
  if (previous.metadata.extra.numCategories !== numCategories) return false
  if (!names || !categories) return !names && !categories
  return names.every((name, i) => categories[i] === name)
}

/**
 * Validation accuracy and days error on the validation customers' examples,
 * next to the "most bought" category and the training examples' median wait.
 */
function validationMetrics(
  model: tf.LayersModel,
  validation: SequenceTensors & SequenceTargets,
  examples: SequenceExample[],
  train: SequenceTargets,
  numCategories: number,
): Record<string, number> {
  const raw = predictSequenceRaw(model, validation)
  const personal = validation.personal.dataSync()
  const shares = Float32Array.from({ length: examples.length * numCategories }, (_, k) => personal[k * 3])
  const width = numCategories
  const trainDays = Array.from(train.nextLogDays.dataSync()).sort((a, b) => a - b)
  const medianDays = Math.expm1(trainDays[Math.floor(trainDays.length / 2)] ?? 0)
  let hits = 0
  let baselineHits = 0
  let absError = 0
  let baselineAbsError = 0
  examples.forEach((example, i) => {
    if (argmax(raw.categoryProbabilities, i * numCategories, numCategories) === example.category) hits++
    // Most bought among real categories (index 0 is "no product line").
    if (argmax(shares, i * width + 1, numCategories - 1) + 1 === example.category) baselineHits++
    absError += Math.abs(Math.expm1(raw.logDays[i]) - example.daysToNext)
    baselineAbsError += Math.abs(medianDays - example.daysToNext)
  })
  const n = Math.max(examples.length, 1)
  return {
    categoryAccuracy: hits / n,
    categoryAccuracyBaseline: baselineHits / n,
    daysToNextMae: absError / n,
    daysToNextMaeBaseline: baselineAbsError / n,
  }
}

function argmax(values: ArrayLike<number>, offset: number, length: number): number {
  let best = 0
  for (let j = 1; j < length; j++) if (values[offset + j] > values[offset + best]) best = j
  return best
}
