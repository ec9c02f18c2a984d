import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { applyStandardisation } from '../../../src-main/engine/ml/standardise'
import { fitMeasuredResponse, GAMMA_GRID, learnResponse, membersForFit, modelMultipliers, ResponseCancelled, RHO_GRID, type HyperChoice, type ResponseModel } from '../../../src-main/engine/planner/response'
import type { ResponseSummary } from '../../../src-main/engine/planner/planner-api'
import { SAMPLE_SHOP, sampleShopStore } from './sample-shop-store'

/**
 * The response model on the sample shop (resources/sample-shop with
 * campaigns.csv): held-out figures printed for docs/planning.md ("Response
 * model", "Measured on the sample shop"), for two seeds. Truth (truth.json)
 * is read only for the final check printed beside them, never by the model.
 *
 *   npx vitest run test/unit/response/sample-shop.test.ts
 */
const SEEDS = [1, 2]

let store: { db: Database.Database; close: () => Promise<void> }
const runs: { seed: number; model: ResponseModel; summary: ResponseSummary; ms: number; progress: number[]; choice: HyperChoice | null }[] = []

beforeAll(async () => {
  store = await sampleShopStore()
  for (const seed of SEEDS) {
    const started = Date.now()
    const progress: number[] = []
    const { model, summary } = learnResponse(store.db, { seed, onProgress: (f) => progress.push(f) })
    const ms = Date.now() - started
    // The heterogeneity multiplier's cells (off by default), scored by the same held-out likelihood.
    let choice: HyperChoice | null = null
    fitMeasuredResponse(membersForFit(store.db, model.featureNames), { featureNames: model.featureNames, seed, pointOnly: true, gammaGrid: GAMMA_GRID, rhoGrid: RHO_GRID, onChoice: (c) => (choice = c) })
    runs.push({ seed, model, summary, ms, progress, choice })
  }
}, 300_000)

afterAll(async () => {
  await store?.close()
})

/** Spearman rank correlation (average ranks for ties). */
function spearman(a: number[], b: number[]): number {
  const rank = (xs: number[]): number[] => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0])
    const r = new Array<number>(xs.length)
    for (let i = 0; i < order.length; ) {
      let j = i
      while (j < order.length && order[j][0] === order[i][0]) j++
      for (let k = i; k < j; k++) r[order[k][1]] = (i + j - 1) / 2
      i = j
    }
    return r
  }
  const ra = rank(a)
  const rb = rank(b)
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length
  const ma = mean(ra)
  const mb = mean(rb)
  let num = 0, da = 0, db = 0
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i] - ma) * (rb[i] - mb)
    da += (ra[i] - ma) ** 2
    db += (rb[i] - mb) ** 2
  }
  return num / Math.sqrt(da * db)
}

/** Mean θ over the samples for every campaign member, features at their campaign's sent_at (as the fit read them). */
function memberThetas(db: Database.Database, model: ResponseModel): { email: string; theta: number }[] {
  const members = membersForFit(db, model.featureNames)
  const emails = new Map((db.prepare('SELECT id, email FROM customers').all() as { id: number; email: string }[]).map((c) => [c.id, c.email]))
  const p = model.featureNames.length
  const raw = new Float64Array(members.length * p)
  members.forEach((m, i) => {
    for (let j = 0; j < p; j++) raw[i * p + j] = m.features[j]
  })
  const z = applyStandardisation(raw, model.standardisation)
  const multiplier = modelMultipliers(model, z, members.length)
  return members.map((m, i) => {
    let theta = 0
    for (const s of model.samples) {
      let t = s.w[0]
      for (let j = 0; j < p; j++) t += s.w[j + 1] * z[i * p + j]
      theta += (t * multiplier[i]) / model.samples.length
    }
    return { email: emails.get(m.customerId) as string, theta }
  })
}

/** Held-out log-likelihood of every heterogeneity cell relative to the κ / penalty winner (nats, joint refits, all members). */
function choiceTable(choice: HyperChoice): string {
  const het = choice.heterogeneity
  if (!het) return '  (no choice)'
  const cells = het.cells.map((c) => `g${c.gamma}/r${c.rho} ${(c.score - het.baseline).toFixed(1)}`)
  return `  held-out nats vs the kappa ${choice.kappa} winner: ${cells.join(', ')}`
}

const f = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : 'n/a')

describe('response model on the sample shop (held-out campaign members)', () => {
  test('prints the held-out figures and the truth check', () => {
    const truth = JSON.parse(readFileSync(join(SAMPLE_SHOP, 'truth.json'), 'utf8')) as { customers: Record<string, { email: string; type: string; tau: number }> }
    const byEmail = new Map(Object.values(truth.customers).map((c) => [c.email, c]))
    for (const { seed, model, summary, ms, choice } of runs) {
      const e = summary.evaluation
      expect(model.kind).toBe('measured')
      expect(e).not.toBeNull()
      if (!e) continue
      const thetas = memberThetas(store.db, model).filter((t) => byEmail.has(t.email))
      const rho = spearman(thetas.map((t) => t.theta), thetas.map((t) => (byEmail.get(t.email) as { tau: number }).tau))
      const byType = new Map<string, number[]>()
      for (const t of thetas) {
        const type = (byEmail.get(t.email) as { type: string }).type
        byType.set(type, [...(byType.get(type) ?? []), t.theta])
      }
      const lines = [
        `seed ${seed}: ${ms} ms, kappa ${model.kappa}, held-out ${e.heldOutMembers} (train ${e.trainMembers})`,
        `  Qini coefficient ${f(e.qiniCoefficient, 4)}, AUUC ${f(e.auuc, 4)}`,
        `  uplift@: ${e.upliftAt.map((u) => `${Math.round(u.share * 100)}% ${f(u.model)} (random ${f(u.random)})`).join(', ')}`,
        `  per depth: ${e.perDepth.map((d) => `${Math.round(d.depth * 100)}% n=${d.members} predicted ${f(d.predictedLift)} observed ${f(d.observedLift)}`).join('; ')}`,
        `  Spearman(theta, true tau) ${f(rho)}; mean theta by type: ${[...byType].sort().map(([type, xs]) => `${type} ${f(xs.reduce((a, b) => a + b, 0) / xs.length, 2)}`).join(', ')}`,
        `  heterogeneity: ${model.heterogeneity ? `gamma ${model.heterogeneity.gamma}, rho ${model.heterogeneity.rho}` : 'none (flat)'}; with the gamma/rho grid the choice would be gamma ${(choice as HyperChoice | null)?.gamma}, rho ${(choice as HyperChoice | null)?.rho}`,
        ...(choice ? [choiceTable(choice)] : []),
      ]
      console.log(lines.join('\n'))
    }
  })

  test('held out, the model beats random targeting: Qini coefficient > 0 and uplift@30 % above random, for both seeds', () => {
    for (const { summary } of runs) {
      const e = summary.evaluation as NonNullable<ResponseSummary['evaluation']>
      expect(e.qiniCoefficient).toBeGreaterThan(0)
      const at30 = e.upliftAt.find((u) => u.share === 0.3) as { model: number; random: number }
      expect(at30.model).toBeGreaterThan(at30.random)
      // Predicted lift rises with depth, as the law's does.
      const predicted = e.perDepth.map((d) => d.predictedLift)
      for (let k = 1; k < predicted.length; k++) expect(predicted[k]).toBeGreaterThanOrEqual(predicted[k - 1] - 0.005)
    }
  })

  test('progress rises to 1 between fits; a cancelled run throws ResponseCancelled', () => {
    const { progress } = runs[0]
    expect(progress.length).toBeGreaterThan(10)
    for (let k = 1; k < progress.length; k++) expect(progress[k]).toBeGreaterThanOrEqual(progress[k - 1])
    expect(progress[progress.length - 1]).toBe(1)
    let calls = 0
    expect(() => learnResponse(store.db, { seed: 1, isCancelled: () => ++calls > 3 })).toThrow(ResponseCancelled)
  })
})
