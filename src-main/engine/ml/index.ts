/**
 * The learning step's public surface. Call initBackend() once before
 * anything else; each model kind has train* (with the small-data fallback,
 * progress and cancellation), predict*, save* and load*.
 */
export { initBackend, currentBackendName, type BackendInfo, type BackendName, type BackendPreference } from './backend'
export type { EpochLogs, FitOptions, FitReport, OnEpoch, StopReason } from './train'
export type { ModelKind, ModelMetadata, SavedModel, TrainedModel } from './persistence'
export type { Calibration, CalibrationMethod } from './calibration'
export {
  trainPurchase,
  predictPurchase,
  savePurchaseModel,
  loadPurchaseModel,
  guessPriorColumns,
  PURCHASE_MODEL_VERSION,
  type PurchaseExtra,
  type PurchasePredictions,
  type PurchaseTrainOptions,
  type PurchaseTrainResult,
  type TrainedPurchaseModel,
} from './purchase'
export {
  trainSequence,
  predictSequence,
  saveSequenceModel,
  loadSequenceModel,
  SEQUENCE_MODEL_VERSION,
  type SequenceExtra,
  type SequencePredictions,
  type SequenceTrainOptions,
  type SequenceTrainResult,
  type TrainedSequenceModel,
} from './sequence'
export {
  trainAffinity,
  predictAffinity,
  affinityPairLogits,
  saveAffinityModel,
  loadAffinityModel,
  AFFINITY_MODEL_VERSION,
  type AffinityExtra,
  type AffinityPredictOptions,
  type AffinityPredictions,
  type AffinityTrainOptions,
  type AffinityTrainResult,
  type TrainedAffinityModel,
} from './affinity'
