/**
 * Models as plain data: the network (topology JSON, weight specs, weight
 * bytes) plus metadata saying what it was trained on and how well it did.
 * The store keeps these; nothing here touches files or URLs.
 */
import * as tf from '@tensorflow/tfjs'
import type { Standardisation } from './standardise'

export type ModelKind = 'purchase' | 'sequence' | 'affinity'

export interface ModelMetadata<Extra = unknown> {
  kind: ModelKind
  /** Version of this kind's inputs/outputs; a loader refuses other versions. */
  version: number
  /** The FeatureSet cutoff the model was trained at ('YYYY-MM-DD'). */
  cutoff: string
  /** Label window in days, for models that have one. */
  horizonDays: number | null
  /** Input column names in order (FeatureSet names, or the model's own inputs). */
  featureNames: string[]
  standardisation: Standardisation | null
  /** tfjs backend used for training ('tensorflow', 'wasm' or 'cpu'). */
  backend: string
  /** Held-out quality measures; only finite numbers are kept. */
  metrics: Record<string, number>
  trainingSeconds: number
  seed: number
  /** ISO timestamp. */
  createdAt: string
  /** What the kind needs to predict besides the network (calibration, vocabularies...). */
  extra: Extra
}

export interface SavedModel<Extra = unknown> {
  /** Keras-style topology JSON object, as tfjs produces it. */
  modelTopology: object
  weightSpecs: tf.io.WeightsManifestEntry[]
  weightData: Buffer
  metadata: ModelMetadata<Extra>
}

/** A network and what it needs to be used; returned by the train and load functions. */
export interface TrainedModel<Extra = unknown> {
  model: tf.LayersModel
  metadata: ModelMetadata<Extra>
}

export async function saveModel<Extra>(trained: TrainedModel<Extra>): Promise<SavedModel<Extra>> {
  let artifacts: tf.io.ModelArtifacts | null = null
  await trained.model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
    }),
  )
  // TypeScript cannot see the assignment inside the callback above.
  const saved = artifacts as tf.io.ModelArtifacts | null
  if (!saved?.modelTopology || !saved.weightSpecs || saved.weightData === undefined) {
    throw new Error('saveModel: tfjs produced no topology or weights')
  }
  if (saved.modelTopology instanceof ArrayBuffer) throw new Error('saveModel: expected a JSON topology')
  // weightData may be split into several buffers for very large models.
  const bytes = tf.io.CompositeArrayBuffer.join(saved.weightData)
  return {
    modelTopology: saved.modelTopology,
    weightSpecs: saved.weightSpecs,
    weightData: Buffer.from(bytes),
    metadata: { ...trained.metadata, metrics: finiteOnly(trained.metadata.metrics) },
  }
}

/**
 * The network back from plain data. Checks the kind and version so a
 * purchase model is never read as an affinity one after an upgrade.
 */
export async function loadModel<Extra>(
  saved: SavedModel<Extra>,
  kind: ModelKind,
  version: number,
): Promise<TrainedModel<Extra>> {
  const { metadata } = saved
  if (metadata.kind !== kind) throw new Error(`loadModel: this is a ${metadata.kind} model, not a ${kind} model`)
  if (metadata.version !== version) {
    throw new Error(`loadModel: ${kind} model version ${metadata.version} is not the supported version ${version}; retrain`)
  }
  const bytes = saved.weightData
  // Copy into a fresh ArrayBuffer: a Buffer may be a view into a larger pool.
  // (Node types Buffer.buffer as ArrayBufferLike; a Buffer is never backed by
  // a SharedArrayBuffer, so the slice is an ArrayBuffer.)
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: saved.modelTopology, weightSpecs: saved.weightSpecs, weightData }))
  return { model, metadata }
}

export function finiteOnly(metrics: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).filter(([, v]) => Number.isFinite(v)))
}
