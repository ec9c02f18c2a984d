/**
 * Purchase propensity end to end: FeatureSet + PurchaseLabels in, a trained
 * model (or an honest "not enough data") out, and calibrated predictions.
 *
 * Small-shop safety, in order:
 *  - below minCustomers customers or minPositives buyers nothing is trained:
 *    the result says 'fallback' and the caller uses transparent scores;
 *  - L2 on every kernel and early stopping on a held-out validation slice;
 *  - probabilities are calibrated on that slice (Platt or isotonic), plus
 *    any labelled rows of earlier windows the caller passes (the learn run
 *    passes up to three: learn/stacked-rows.ts), so one season's base rate
 *    is not carried into the next window;
 *  - predictions are shrunk toward a simple recency/frequency/money logistic
 *    prior with weight n / (n + k), n = training customers: a shop with few
 *    customers mostly gets the prior, a big one mostly the network.
 * The validation slice serves both early stopping and calibration (a small
 * shop cannot spare a third slice), so its metrics are slightly optimistic.
 */
import * as tf from '@tensorflow/tfjs'
import type { FeatureSet, PurchaseLabels } from '../features/types'
import { applyCalibration, fitCalibration, type Calibration, type CalibrationMethod } from './calibration'
import { fitLogistic, predictLogistic, type LogisticModel } from './logistic'
import { auc, brierScore, logLoss, mean } from './metrics'
import { loadModel, saveModel, type ModelMetadata, type SavedModel, type TrainedModel } from './persistence'
import { buildPurchaseModel, fitPurchase, predictPurchaseRaw, purchaseTensors, type PurchaseModelConfig } from './purchase-model'
import { createRng, deriveSeed, splitRows } from './random'
import { applyStandardisation, fitStandardisation } from './standardise'
import { releaseTrainingState, type FitOptions, type FitReport } from './train'

export const PURCHASE_MODEL_VERSION = 1

export interface PurchaseExtra {
  calibration: Calibration
  prior: {
    /** FeatureSet columns the prior uses (empty: base rate only). */
    columns: string[]
    model: LogisticModel
    /** Mean orders and spend of a training customer who bought: prior amounts are p × these. */
    ordersPerBuyer: number
    spendPerBuyer: number
  }
  /** n / (n + k): weight of the network against the prior. */
  shrinkWeight: number
  shrinkK: number
  /** Spend is learnt in units of this (mean spend per order in training). */
  spendScale: number
  trainRows: number
  validationRows: number
  positives: number
  fit: { stoppedBy: FitReport['stoppedBy']; epochsRun: number; bestEpoch: number | null }
}

export type TrainedPurchaseModel = TrainedModel<PurchaseExtra>

export interface PurchaseTrainOptions {
  seed?: number
  epochs?: number
  batchSize?: number
  /** Early-stopping patience in epochs; default 4. */
  patience?: number
  validationFraction?: number
  /** Below these, no training: a 'fallback' result. Defaults 200 and 30. */
  minCustomers?: number
  minPositives?: number
  /** k in n / (n + k); default 300. */
  shrinkK?: number
  /** Prior columns; default: guessed from names (recency, frequency, money). */
  priorColumns?: string[]
  calibration?: CalibrationMethod
  network?: Omit<PurchaseModelConfig, 'inputSize' | 'seed'>
  /**
   * Labelled rows from earlier windows (same columns), never trained on, added to the validation
   * slice for calibration only: the slice alone carries one season's base rate into the next.
   */
  calibrationRows?: { features: FeatureSet; labels: PurchaseLabels }
  /** A previous model to warm-start from (used when the columns match). */
  previous?: TrainedPurchaseModel | null
  onEpoch?: FitOptions['onEpoch']
  shouldStop?: FitOptions['shouldStop']
}

export type PurchaseTrainResult =
  | { status: 'trained'; trained: TrainedPurchaseModel; fit: FitReport }
  | { status: 'fallback'; reason: string; customers: number; positives: number }
  | { status: 'cancelled'; fit: FitReport }

export interface PurchasePredictions {
  customerIds: Int32Array
  /** The probability to use: calibrated, then shrunk toward the prior. */
  pBuy: Float32Array
  /** Calibrated network probability before shrinkage. */
  pModel: Float32Array
  pPrior: Float32Array
  expectedOrders: Float32Array
  expectedSpend: Float32Array
  shrinkWeight: number
}

export async function trainPurchase(
  features: FeatureSet,
  labels: PurchaseLabels,
  options: PurchaseTrainOptions = {},
): Promise<PurchaseTrainResult> {
  const started = performance.now()
  const columns = features.names.length
  const customers = features.customerIds.length
  if (labels.bought.length !== customers || features.values.length !== customers * columns) {
    throw new Error('trainPurchase: features and labels are not aligned')
  }
  for (let i = 0; i < features.values.length; i++) {
    if (!Number.isFinite(features.values[i])) {
      throw new Error(`trainPurchase: feature "${features.names[i % columns]}" has a non-finite value (row ${Math.floor(i / columns)})`)
    }
  }
  let positives = 0
  for (let i = 0; i < customers; i++) if (labels.bought[i] > 0) positives++
  const minCustomers = options.minCustomers ?? 200
  const minPositives = options.minPositives ?? 30
  if (customers < minCustomers || positives < minPositives) {
    return {
      status: 'fallback',
      reason:
        customers < minCustomers
          ? `only ${customers} customers (a model needs at least ${minCustomers})`
          : `only ${positives} customers bought in the horizon (a model needs at least ${minPositives})`,
      customers,
      positives,
    }
  }

  const seed = options.seed ?? 1
  const { train, validation } = splitRows(customers, options.validationFraction ?? 0.2, createRng(deriveSeed(seed, 'split')), labels.bought)
  const standardisation = fitStandardisation(features.values, columns, train)
  const x = applyStandardisation(features.values, standardisation)

  let trainOrders = 0
  let trainSpend = 0
  let trainBuyers = 0
  for (const row of train) {
    trainOrders += labels.orders[row]
    trainSpend += labels.spend[row]
    if (labels.bought[row] > 0) trainBuyers++
  }
  const spendScale = trainOrders > 0 && trainSpend > 0 ? trainSpend / trainOrders : 1

  const trainTensors = purchaseTensors(x, columns, labels, train, spendScale)
  const validationTensors = purchaseTensors(x, columns, labels, validation, spendScale)
  const model = buildPurchaseModel({ ...options.network, inputSize: columns, seed })
  let fit: FitReport
  try {
    const previous = options.previous
    const sameColumns = previous !== null && previous !== undefined && sameNames(previous.metadata.featureNames, features.names)
    fit = await fitPurchase(
      model,
      { train: trainTensors, validation: validationTensors },
      {
        epochs: options.epochs ?? 30,
        batchSize: options.batchSize ?? 256,
        seed,
        patience: options.patience ?? 4,
        onEpoch: options.onEpoch,
        shouldStop: options.shouldStop,
        warmStart: sameColumns ? previous.model : null,
      },
    )
  } finally {
    tf.dispose([trainTensors, validationTensors].flatMap((t) => [t.x, t.buy, t.amount]))
  }
  releaseTrainingState(model)
  if (fit.stoppedBy === 'cancelled') {
    model.dispose()
    return { status: 'cancelled', fit }
  }

  // Calibration on the validation slice.
  const validationX = tf.tensor2d(selectRows(x, columns, validation), [validation.length, columns])
  const raw = predictPurchaseRaw(model, validationX)
  validationX.dispose()
  const validationBought = Float32Array.from(validation, (row) => (labels.bought[row] > 0 ? 1 : 0))
  const extraRows = options.calibrationRows
  let calibrationP: Float32Array = raw.p
  let calibrationY: Float32Array = validationBought
  if (extraRows && extraRows.labels.bought.length > 0) {
    if (!sameNames(extraRows.features.names, features.names)) throw new Error('trainPurchase: calibration rows have other columns')
    const extraX = tf.tensor2d(applyStandardisation(extraRows.features.values, standardisation), [extraRows.labels.bought.length, columns])
    const extraP = predictPurchaseRaw(model, extraX).p
    extraX.dispose()
    calibrationP = Float32Array.from([...raw.p, ...extraP])
    calibrationY = Float32Array.from([...validationBought, ...Array.from(extraRows.labels.bought, (b) => (b > 0 ? 1 : 0))])
  }
  const calibration = fitCalibration(calibrationP, calibrationY, options.calibration ?? 'auto')
  const calibrated = applyCalibration(calibration, raw.p)

  // The prior, on training rows only.
  const priorColumns = (options.priorColumns ?? guessPriorColumns(features.names)).filter((c) => features.names.includes(c))
  const priorIndex = priorColumns.map((c) => features.names.indexOf(c))
  const priorModel = fitLogistic(
    pickColumns(x, columns, priorIndex, train),
    priorIndex.length,
    Float32Array.from(train, (row) => (labels.bought[row] > 0 ? 1 : 0)),
    { l2: 1 },
  )
  const priorValidation = predictLogistic(priorModel, pickColumns(x, columns, priorIndex, validation), validation.length)
  const shrinkK = options.shrinkK ?? 300
  const shrinkWeight = train.length / (train.length + shrinkK)
  const final = blend(calibrated, priorValidation, shrinkWeight)

  const extra: PurchaseExtra = {
    calibration,
    prior: {
      columns: priorColumns,
      model: priorModel,
      ordersPerBuyer: trainBuyers ? trainOrders / trainBuyers : 0,
      spendPerBuyer: trainBuyers ? trainSpend / trainBuyers : 0,
    },
    shrinkWeight,
    shrinkK,
    spendScale,
    trainRows: train.length,
    validationRows: validation.length,
    positives,
    fit: { stoppedBy: fit.stoppedBy, epochsRun: fit.epochsRun, bestEpoch: fit.bestEpoch },
  }
  const metadata: ModelMetadata<PurchaseExtra> = {
    kind: 'purchase',
    version: PURCHASE_MODEL_VERSION,
    cutoff: features.cutoff,
    horizonDays: labels.horizonDays,
    featureNames: [...features.names],
    standardisation,
    backend: tf.getBackend(),
    metrics: {
      validationBaseRate: mean(validationBought),
      aucModel: auc(raw.p, validationBought),
      aucPrior: auc(priorValidation, validationBought),
      aucFinal: auc(final, validationBought),
      logLossRaw: logLoss(raw.p, validationBought),
      logLossCalibrated: logLoss(calibrated, validationBought),
      logLossPrior: logLoss(priorValidation, validationBought),
      logLossFinal: logLoss(final, validationBought),
      brierFinal: brierScore(final, validationBought),
    },
    trainingSeconds: (performance.now() - started) / 1000,
    seed,
    createdAt: new Date().toISOString(),
    extra,
  }
  return { status: 'trained', trained: { model, metadata }, fit }
}

export function predictPurchase(trained: TrainedPurchaseModel, features: FeatureSet): PurchasePredictions {
  const { metadata } = trained
  const { extra } = metadata
  if (!metadata.standardisation) throw new Error('predictPurchase: the model has no standardisation')
  const rows = features.customerIds.length
  const columns = metadata.featureNames.length
  // The model's columns, in the model's order, from wherever they are now.
  const source = metadata.featureNames.map((name) => {
    const at = features.names.indexOf(name)
    if (at < 0) throw new Error(`predictPurchase: feature "${name}" is missing; retrain the model`)
    return at
  })
  if (rows === 0) {
    const none = new Float32Array(0)
    return { customerIds: features.customerIds, pBuy: none, pModel: none, pPrior: none, expectedOrders: none, expectedSpend: none, shrinkWeight: extra.shrinkWeight }
  }
  const ordered = pickColumns(features.values, features.names.length, source, null, rows)
  const x = applyStandardisation(ordered, metadata.standardisation)
  const input = tf.tensor2d(x, [rows, columns])
  const raw = predictPurchaseRaw(trained.model, input)
  input.dispose()

  const pModel = applyCalibration(extra.calibration, raw.p)
  const priorIndex = extra.prior.columns.map((c) => metadata.featureNames.indexOf(c))
  const pPrior = predictLogistic(extra.prior.model, pickColumns(x, columns, priorIndex, null, rows), rows)
  const w = extra.shrinkWeight
  const pBuy = blend(pModel, pPrior, w)
  const expectedOrders = new Float32Array(rows)
  const expectedSpend = new Float32Array(rows)
  for (let i = 0; i < rows; i++) {
    expectedOrders[i] = w * raw.orders[i] + (1 - w) * pPrior[i] * extra.prior.ordersPerBuyer
    expectedSpend[i] = w * raw.spendScaled[i] * extra.spendScale + (1 - w) * pPrior[i] * extra.prior.spendPerBuyer
  }
  return { customerIds: features.customerIds, pBuy, pModel, pPrior, expectedOrders, expectedSpend, shrinkWeight: w }
}

export function savePurchaseModel(trained: TrainedPurchaseModel): Promise<SavedModel<PurchaseExtra>> {
  return saveModel(trained)
}

export function loadPurchaseModel(saved: SavedModel<PurchaseExtra>): Promise<TrainedPurchaseModel> {
  return loadModel(saved, 'purchase', PURCHASE_MODEL_VERSION)
}

/**
 * Recency, frequency and money columns by name, one of each at most; the
 * feature builder's names are matched loosely so a rename does not silently
 * drop the prior to the base rate.
 */
export function guessPriorColumns(names: string[]): string[] {
  const patterns = [/recen|days_since|since_last/i, /freq|order_count|orders_count|n_orders|num_orders|^orders/i, /monet|spend|revenue|sales|amount/i]
  const picked: string[] = []
  for (const pattern of patterns) {
    const name = names.find((n) => pattern.test(n) && !picked.includes(n))
    if (name) picked.push(name)
  }
  return picked
}

function blend(model: Float32Array, prior: Float32Array, weight: number): Float32Array {
  return model.map((p, i) => weight * p + (1 - weight) * prior[i])
}

function sameNames(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i])
}

function selectRows(x: Float32Array, columns: number, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * columns)
  rows.forEach((row, r) => out.set(x.subarray(row * columns, (row + 1) * columns), r * columns))
  return out
}

/** Row-major rows × picked columns; rows null means 0..rowCount-1. */
function pickColumns(
  x: ArrayLike<number>,
  columns: number,
  picked: number[],
  rows: Int32Array | null,
  rowCount = rows ? rows.length : 0,
): Float32Array {
  const n = rows ? rows.length : rowCount
  const out = new Float32Array(n * picked.length)
  for (let r = 0; r < n; r++) {
    const base = (rows ? rows[r] : r) * columns
    for (let c = 0; c < picked.length; c++) out[r * picked.length + c] = x[base + picked[c]]
  }
  return out
}
