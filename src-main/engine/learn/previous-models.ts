import type Database from 'better-sqlite3'
import {
  loadAffinityModel,
  loadPurchaseModel,
  loadSequenceModel,
  type SavedModel,
  type TrainedAffinityModel,
  type TrainedPurchaseModel,
  type TrainedSequenceModel,
} from '../ml'
import type { AffinityExtra, PurchaseExtra, SequenceExtra } from '../ml'
import { latestRunId } from './customer-queries'
import { loadRunModels } from './run-store'

export interface PreviousModels {
  runId: number | null
  purchase: TrainedPurchaseModel | null
  sequence: TrainedSequenceModel | null
  affinity: TrainedAffinityModel | null
}

/**
 * The latest run's evaluation models, to warm-start the next run's: retraining
 * after a new import starts from what was already learnt (the ML code uses a
 * previous model only where its weight shapes still match). A model that no
 * longer loads (older version) is simply not reused.
 */
export async function previousModels(db: Database.Database): Promise<PreviousModels> {
  const runId = latestRunId(db)
  const none: PreviousModels = { runId, purchase: null, sequence: null, affinity: null }
  if (runId === null) return none
  const saved = loadRunModels(db, runId, 'evaluation')
  const find = (kind: string): SavedModel | undefined => saved.find((model) => model.metadata.kind === kind)
  const attempt = async <T>(load: () => Promise<T>): Promise<T | null> => {
    try {
      return await load()
    } catch {
      return null
    }
  }
  const purchase = find('purchase')
  const sequence = find('sequence')
  const affinity = find('affinity')
  return {
    runId,
    purchase: purchase ? await attempt(() => loadPurchaseModel(purchase as SavedModel<PurchaseExtra>)) : null,
    sequence: sequence ? await attempt(() => loadSequenceModel(sequence as SavedModel<SequenceExtra>)) : null,
    affinity: affinity ? await attempt(() => loadAffinityModel(affinity as SavedModel<AffinityExtra>)) : null,
  }
}
