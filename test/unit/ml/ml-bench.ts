/**
 * Per-epoch training times at realistic shop sizes, for the report and for
 * checking a backend change. Not a test (no assertions, takes minutes):
 *   npx tsx test/unit/ml/ml-bench.ts <cpu|wasm|node> <purchase|sequence|affinity> [epochs]
 */
import { initBackend, type BackendPreference } from '../../../src-main/engine/ml/backend'
import { predictAffinity, trainAffinity } from '../../../src-main/engine/ml/affinity'
import { predictPurchase, trainPurchase } from '../../../src-main/engine/ml/purchase'
import { predictSequence, trainSequence } from '../../../src-main/engine/ml/sequence'
import type { EpochLogs } from '../../../src-main/engine/ml/train'
import { syntheticHistories, syntheticInteractions, syntheticPurchases } from './synthetic'

async function main(): Promise<void> {
  const backend = (process.argv[2] ?? 'wasm') as BackendPreference
  const which = process.argv[3] ?? 'purchase'
  const epochs = Number(process.argv[4] ?? 2)
  const info = await initBackend(backend)
  const onEpoch = (epoch: number, logs: EpochLogs, eta: number) =>
    console.log(`  epoch ${epoch}: ${logs.seconds.toFixed(2)} s, loss ${logs.loss.toFixed(4)}, val ${logs.valLoss?.toFixed(4)}, eta ${eta.toFixed(1)} s`)
  const time = <T>(label: string, f: () => T): T => {
    const t0 = performance.now()
    const out = f()
    console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s`)
    return out
  }
  console.log(`${which} on ${info.name} (${info.reason})`)

  if (which === 'purchase') {
    const shop = syntheticPurchases(5000, 7, { noiseColumns: 27 })
    console.log('  5,000 customers × 30 features, batch 256 (80% train)')
    const result = await trainPurchase(shop.features, shop.labels, { epochs, patience: 0, onEpoch })
    if (result.status === 'trained') {
      time('predict 5,000', () => predictPurchase(result.trained, shop.features))
      console.log(`  metrics ${JSON.stringify(result.trained.metadata.metrics)}`)
    }
  } else if (which === 'sequence') {
    const histories = syntheticHistories(5000, 12).map((h) => [...h, ...h].slice(0, 20))
    console.log('  5,000 customers, ≤ 20 orders, 12 categories, pseudo-cutoffs every 14 days, batch 128')
    const daysSinceLast = histories.map(() => 1)
    const result = await trainSequence(histories, { numCategories: 12, daysSinceLast, cutoff: 'bench', epochs, patience: 0, onEpoch })
    if (result.status === 'trained') {
      time('predict 5,000', () => predictSequence(result.trained, histories, daysSinceLast))
      console.log(`  metrics ${JSON.stringify(result.trained.metadata.metrics)}`)
    }
  } else {
    const interactions = syntheticInteractions(4000, 4000, 62, 13, 40)
    console.log(`  4,000 customers × 4,000 products, ${interactions.customerRow.length} interactions, 4 negatives, batch 1024, dim 32`)
    const result = await trainAffinity(interactions, { epochs, patience: 0, onEpoch })
    if (result.status === 'trained') {
      console.log(`  train pairs ${result.trained.metadata.extra.trainPairs}`)
      time('top-10 for 4,000 × 4,000', () =>
        predictAffinity(result.trained, { customerIds: Array.from(interactions.customerIds), products: interactions.products, k: 10 }),
      )
      console.log(`  metrics ${JSON.stringify(result.trained.metadata.metrics)}`)
    }
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
