/**
 * The training loop every model shares. tfjs's model.fit shuffles with
 * Math.random, so instead each epoch is one fit call over rows put in a
 * seeded order by the caller's epoch data (fresh negatives for the affinity
 * model, a permutation for the others). Around it: progress with an ETA,
 * cancellation, early stopping on the validation loss and warm starts.
 */
import * as tf from '@tensorflow/tfjs'
import { deriveSeed, permutation, createRng } from './random'
import { warmStart, type WarmStartResult } from './warm-start'

export interface EpochLogs {
  /** 1-based number of this epoch. */
  epoch: number
  /** Training loss (averaged over the epoch's batches). */
  loss: number
  /** Validation loss, when there is a validation slice. */
  valLoss: number | null
  /** Every value tfjs reported, e.g. per-output losses ("buy_loss", "val_buy_loss"). */
  values: Record<string, number>
  seconds: number
}

/**
 * `epochs` is the cap the loop runs under, which a model may set below the
 * caller's (the GRU's budget of examples seen): progress says "epoch 3 of 8", not "of 30".
 */
export type OnEpoch = (epoch: number, logs: EpochLogs, etaSeconds: number, epochs: number) => void | Promise<void>

export interface FitOptions {
  epochs: number
  batchSize: number
  seed: number
  /** Called after each completed epoch; etaSeconds assumes all remaining epochs run. */
  onEpoch?: OnEpoch
  /** Polled after every batch and before every epoch; true cancels training. */
  shouldStop?: () => boolean
  /**
   * Stop once the validation loss has not improved for this many epochs and
   * go back to the best weights. 0 or absent: run every epoch (the best
   * weights are still restored when there is a validation slice).
   */
  patience?: number
  /**
   * An epoch counts as better only when it lowers the best validation loss by
   * more than this (default 0): a loss that creeps down by a hair per epoch
   * would otherwise keep a large shop training for the whole epoch cap.
   */
  minDelta?: number
  /** Rows each epoch trains on, where the caller's epoch data samples them (shuffledEpochs). */
  maxRowsPerEpoch?: number
  /** A previous model to start from when its architecture matches. */
  warmStart?: tf.LayersModel | null
  /**
   * The validation loss to stop on, computed by the caller after each epoch.
   * For models with several outputs tfjs 4.22 reports the FIRST output's loss
   * as val_loss (its test function pushes a running total per output), so
   * early stopping would ignore every other head.
   */
  validationLoss?: () => number
}

export type StopReason = 'completed' | 'cancelled' | 'early-stopping'

export interface FitReport {
  stoppedBy: StopReason
  /** Completed epochs (a cancelled epoch's partial pass is not counted). */
  epochsRun: number
  /** 1-based epoch whose weights the model holds, when chosen by validation loss. */
  bestEpoch: number | null
  history: EpochLogs[]
  seconds: number
  warmStart: WarmStartResult | null
}

export interface TensorData {
  xs: tf.Tensor | tf.Tensor[]
  ys: tf.Tensor | tf.Tensor[]
}

/**
 * Epoch data that is the same rows every epoch, in a new seeded order each time.
 * With `maxRows`, each epoch takes the first `maxRows` of its order: a fresh
 * sample of the rows every epoch, so a large shop's cost per epoch stops
 * growing with its size while every row still has its turn across epochs.
 */
export function shuffledEpochs(data: TensorData, seed: number, maxRows?: number): (epoch: number) => TensorData {
  return (epoch) => {
    const rows = (Array.isArray(data.xs) ? data.xs[0] : data.xs).shape[0]
    const shuffled = permutation(rows, createRng(deriveSeed(seed, `epoch ${epoch}`)))
    const taken = maxRows !== undefined && maxRows > 0 && maxRows < rows ? shuffled.slice(0, maxRows) : shuffled
    const order = tf.tensor1d(taken, 'int32')
    const take = (t: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] =>
      Array.isArray(t) ? t.map((x) => tf.gather(x, order)) : tf.gather(t, order)
    const epochData = { xs: take(data.xs), ys: take(data.ys) }
    order.dispose()
    return epochData
  }
}

/**
 * Trains `model` (compiled) for up to options.epochs epochs. `epochData` is
 * called once per epoch (0-based) and its tensors are disposed after use;
 * `validation` is the caller's and is left alone.
 */
export async function runEpochs(
  model: tf.LayersModel,
  epochData: (epoch: number) => TensorData,
  validation: TensorData | null,
  options: FitOptions,
): Promise<FitReport> {
  const started = performance.now()
  const warm = options.warmStart ? warmStart(model, options.warmStart) : null
  const history: EpochLogs[] = []
  const patience = options.patience ?? 0
  let best: { epoch: number; loss: number; weights: tf.Tensor[] } | null = null
  let stoppedBy: StopReason = 'completed'
  let cancelled = false
  const stopRequested = (): boolean => cancelled || (options.shouldStop?.() ?? false)

  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      if (stopRequested()) {
        stoppedBy = 'cancelled'
        break
      }
      const epochStarted = performance.now()
      const data = epochData(epoch)
      let fitted: tf.History
      try {
        fitted = await model.fit(data.xs, data.ys, {
          epochs: 1,
          batchSize: options.batchSize,
          shuffle: false, // the rows are already in this epoch's seeded order
          verbose: 0,
          // With the caller's own validation loss, tfjs's pass over the validation rows would be thrown away.
          validationData: validation && !options.validationLoss ? [validation.xs, validation.ys] : undefined,
          callbacks: {
            // tfjs resets stopTraining when fit starts, so cancellation has to
            // be set from inside a callback; fit then ends after this batch.
            onBatchEnd: async () => {
              if (options.shouldStop?.()) {
                cancelled = true
                model.stopTraining = true
              }
            },
          },
        })
      } finally {
        tf.dispose([data.xs, data.ys].flat())
      }
      if (cancelled) {
        stoppedBy = 'cancelled'
        break
      }
      const logs = toEpochLogs(epoch + 1, fitted, (performance.now() - epochStarted) / 1000)
      if (validation && options.validationLoss) logs.valLoss = options.validationLoss()
      history.push(logs)

      let worse = false
      if (logs.valLoss !== null && Number.isFinite(logs.valLoss)) {
        if (!best || logs.valLoss < best.loss - (options.minDelta ?? 0)) {
          if (best) tf.dispose(best.weights)
          // Cloned so later updates (which replace the variables' data) leave them intact.
          best = { epoch: epoch + 1, loss: logs.valLoss, weights: model.getWeights().map((w) => w.clone()) }
        } else worse = patience > 0 && epoch + 1 - best.epoch >= patience
      }
      const seconds = (performance.now() - started) / 1000
      const eta = worse ? 0 : (seconds / (epoch + 1)) * (options.epochs - epoch - 1)
      await options.onEpoch?.(epoch + 1, logs, eta, options.epochs)
      if (worse) {
        stoppedBy = 'early-stopping'
        break
      }
    }
    // The best validation epoch's weights, whatever stopped the loop.
    // (A cancelled epoch may have moved the weights after the last record.)
    if (best && (cancelled || best.epoch !== history.length)) model.setWeights(best.weights)
  } finally {
    if (best) tf.dispose(best.weights)
  }
  return {
    stoppedBy,
    epochsRun: history.length,
    bestEpoch: best ? best.epoch : null,
    history,
    seconds: (performance.now() - started) / 1000,
    warmStart: warm,
  }
}

function toEpochLogs(epoch: number, fitted: tf.History, seconds: number): EpochLogs {
  const values: Record<string, number> = {}
  for (const [key, series] of Object.entries(fitted.history)) {
    const last = series[series.length - 1]
    // After fit resolves, tfjs has synced its logs to plain numbers.
    values[key] = typeof last === 'number' ? last : Number.NaN
  }
  return { epoch, loss: values.loss ?? Number.NaN, valLoss: values.val_loss ?? null, values, seconds }
}

/**
 * model.predict in large batches: on wasm the default batch of 32 makes
 * prediction many times slower. Returns one tensor per model output.
 */
export function predictBatched(model: tf.LayersModel, xs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  const out = model.predict(xs, { batchSize: PREDICT_BATCH_SIZE })
  return Array.isArray(out) ? out : [out]
}

export const PREDICT_BATCH_SIZE = 4096

/**
 * Frees what only training needs (the optimizer's moment estimates, as many
 * tensors as the weights). A model compiled with an optimizer object does
 * not own it, so model.dispose() would leave them behind.
 */
export function releaseTrainingState(model: tf.LayersModel): void {
  model.optimizer?.dispose()
}
