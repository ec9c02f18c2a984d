/**
 * Per-customer upper convex hulls of the (cost, value) options, the classic
 * trick for the multiple-choice knapsack's LP relaxation: at any price λ a
 * customer's best option (argmax value − λ·cost, or none) is a hull vertex,
 * and moving λ down walks the hull one segment at a time. Sorting every
 * customer's hull segments by slope, once, turns the whole budget sweep into
 * one pass over that order; that is what makes re-planning live.
 *
 * Only options worth giving are kept: feasible, value > 0, finite. A negative
 * cost (meaningless for an expected discount) is read as 0.
 */

export interface ChoiceMatrix {
  n: number
  k: number
  /** n×k, index i*k + j: what the optimiser maximises (e.g. cautious profit). */
  value: Float32Array
  /** n×k: what the budget counts (expected or face-value cost). */
  cost: Float32Array
  feasible: Uint8Array
}

export interface Hulls {
  n: number
  /** Customer i's vertices are start[i] .. start[i+1]−1, cost ascending; the first is "none" or a free option. */
  start: Int32Array
  /** Offer index at each vertex, −1 = no coupon. */
  option: Int32Array
  cost: Float64Array
  value: Float64Array
  /** Customer of each vertex. */
  customer: Int32Array
  /** Slope of the segment ending at each vertex (its first vertex: 0). */
  slope: Float64Array
  /** Vertices that end a segment, by slope descending; ties keep vertex order, so a customer's segments stay in hull order. */
  order: Int32Array
  /** The same segments laid out in that order (customer, start vertex, cost step), so the sweep reads memory in sequence. */
  segCustomer: Int32Array
  segFrom: Int32Array
  segCost: Float64Array
  /** Total cost of every customer at their top vertex: budget beyond this buys nothing. */
  maxUsefulCost: number
}

export function buildHulls(m: ChoiceMatrix): Hulls {
  const { n, k: K } = m
  if (m.value.length !== n * K || m.cost.length !== n * K || m.feasible.length !== n * K) throw new Error('buildHulls: value, cost and feasible must be n×k')
  // At most K + 1 vertices per customer; trimmed at the end.
  const cap = n * (K + 1)
  const option = new Int32Array(cap)
  const cost = new Float64Array(cap)
  const value = new Float64Array(cap)
  const customer = new Int32Array(cap)
  const start = new Int32Array(n + 1)
  const idx = new Int32Array(K)
  let top = 0
  let maxUsefulCost = 0
  for (let i = 0; i < n; i++) {
    start[i] = top
    const row = i * K
    let count = 0
    for (let j = 0; j < K; j++) {
      const v = m.value[row + j]
      if (m.feasible[row + j] && v > 0 && Number.isFinite(v) && Number.isFinite(m.cost[row + j])) idx[count++] = j
    }
    // Cost ascending, value descending among equal costs (insertion sort: K is small).
    for (let a = 1; a < count; a++) {
      const j = idx[a]
      const c = Math.max(0, m.cost[row + j])
      const v = m.value[row + j]
      let b = a - 1
      while (b >= 0) {
        const cb = Math.max(0, m.cost[row + idx[b]])
        if (cb < c || (cb === c && m.value[row + idx[b]] >= v)) break
        idx[b + 1] = idx[b]
        b--
      }
      idx[b + 1] = j
    }
    // The origin: no coupon, nothing spent, nothing earned.
    option[top] = -1
    cost[top] = 0
    value[top] = 0
    customer[top] = i
    let len = 1
    for (let a = 0; a < count; a++) {
      const j = idx[a]
      const c = Math.max(0, m.cost[row + j])
      const v = m.value[row + j]
      const last = top + len - 1
      if (c === 0) {
        // A free option that earns: it replaces "none" as the starting vertex.
        if (v > value[top]) {
          option[top] = j
          value[top] = v
        }
        continue
      }
      if (v <= value[last]) continue // dominated: costs more, earns no more
      // Pop vertices on or under the line from the one before to this point.
      while (len >= 2) {
        const p = top + len - 2
        const q = top + len - 1
        const cross = (cost[q] - cost[p]) * (v - value[p]) - (value[q] - value[p]) * (c - cost[p])
        if (cross < 0) break
        len--
      }
      const at = top + len
      option[at] = j
      cost[at] = c
      value[at] = v
      customer[at] = i
      len++
    }
    maxUsefulCost += cost[top + len - 1]
    top += len
  }
  start[n] = top
  const slope = new Float64Array(top)
  let segments = 0
  for (let i = 0; i < n; i++) {
    for (let v = start[i] + 1; v < start[i + 1]; v++) {
      slope[v] = (value[v] - value[v - 1]) / (cost[v] - cost[v - 1])
      segments++
    }
  }
  const ends = new Int32Array(segments)
  let e = 0
  for (let i = 0; i < n; i++) for (let v = start[i] + 1; v < start[i + 1]; v++) ends[e++] = v
  const order = sortBySlopeDescending(ends, slope)
  const segCustomer = new Int32Array(segments)
  const segFrom = new Int32Array(segments)
  const segCost = new Float64Array(segments)
  for (let a = 0; a < segments; a++) {
    const v = order[a]
    segCustomer[a] = customer[v]
    segFrom[a] = v - 1
    segCost[a] = cost[v] - cost[v - 1]
  }
  return {
    n,
    start,
    option: option.slice(0, top),
    cost: cost.slice(0, top),
    value: value.slice(0, top),
    customer: customer.slice(0, top),
    slope,
    order,
    segCustomer,
    segFrom,
    segCost,
    maxUsefulCost,
  }
}

/**
 * Stable LSD radix sort (two 16-bit passes) on the float32 bits of the slopes:
 * millions of segments sort in tens of milliseconds, where a comparator sort
 * takes about a second. Positive float bits order like the floats; the bits
 * are complemented for descending. Float32 rounding only makes near-equal
 * slopes ties, and stability keeps ties in vertex order (a customer's hull order).
 */
function sortBySlopeDescending(ends: Int32Array, slope: Float64Array): Int32Array {
  const len = ends.length
  const f32 = new Float32Array(1)
  const u32 = new Uint32Array(f32.buffer)
  const keys = new Uint32Array(len)
  for (let a = 0; a < len; a++) {
    f32[0] = slope[ends[a]]
    keys[a] = ~u32[0] >>> 0
  }
  let src = ends.slice()
  let srcKeys = keys
  let dst = new Int32Array(len)
  let dstKeys = new Uint32Array(len)
  const counts = new Int32Array(65536)
  for (const shift of [0, 16]) {
    counts.fill(0)
    for (let a = 0; a < len; a++) counts[(srcKeys[a] >>> shift) & 0xffff]++
    let sum = 0
    for (let b = 0; b < 65536; b++) {
      const c = counts[b]
      counts[b] = sum
      sum += c
    }
    for (let a = 0; a < len; a++) {
      const pos = counts[(srcKeys[a] >>> shift) & 0xffff]++
      dst[pos] = src[a]
      dstKeys[pos] = srcKeys[a]
    }
    ;[src, dst] = [dst, src]
    ;[srcKeys, dstKeys] = [dstKeys, srcKeys]
  }
  return src
}
