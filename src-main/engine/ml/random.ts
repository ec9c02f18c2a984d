/**
 * Seeded pseudo-random numbers for everything the learning step draws:
 * row shuffles, train/validation splits, negative samples, layer seeds.
 * Math.random is never used, so the same seed and the same data give the
 * same model (merchants can re-run a plan and get the same answer).
 */

/** A stream of numbers in [0, 1) from mulberry32: tiny, fast, good enough for sampling. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [0, n). */
  int(n: number): number
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n) => Math.floor(next() * n) }
}

/**
 * A new seed for one named use of a base seed ("dense_1", "epoch 3"), so
 * adding a layer or a draw elsewhere does not shift every other stream.
 * FNV-1a over the label, mixed with the seed; always a non-negative int32
 * because tfjs initialisers want a plain number.
 */
export function deriveSeed(seed: number, label: string | number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0)
  const text = String(label)
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  return (h >>> 0) & 0x7fffffff
}

/** At most `max` of the items (all when max ≤ 0 or there are no more), a seeded sample kept in their original order. */
export function sampleOf<T>(items: T[], max: number, rng: Rng): T[] {
  if (max <= 0 || items.length <= max) return items
  const chosen = permutation(items.length, rng).subarray(0, max).sort()
  return Array.from(chosen, (i) => items[i])
}

/** 0..n-1 in a seeded random order (Fisher–Yates). */
export function permutation(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = order[i]
    order[i] = order[j]
    order[j] = t
  }
  return order
}

/**
 * Row indices split into a training part and a validation part of about
 * `validationFraction`, both in random order. Stratified on `labels` when
 * given, so a small shop's few buyers are not all drawn into one side.
 */
export function splitRows(
  n: number,
  validationFraction: number,
  rng: Rng,
  labels?: ArrayLike<number>,
): { train: Int32Array; validation: Int32Array } {
  const groups: number[][] = labels ? [[], []] : [[]]
  for (let i = 0; i < n; i++) groups[labels ? (labels[i] > 0 ? 1 : 0) : 0].push(i)
  const train: number[] = []
  const validation: number[] = []
  for (const group of groups) {
    const order = permutation(group.length, rng)
    const take = Math.round(group.length * validationFraction)
    for (let i = 0; i < group.length; i++) (i < take ? validation : train).push(group[order[i]])
  }
  const shuffle = (rows: number[]): Int32Array => {
    const order = permutation(rows.length, rng)
    return Int32Array.from(order, (i) => rows[i])
  }
  return { train: shuffle(train), validation: shuffle(validation) }
}
