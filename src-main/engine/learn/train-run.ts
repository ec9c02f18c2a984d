import type Database from 'better-sqlite3'
import type { AffinityMetrics, JobStep, ModelReport, PurchaseMetrics, SequenceMetrics } from '../api'
import {
  AFFINITY_BASELINES,
  buildAffinitySplit,
  buildPurchaseSplit,
  evaluateAffinityModel,
  evaluatePurchaseModel,
  evaluatePurchaseScores,
  evaluateRankings,
  PURCHASE_BASELINES,
  type PurchaseMetrics as ScoredPurchase,
  type Ranker,
} from '../evaluation'
import { RFM_BASELINE } from '../evaluation/baselines/purchase-baselines'
import { BG_NBD_BASELINE, BG_NBD_NAME, bgNbdPurchaseScores } from '../clv/bg-nbd-baseline'
import { customerValues } from '../clv/customer-values'
import { fitBgNbdSafely, fitGammaGammaSafely } from '../clv/fit-at-cutoff'
import { shopMargin } from '../clv/margin'
import { DEFAULT_MONTHLY_DISCOUNT_RATE } from '../clv/settings'
import { summariesFromFeatures } from '../clv/summaries'
import { buildFeatures, buildHistories, buildInteractions, buildLabels, windowPurchases } from '../features'
import {
  initBackend,
  predictPurchase,
  predictSequence,
  saveAffinityModel,
  savePurchaseModel,
  saveSequenceModel,
  trainAffinity,
  trainPurchase,
  trainSequence,
  type FitOptions,
  type SavedModel,
  type TrainedAffinityModel,
  type TrainedPurchaseModel,
  type TrainedSequenceModel,
} from '../ml'
import { blendCandidates, blendRanker, fitBlend, type BlendCandidates, type BlendModel } from './affinity-blend'
import { affinityRanker, scoringRanker, toAffinityMetrics, twoTowerLogits } from './affinity-rankers'
import { customerScoreRecords, shopHasDiscountData } from './customer-score-records'
import { nextOrdersAfter } from './next-orders'
import type { RunRecord } from './run-store'
import { gruGuess, historyAverageGuess, purchaseRateGuess, scoreGuess, type NextOrderGuess } from './sequence-entries'
import { previousModels } from './previous-models'
import { earlierWindows, stackedRows } from './stacked-rows'
import { learnWindows } from './windows'
import { RunClock } from './run-clock'

export interface TrainSettings {
  horizonDays: number
  cutoff?: string
  seed?: number
  /** Epoch caps per model (early stopping usually ends sooner); lower in tests. */
  epochs?: { purchase?: number; sequence?: number; affinity?: number }
}

export interface TrainProgress {
  step: JobStep
  /** Steps of the whole run done so far (of TOTAL_STEPS), for the overall bar. */
  done: number
  total: number
  epoch?: number
  /** The cap on epochs for the model being trained (early stopping may end sooner). */
  epochs?: number
  loss?: number
  etaSeconds?: number
}

export type TrainOutcome = { status: 'trained'; run: RunRecord } | { status: 'cancelled' }

const STEPS: JobStep[] = ['features', 'baselines', 'training-purchase', 'training-sequence', 'training-affinity', 'evaluating', 'scoring']

class Cancelled extends Error {}

/**
 * One training run: features at three cutoffs (learn/windows.ts), every
 * baseline and model judged on the same held-out window, the winner of each
 * task kept, then models retrained on the latest window to score customers.
 * Pure with respect to the store: it reads, and returns what to save.
 */
export async function trainRun(
  db: Database.Database,
  settings: TrainSettings,
  isCancelled: () => boolean,
  report: (progress: TrainProgress) => void,
): Promise<TrainOutcome> {
  try {
    return { status: 'trained', run: await run(db, settings, isCancelled, report) }
  } catch (error) {
    if (error instanceof Cancelled) return { status: 'cancelled' }
    throw error
  }
}

async function run(db: Database.Database, settings: TrainSettings, isCancelled: () => boolean, report: (p: TrainProgress) => void): Promise<RunRecord> {
  const backend = await initBackend()
  const windows = learnWindows(db, settings.horizonDays, settings.cutoff)
  const seed = settings.seed ?? 20240101
  const seconds: Record<string, number> = {}
  const clock = new RunClock(STEPS)
  let stepIndex = 0
  const enter = (step: JobStep): void => {
    if (isCancelled()) throw new Cancelled()
    stepIndex = STEPS.indexOf(step)
    report({ step, done: stepIndex, total: STEPS.length, etaSeconds: clock.etaSeconds(step, 0) })
  }
  // The ETA covers the whole run (every remaining step), not just the model being fitted.
  // `part`/`parts` place one fit within a step that fits several models (scoring).
  const fitHooks = (step: JobStep, epochs: number, part = 0, parts = 1): Pick<FitOptions, 'onEpoch' | 'shouldStop'> => ({
    onEpoch: (epoch, logs, _eta, cap) => {
      // The model's own cap where it set a lower one (the GRU's budget of examples seen).
      const of = Math.min(epochs, cap)
      const fraction = (part + epoch / of) / parts
      report({ step, done: stepIndex + fraction, total: STEPS.length, epoch, epochs: of, loss: logs.loss, etaSeconds: clock.etaSeconds(step, fraction) })
    },
    shouldStop: isCancelled,
  })
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    const result = await work()
    seconds[name] = Math.round((performance.now() - started) / 100) / 10
    return result
  }

  // ---- features at the three cutoffs
  enter('features')
  // Warm start from the last run's models where their shapes still fit.
  const previous = await previousModels(db)
  const task = { cutoff: windows.evaluation, horizonDays: windows.horizonDays }
  const purchaseSplit = buildPurchaseSplit(db, task)
  // The MLP is calibrated on up to three earlier windows too (stacked-rows.ts), so one season's base
  // rate is not carried into the next. Judged model: labels end by `evaluation`; scoring: by `scoring`.
  const evalStack = stackedRows(db, windows.training, windows.horizonDays, windows.firstOrderDay, [purchaseSplit.train])
  const evalCalibration = earlierWindows(evalStack) ?? undefined
  const latestCalibration = earlierWindows(stackedRows(db, windows.evaluation, windows.horizonDays, windows.firstOrderDay, [purchaseSplit.test, ...evalStack.parts])) ?? undefined
  const affinitySplit = buildAffinitySplit(db, task, purchaseSplit.test.features)
  const historiesEval = buildHistories(db, windows.evaluation)
  const next = nextOrdersAfter(db, windows.evaluation, windows.horizonDays, purchaseSplit.test.features.customerIds)
  const scoringFeatures = buildFeatures(db, windows.scoring)
  const scoringInteractions = buildInteractions(db, windows.scoring)

  // ---- baselines, fitted and judged exactly like the models
  enter('baselines')
  const purchaseScored = new Map<string, ScoredPurchase & { kind: 'model' | 'baseline' }>()
  // The BG/NBD joins the purchase baselines here, fitted on the training cutoff's histories like the others.
  for (const baseline of [...PURCHASE_BASELINES, BG_NBD_BASELINE]) purchaseScored.set(baseline.name, { ...evaluatePurchaseModel(baseline, purchaseSplit), kind: 'baseline' })
  const affinity: AffinityMetrics[] = AFFINITY_BASELINES.map((baseline) => toAffinityMetrics(evaluateAffinityModel(baseline, affinitySplit, 10), 'baseline'))

  // ---- purchase MLP: trained at `training`, judged at `evaluation`
  enter('training-purchase')
  const epochs = { purchase: settings.epochs?.purchase ?? 60, sequence: settings.epochs?.sequence ?? 30, affinity: settings.epochs?.affinity ?? 12 }
  const purchaseEval = await timed('purchase-mlp', () =>
    trainPurchase(purchaseSplit.train.features, purchaseSplit.train.labels, { seed, epochs: epochs.purchase, calibrationRows: evalCalibration, previous: previous.purchase, ...fitHooks('training-purchase', epochs.purchase) }),
  )
  if (purchaseEval.status === 'cancelled') throw new Cancelled()
  let evalExpectedOrders: Float32Array | null = null
  if (purchaseEval.status === 'trained') {
    const predicted = predictPurchase(purchaseEval.trained, purchaseSplit.test.features)
    evalExpectedOrders = predicted.expectedOrders
    purchaseScored.set('purchase-mlp', { ...evaluatePurchaseScores(predicted.pBuy, purchaseSplit.test.labels), kind: 'model' })
  }

  // ---- sequence GRU: learns from order sequences before `evaluation`
  enter('training-sequence')
  const sequenceEval = await timed('sequence-gru', () =>
    trainSequence(historiesEval.steps, {
      categories: historiesEval.categories,
      daysSinceLast: historiesEval.daysSinceLast,
      horizonDays: windows.horizonDays,
      cutoff: windows.evaluation,
      seed,
      previous: previous.sequence,
      epochs: epochs.sequence,
      ...fitHooks('training-sequence', epochs.sequence),
    }),
  )
  if (sequenceEval.status === 'cancelled') throw new Cancelled()
  const guesses: NextOrderGuess[] = [historyAverageGuess(historiesEval, purchaseSplit.test.features)]
  if (evalExpectedOrders) guesses.push(purchaseRateGuess(purchaseSplit.test.features, evalExpectedOrders, windows.horizonDays))
  if (sequenceEval.status === 'trained') {
    const gru = gruGuess(predictSequence(sequenceEval.trained, historiesEval.steps, historiesEval.daysSinceLast, historiesEval.categories))
    // The GRU's tasks are the next category and the wait. Its wait was also tried as a buyer
    // ranking and ranked worse than recency alone on the reference task, so it is not offered there.
    guesses.push(gru)
  }
  const sequence: SequenceMetrics[] = guesses.map((guess) => scoreGuess(guess, next))

  // ---- affinity two-tower: learns from purchases before `evaluation`
  enter('training-affinity')
  const affinityEval = await timed('affinity-two-tower', () =>
    trainAffinity(affinitySplit.context.interactions, { seed, epochs: epochs.affinity, previous: previous.affinity, ...fitHooks('training-affinity', epochs.affinity) }),
  )
  if (affinityEval.status === 'cancelled') throw new Cancelled()
  // The blend behind 'two-tower+repeats' is fitted one window earlier: features and a two-tower at
  // `training`, labels from [training, evaluation); then applied at `evaluation` with the model above.
  let blendEval: BlendModel | null = null
  let blendTwoTower = false
  let evalCandidates: BlendCandidates | null = null
  if (affinityEval.status === 'trained') {
    const innerInteractions = buildInteractions(db, windows.training)
    const innerWindow = windowPurchases(db, windows.training, windows.horizonDays, innerInteractions.customerIds, innerInteractions)
    const inner = await timed('affinity-blend', () =>
      trainAffinity(innerInteractions, { seed, epochs: epochs.affinity, shouldStop: isCancelled }),
    )
    if (inner.status === 'cancelled') throw new Cancelled()
    blendTwoTower = inner.status === 'trained'
    const innerCandidates = blendCandidates(db, innerInteractions, inner.status === 'trained' ? twoTowerLogits(inner.trained, innerInteractions) : null)
    if (inner.status === 'trained') inner.trained.model.dispose()
    blendEval = fitBlend(innerCandidates, innerWindow)
    const interactions = affinitySplit.context.interactions
    affinity.push(
      toAffinityMetrics({ name: 'two-tower', ...evaluateRankings(affinitySplit.window, interactions, affinityRanker(affinityEval.trained, interactions, 0), 10) }, 'model'),
    )
    evalCandidates = blendCandidates(db, interactions, blendTwoTower ? twoTowerLogits(affinityEval.trained, interactions) : null)
    affinity.push(
      toAffinityMetrics({ name: 'two-tower+repeats', ...evaluateRankings(affinitySplit.window, interactions, blendRanker(evalCandidates, blendEval), 10) }, 'model'),
    )
  }

  // ---- compare, choose per task
  enter('evaluating')
  const purchase: PurchaseMetrics[] = [...purchaseScored].map(([name, m]) => ({ name, kind: m.kind, auc: m.auc, logLoss: m.logLoss, ece: m.ece }))
  // Only entries that give probabilities can serve the plan; the GRU's wait-score is compared but not served.
  const probabilistic = purchase.filter((m) => m.name === 'purchase-mlp' || m.name === RFM_BASELINE.name || m.name === BG_NBD_NAME)
  const chosen = {
    purchase: best(probabilistic, (m) => m.auc).name,
    affinity: best(affinity, (m) => m.recallAt10).name,
    nextCategory: best(sequence, (m) => m.nextCategoryAccuracy).name,
    daysToNext: best(sequence, (m) => -m.daysToNextMae).name,
  }
  const fallback =
    purchaseEval.status === 'fallback'
      ? { reason: purchaseEval.reason, customers: purchaseEval.customers, buyers: purchaseEval.positives }
      : null

  // ---- retrain the winners on the latest window and score every customer as of `scoring`
  enter('scoring')
  const models: RunRecord['models'] = []
  const keep = async (role: 'evaluation' | 'scoring', saved: Promise<SavedModel>): Promise<void> => {
    models.push({ role, saved: await saved })
  }
  if (purchaseEval.status === 'trained') await keep('evaluation', savePurchaseModel(purchaseEval.trained))
  if (sequenceEval.status === 'trained') await keep('evaluation', saveSequenceModel(sequenceEval.trained))
  if (affinityEval.status === 'trained') await keep('evaluation', saveAffinityModel(affinityEval.trained))

  const latestLabels = purchaseSplit.test
  const purchaseFinal: TrainedPurchaseModel | null =
    purchaseEval.status === 'trained'
      ? await finalModel(
          trainPurchase(latestLabels.features, latestLabels.labels, { seed, epochs: epochs.purchase, calibrationRows: latestCalibration, previous: purchaseEval.trained, ...fitHooks('scoring', epochs.purchase, 0, 3) }),
        )
      : null
  const scoringHistories = buildHistories(db, windows.scoring)
  const sequenceFinal: TrainedSequenceModel | null =
    sequenceEval.status === 'trained'
      ? await finalModel(
          trainSequence(scoringHistories.steps, {
            categories: scoringHistories.categories,
            daysSinceLast: scoringHistories.daysSinceLast,
            horizonDays: windows.horizonDays,
            cutoff: windows.scoring,
            seed,
            epochs: epochs.sequence,
            previous: sequenceEval.trained,
            ...fitHooks('scoring', epochs.sequence, 1, 3),
          }),
        )
      : null
  // As many epochs as validation chose for the judged two-tower: the refit sees one window more of the same shop.
  const affinityRefitEpochs = affinityEval.status === 'trained' ? Math.min(epochs.affinity, Math.max(1, affinityEval.fit.bestEpoch ?? epochs.affinity)) : 0
  const affinityFinal: TrainedAffinityModel | null =
    affinityEval.status === 'trained'
      ? await finalModel(
          trainAffinity(scoringInteractions, { seed, epochs: affinityRefitEpochs, previous: affinityEval.trained, ...fitHooks('scoring', affinityRefitEpochs, 2, 3) }),
        )
      : null
  if (isCancelled()) throw new Cancelled()
  if (purchaseFinal) await keep('scoring', savePurchaseModel(purchaseFinal))
  if (sequenceFinal) await keep('scoring', saveSequenceModel(sequenceFinal))
  if (affinityFinal) await keep('scoring', saveAffinityModel(affinityFinal))

  const purchaseNow = purchaseFinal ? predictPurchase(purchaseFinal, scoringFeatures) : null
  // BG/NBD and Gamma-Gamma at the scoring cutoff: they need no labels, so the latest history is all theirs.
  const bgNbdNow = fitBgNbdSafely(summariesFromFeatures(scoringFeatures).repeat)
  const gammaGammaNow = fitGammaGammaSafely(scoringFeatures)
  const margin = shopMargin(db, windows.scoring)
  const pBuy =
    chosen.purchase === 'purchase-mlp' && purchaseNow
      ? purchaseNow.pBuy
      : chosen.purchase === BG_NBD_NAME && bgNbdNow
        ? bgNbdPurchaseScores(bgNbdNow.params, scoringFeatures, windows.horizonDays)
        : RFM_BASELINE.fit(latestLabels.features, latestLabels.labels)(scoringFeatures)
  const sequenceNow = sequenceFinal ? predictSequence(sequenceFinal, scoringHistories.steps, scoringHistories.daysSinceLast, scoringHistories.categories) : null
  const nextGuesses = new Map<string, NextOrderGuess>()
  nextGuesses.set('history-average', historyAverageGuess(scoringHistories, scoringFeatures))
  if (purchaseNow) nextGuesses.set('purchase-mlp', purchaseRateGuess(scoringFeatures, purchaseNow.expectedOrders, windows.horizonDays))
  if (sequenceNow) nextGuesses.set('sequence-gru', gruGuess(sequenceNow))
  let ranker: Ranker
  if (chosen.affinity === 'two-tower+repeats' && evalCandidates && affinityFinal) {
    // Refitted on the latest complete window (features and two-tower at `evaluation`, labels up to `scoring`).
    const blendNow = fitBlend(evalCandidates, affinitySplit.window)
    ranker = blendRanker(blendCandidates(db, scoringInteractions, blendTwoTower ? twoTowerLogits(affinityFinal, scoringInteractions) : null), blendNow)
  } else {
    ranker = scoringRanker(chosen.affinity, affinityFinal, scoringInteractions, scoringFeatures)
  }

  const scores = customerScoreRecords({
    features: scoringFeatures,
    interactions: scoringInteractions,
    pBuy,
    purchase: purchaseNow,
    latestLabels: latestLabels.labels,
    sequence: chosen.nextCategory === 'sequence-gru' ? sequenceNow : null,
    nextCategory: (nextGuesses.get(chosen.nextCategory) ?? nextGuesses.get('history-average'))!,
    daysToNext: (nextGuesses.get(chosen.daysToNext) ?? nextGuesses.get('history-average'))!,
    ranker,
    values: customerValues(bgNbdNow?.params ?? null, gammaGammaNow?.params ?? null, scoringFeatures, {
      margin: margin.margin,
      monthlyDiscountRate: DEFAULT_MONTHLY_DISCOUNT_RATE,
    }),
  })


  const reportBody: RunRecord['report'] = {
    evaluationCutoff: windows.evaluation,
    scoringCutoff: windows.scoring,
    horizonDays: windows.horizonDays,
    backend,
    customers: purchaseSplit.test.features.customerIds.length,
    buyers: purchaseSplit.test.labels.bought.reduce((sum, b) => sum + b, 0),
    purchase,
    affinity,
    sequence,
    chosen,
    // Empty bins carry no information for the chart; the contract's points are always filled.
    reliability: [...purchaseScored]
      .filter(([name]) => name === chosen.purchase || name === RFM_BASELINE.name)
      .map(([name, m]) => ({
        name,
        bins: m.reliability.flatMap((b) => (b.meanPredicted === null || b.observedRate === null ? [] : [{ meanPredicted: b.meanPredicted, observedRate: b.observedRate, count: b.count }])),
      })),
    gains: [...purchaseScored].map(([name, m]) => ({ name, points: m.gains.map((g) => ({ share: g.targeted, captured: g.captured })) })),
    trainingSeconds: seconds,
    // The whole run as the merchant waited for it (features, every model and baseline, scoring), measured.
    wallSeconds: Math.round(clock.elapsedSeconds()),
    fallback,
  }
  return {
    report: reportBody,
    mode: fallback ? 'fallback' : 'learned',
    shop: {
      discountShare: scoringFeatures.context?.shopDiscountShare ?? 0,
      saleSpendShare: scoringFeatures.context?.shopSaleSpendShare ?? 0,
      // No code, no money off and no sale day before the scoring cutoff: the sensitivity score is then the prior alone.
      hasDiscountData: shopHasDiscountData(scoringFeatures),
      lifetimeValue: {
        bgNbd: bgNbdNow ? { ...bgNbdNow.params, logLikelihood: bgNbdNow.logLikelihood, customers: bgNbdNow.customers } : null,
        gammaGamma: gammaGammaNow ? { ...gammaGammaNow.params, customers: gammaGammaNow.customers } : null,
        margin: margin.margin,
        marginSource: margin.source,
        monthlyDiscountRate: DEFAULT_MONTHLY_DISCOUNT_RATE,
      },
    },
    models,
    scores,
  }
}

function best<T>(entries: T[], value: (entry: T) => number): T {
  return entries.reduce((a, b) => (value(b) > value(a) ? b : a))
}

async function finalModel<T>(result: Promise<{ status: 'trained'; trained: T } | { status: string }>): Promise<T | null> {
  const settled = await result
  return settled.status === 'trained' ? (settled as { trained: T }).trained : null
}
