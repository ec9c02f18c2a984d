/**
 * Training and predict speed on the UCI Online Retail store, for one tfjs
 * backend (a process can only pick one). run-bench.ts runs this once per
 * backend available on the machine and prints them side by side.
 */
import { performance } from 'node:perf_hooks'
import { buildFeatures, buildHistories, buildInteractions, buildLabels } from '../src-main/engine/features'
import { addDays } from '../src-main/engine/features'
import { initBackend, predictAffinity, predictPurchase, predictSequence, trainAffinity, trainPurchase, trainSequence, type BackendPreference } from '../src-main/engine/ml'
import { openStore } from '../src-main/engine/store/open-store'

export interface LearnBenchResult {
  backend: string
  reason: string
  customers: number
  interactions: number
  models: { name: string; epochs: number; secondsPerEpoch: number; totalSeconds: number }[]
  predict: { name: string; rows: number; rowsPerSecond: number }[]
}

const EPOCHS = { purchase: 10, sequence: 2, affinity: 2 }

export async function learnBench(dbPath: string, prefer: BackendPreference, cutoff: string, horizonDays: number): Promise<LearnBenchResult> {
  const info = await initBackend(prefer)
  const store = openStore(dbPath)
  const features = buildFeatures(store.db, cutoff)
  const labels = buildLabels(store.db, cutoff, horizonDays, features.customerIds)
  const histories = buildHistories(store.db, cutoff)
  const interactions = buildInteractions(store.db, cutoff)
  const scoring = buildFeatures(store.db, addDays(cutoff, horizonDays))
  store.close()
  const models: LearnBenchResult['models'] = []
  const predict: LearnBenchResult['predict'] = []
  const time = async <T>(work: () => Promise<T> | T): Promise<{ value: T; seconds: number }> => {
    const started = performance.now()
    const value = await work()
    return { value, seconds: (performance.now() - started) / 1000 }
  }
  const perEpoch = (name: string, epochs: number, seconds: number, fit: { epochsRun: number }): void => {
    models.push({ name, epochs: fit.epochsRun, secondsPerEpoch: round(seconds / Math.max(1, fit.epochsRun)), totalSeconds: round(seconds) })
    void epochs
  }

  // patience above the epoch count: the bench measures epochs, not early stopping.
  const purchase = await time(() => trainPurchase(features, labels, { seed: 1, epochs: EPOCHS.purchase, patience: 100 }))
  if (purchase.value.status === 'trained') {
    perEpoch('purchase-mlp', EPOCHS.purchase, purchase.seconds, purchase.value.fit)
    const trained = purchase.value.trained
    const run = await time(() => predictPurchase(trained, scoring))
    predict.push({ name: 'purchase-mlp', rows: scoring.customerIds.length, rowsPerSecond: Math.round(scoring.customerIds.length / run.seconds) })
  }
  const sequence = await time(() => trainSequence(histories.steps, { categories: histories.categories, daysSinceLast: histories.daysSinceLast, cutoff, seed: 1, epochs: EPOCHS.sequence, patience: 100 }))
  if (sequence.value.status === 'trained') {
    perEpoch('sequence-gru', EPOCHS.sequence, sequence.seconds, sequence.value.fit)
    const trained = sequence.value.trained
    const run = await time(() => predictSequence(trained, histories.steps, histories.daysSinceLast, histories.categories))
    predict.push({ name: 'sequence-gru', rows: histories.steps.length, rowsPerSecond: Math.round(histories.steps.length / run.seconds) })
  }
  const affinity = await time(() => trainAffinity(interactions, { seed: 1, epochs: EPOCHS.affinity, patience: 100 }))
  if (affinity.value.status === 'trained') {
    perEpoch('affinity-two-tower', EPOCHS.affinity, affinity.seconds, affinity.value.fit)
    const trained = affinity.value.trained
    const run = await time(() => predictAffinity(trained, { customerIds: interactions.customerIds, products: interactions.products, k: 10 }))
    predict.push({ name: 'affinity top-10 (customers)', rows: interactions.customerIds.length, rowsPerSecond: Math.round(interactions.customerIds.length / run.seconds) })
  }
  return { backend: info.name, reason: info.reason, customers: features.customerIds.length, interactions: interactions.weight.length, models, predict }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
