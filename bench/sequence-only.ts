/**
 * The sequence model alone, judged like the learn run judges it, in minutes
 * rather than a whole run: histories and features at an evaluation cutoff,
 * trainSequence on them, then the GRU and "history-average" scored by the
 * run's own scoreGuess on the first order in [cutoff, cutoff + horizon).
 * Opens the store read-only.
 *
 *   npx tsx bench/sequence-only.ts <store.sqlite> <evaluation cutoff> [horizon days = 90] [epochs = 30]
 */
import Database from 'better-sqlite3'
import { buildFeatures, buildHistories } from '../src-main/engine/features'
import { nextOrdersAfter } from '../src-main/engine/learn/next-orders'
import { gruGuess, historyAverageGuess, scoreGuess } from '../src-main/engine/learn/sequence-entries'
import { initBackend, predictSequence, trainSequence } from '../src-main/engine/ml'

async function main(): Promise<void> {
  const [dbPath, cutoff, horizon = '90', epochs = '30'] = process.argv.slice(2)
  if (!dbPath || !cutoff) throw new Error('usage: sequence-only.ts <store.sqlite> <evaluation cutoff> [horizon days] [epochs]')
  const db = new Database(dbPath, { readonly: true })
  const backend = await initBackend()
  const features = buildFeatures(db, cutoff)
  const histories = buildHistories(db, cutoff)
  const next = nextOrdersAfter(db, cutoff, Number(horizon), features.customerIds)
  const started = performance.now()
  const result = await trainSequence(histories.steps, {
    categories: histories.categories,
    daysSinceLast: histories.daysSinceLast,
    horizonDays: Number(horizon),
    cutoff,
    seed: 20240101,
    epochs: Number(epochs),
  })
  if (result.status !== 'trained') throw new Error(`sequence model: ${result.status}`)
  const seconds = (performance.now() - started) / 1000
  const predictions = predictSequence(result.trained, histories.steps, histories.daysSinceLast, histories.categories)
  const rows = [scoreGuess(historyAverageGuess(histories, features), next), scoreGuess(gruGuess(predictions), next)]
  console.log(JSON.stringify({ backend, customers: features.customerIds.length, examples: result.trained.metadata.extra.trainExamples, fit: result.trained.metadata.extra.fit, trainingSeconds: Math.round(seconds * 10) / 10, rows }, null, 1))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
