/**
 * The purchase network: an MLP over standardised customer features with two
 * heads sharing one body:
 *   'buy'    — p(at least one order in the horizon), sigmoid + cross-entropy;
 *   'amount' — expected [orders, spend / spendScale] in the horizon, softplus
 *              + Poisson loss (a mean estimate that is right for the many
 *              zeros, unlike a regression on log values).
 * This file only builds, fits and runs the network; purchase.ts wraps it with
 * calibration, shrinkage and the small-shop rules.
 */
import * as tf from '@tensorflow/tfjs'
import { glorot } from './initializers'
import { predictBatched, runEpochs, shuffledEpochs, type FitOptions, type FitReport } from './train'

export interface PurchaseModelConfig {
  inputSize: number
  /** Hidden layer widths; default [64, 32]. */
  hiddenUnits?: number[]
  /** L2 penalty on every kernel; default 1e-4. */
  l2?: number
  learningRate?: number
  /** Weight of the amount head's loss relative to the buy head's; default 0.5. */
  amountLossWeight?: number
  seed: number
}

export interface PurchaseTensors {
  /** rows × inputSize, standardised */
  x: tf.Tensor2D
  /** rows × 1, 0/1 */
  buy: tf.Tensor2D
  /** rows × 2: orders and spend / spendScale */
  amount: tf.Tensor2D
}

export interface RawPurchasePredictions {
  /** Uncalibrated p(buy). */
  p: Float32Array
  orders: Float32Array
  /** In spendScale units, like the training target. */
  spendScaled: Float32Array
}

export function buildPurchaseModel(config: PurchaseModelConfig): tf.LayersModel {
  const { seed } = config
  const regularizer = () => tf.regularizers.l2({ l2: config.l2 ?? 1e-4 })
  const input = tf.input({ shape: [config.inputSize], name: 'features' })
  let body: tf.SymbolicTensor = input
  ;(config.hiddenUnits ?? [64, 32]).forEach((units, i) => {
    const name = `hidden_${i + 1}`
    body = tf.layers
      .dense({ units, activation: 'relu', name, kernelInitializer: glorot(seed, name), kernelRegularizer: regularizer() })
      .apply(body) as tf.SymbolicTensor
  })
  const buy = tf.layers
    .dense({ units: 1, activation: 'sigmoid', name: 'buy', kernelInitializer: glorot(seed, 'buy'), kernelRegularizer: regularizer() })
    .apply(body) as tf.SymbolicTensor
  const amount = tf.layers
    .dense({ units: 2, activation: 'softplus', name: 'amount', kernelInitializer: glorot(seed, 'amount'), kernelRegularizer: regularizer() })
    .apply(body) as tf.SymbolicTensor
  const model = tf.model({ inputs: input, outputs: [buy, amount], name: 'purchase' })
  // tfjs has no lossWeights, so the amount head's weight lives in its loss;
  // and a loss map must be all names or all functions, hence the wrapper.
  const amountWeight = config.amountLossWeight ?? 0.5
  model.compile({
    optimizer: tf.train.adam(config.learningRate ?? 1e-3),
    loss: {
      buy: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.metrics.binaryCrossentropy(yTrue, yPred),
      amount: (yTrue: tf.Tensor, yPred: tf.Tensor) => poissonLoss(yTrue, yPred, amountWeight),
    },
  })
  return model
}

/** Poisson negative log-likelihood (without the constant), per row. */
function poissonLoss(yTrue: tf.Tensor, yPred: tf.Tensor, weight: number): tf.Tensor {
  return tf.tidy(() => tf.mul(weight, tf.mean(tf.sub(yPred, tf.mul(yTrue, tf.log(tf.add(yPred, 1e-7)))), -1)))
}

export function fitPurchase(
  model: tf.LayersModel,
  data: { train: PurchaseTensors; validation: PurchaseTensors | null },
  options: FitOptions,
): Promise<FitReport> {
  const { train, validation } = data
  return runEpochs(
    model,
    shuffledEpochs({ xs: train.x, ys: [train.buy, train.amount] }, options.seed),
    validation ? { xs: validation.x, ys: [validation.buy, validation.amount] } : null,
    options,
  )
}

export function predictPurchaseRaw(model: tf.LayersModel, x: tf.Tensor2D): RawPurchasePredictions {
  const [buy, amount] = predictBatched(model, x)
  try {
    const amounts = amount.dataSync()
    const rows = x.shape[0]
    const orders = new Float32Array(rows)
    const spendScaled = new Float32Array(rows)
    for (let i = 0; i < rows; i++) {
      orders[i] = amounts[2 * i]
      spendScaled[i] = amounts[2 * i + 1]
    }
    return { p: Float32Array.from(buy.dataSync()), orders, spendScaled }
  } finally {
    tf.dispose([buy, amount])
  }
}

/** Tensors for the given rows of a standardised matrix and its labels. */
export function purchaseTensors(
  x: Float32Array,
  columns: number,
  labels: { bought: ArrayLike<number>; orders: ArrayLike<number>; spend: ArrayLike<number> },
  rows: Int32Array,
  spendScale: number,
): PurchaseTensors {
  const n = rows.length
  const xs = new Float32Array(n * columns)
  const buy = new Float32Array(n)
  const amount = new Float32Array(n * 2)
  for (let r = 0; r < n; r++) {
    const row = rows[r]
    xs.set(x.subarray(row * columns, (row + 1) * columns), r * columns)
    buy[r] = labels.bought[row] > 0 ? 1 : 0
    amount[2 * r] = labels.orders[row]
    amount[2 * r + 1] = labels.spend[row] / spendScale
  }
  return {
    x: tf.tensor2d(xs, [n, columns]),
    buy: tf.tensor2d(buy, [n, 1]),
    amount: tf.tensor2d(amount, [n, 2]),
  }
}
