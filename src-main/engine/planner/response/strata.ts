/**
 * Campaign × arm strata. Randomisation happened within each campaign, so
 * splits and bootstrap draws keep every campaign's treated/control balance
 * instead of mixing arms across campaigns.
 */
import { permutation, type Rng } from '../../ml/random'

export function strata(members: readonly { campaignId: number; arm: string }[]): number[][] {
  const groups = new Map<string, number[]>()
  members.forEach((m, i) => {
    const key = `${m.campaignId}:${m.arm}`
    const group = groups.get(key)
    if (group) group.push(i)
    else groups.set(key, [i])
  })
  // Sorted keys: the draw must not depend on the order campaigns were read in.
  return [...groups.keys()].sort().map((key) => groups.get(key) as number[])
}

/** About `share` of every stratum held out, seeded. */
export function stratifiedSplit(members: readonly { campaignId: number; arm: string }[], share: number, rng: Rng): { train: number[]; heldOut: number[] } {
  const train: number[] = []
  const heldOut: number[] = []
  for (const group of strata(members)) {
    const order = permutation(group.length, rng)
    const take = Math.round(group.length * share)
    for (let i = 0; i < group.length; i++) (i < take ? heldOut : train).push(group[order[i]])
  }
  return { train: train.sort((a, b) => a - b), heldOut: heldOut.sort((a, b) => a - b) }
}

/** Bootstrap multiplicities: each stratum resampled with replacement to its own size. */
export function bootstrapWeights(members: readonly { campaignId: number; arm: string }[], rng: Rng): Float64Array {
  const weight = new Float64Array(members.length)
  for (const group of strata(members)) {
    for (let draw = 0; draw < group.length; draw++) weight[group[rng.int(group.length)]] += 1
  }
  return weight
}

/** Fold index 0..folds−1 of every member: each stratum dealt round-robin over the folds in a seeded order. */
export function stratifiedFolds(members: readonly { campaignId: number; arm: string }[], folds: number, rng: Rng): Int32Array {
  const fold = new Int32Array(members.length)
  let offset = 0
  for (const group of strata(members)) {
    const order = permutation(group.length, rng)
    // Carry the offset across strata so small strata do not all start at fold 0.
    for (let i = 0; i < group.length; i++) fold[group[order[i]]] = (offset + i) % folds
    offset = (offset + group.length) % folds
  }
  return fold
}
